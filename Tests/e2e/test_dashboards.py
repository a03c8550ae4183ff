"""The results dashboards at laptop width (1,366 CSS px): HR's organisation dashboard and a
supervisor's unit dashboard, reached through the links a person follows, in Finnish.

At 1,366 px the area table's gap and change columns lie inside the window and inside the table's
own box, with nothing to scroll sideways; the group tables (sectors, units, sub-units, job groups)
need no sideways scrolling either. Sorting is done by links: the sorted heading gets `aria-sort`
and a visible ▲ or ▼, and following it again turns the order round. A gap below its target has a
symbol besides its colour, and the page has keys and a plain-language explanation of the figures.

Each dashboard, sorted and unsorted, with every details element opened as well, goes through axe
and the 320 px check, and its served HTML through the Nu validator at the end of this file, so that
`-k dashboard` checks all three."""
import os
import re

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, fetch_raw, nu_errors, path_of, sign_in, wait_until_replaced

LAPTOP = {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False}
LANGUAGE_BUTTONS = "form[action$='/language'] button[name=language]"
GAP, CHANGE = "Ero tavoitteeseen", "Muutos edelliseen"
ARTIFACTS = os.environ.get("E2E_ARTIFACTS") or os.path.join(
    os.path.dirname(__file__), "..", "..", ".build-e2e", "last-run")


@pytest.fixture(scope="session")
def dashboard_html():
    """The served HTML of the dashboards checked here, for the Nu validator at the end (of the
    session: the `last` mark moves that test after every other file's)."""
    return HtmlCollector(os.path.join(ARTIFACTS, "dashboard-html"))


def choose_language(driver, code):
    button = driver.find_element(By.CSS_SELECTOR, f"{LANGUAGE_BUTTONS}[value='{code}']")
    button.click()
    wait_until_replaced(driver, button)


def first_dashboard(driver, base_url, pattern):
    """The first results page linked from /results whose path matches `pattern` and that shows
    an area table (a closed round whose figures the reader may see)."""
    driver.get(base_url + "/results")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]")]
    for link in [link for link in links if re.fullmatch(pattern, path_of(link))]:
        driver.get(link)
        if driver.find_elements(By.ID, "areas-table"):
            return link
    pytest.fail(f"no dashboard with an area table is linked from /results ({pattern})")


def at_laptop_width(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", LAPTOP)


MEASURE = r"""
const width = window.innerWidth;
function label(element) {
  const copy = element.cloneNode(true);
  copy.querySelectorAll('.visually-hidden').forEach(hidden => hidden.remove());
  return copy.textContent.replace(/\s+/g, ' ').trim();
}
function shown(element) { return element.closest('details:not([open])') === null; }
function inside(element, box) {
  const r = element.getBoundingClientRect();
  return r.left >= Math.max(box.left, 0) - 0.5 && r.right <= Math.min(box.right, width) + 0.5;
}
const tables = [...document.querySelectorAll('.table-scroll')].filter(shown).map(scroll => {
  const table = scroll.querySelector('table');
  const box = scroll.getBoundingClientRect();
  const headings = [...table.querySelectorAll('thead th')].map(th => ({
    text: label(th), inside: inside(th, box), right: Math.round(th.getBoundingClientRect().right)}));
  const outside = [...table.querySelectorAll('tbody tr')].flatMap(tr => [...tr.children]
    .filter(cell => !inside(cell, box)).map(cell => tr.children[0].innerText.trim() + ' / ' + cell.innerText.trim()));
  return {id: table.id, caption: (table.caption ? table.caption.innerText : '').trim(),
          scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth, scrollLeft: scroll.scrollLeft,
          right: Math.round(box.right), headings: headings, outside: outside};
});
return {width: width, pageWidth: document.documentElement.scrollWidth, tables: tables};
"""


def layout_problems(driver, label):
    """What a reader at 1,366 px would have to scroll sideways to see."""
    measured = driver.execute_script(MEASURE)
    problems = []
    if measured["width"] != LAPTOP["width"]:
        problems.append(f"{label}: the window is {measured['width']} px wide, not {LAPTOP['width']}")
    if measured["pageWidth"] > measured["width"]:
        problems.append(f"{label}: the page is {measured['pageWidth']} px wide and scrolls sideways")
    tables = {table["id"]: table for table in measured["tables"]}
    areas = tables.get("areas-table")
    if areas is None:
        return problems + [f"{label}: no visible area table (#areas-table)"]
    headings = [heading["text"].rstrip("▲▼") for heading in areas["headings"]]
    for name in (GAP, CHANGE):
        found = [heading for heading in areas["headings"] if heading["text"].rstrip("▲▼") == name]
        if not found:
            problems.append(f"{label}: the area table has no '{name}' column (headings {headings})")
        elif not found[0]["inside"]:
            problems.append(f"{label}: the area table's '{name}' heading ends at {found[0]['right']} px, "
                            f"out of sight in a {measured['width']} px window")
    for table in measured["tables"]:
        if table["scrollWidth"] > table["clientWidth"] + 1:
            problems.append(f"{label}: table '{table['caption']}' ({table['id']}) is {table['scrollWidth']} px "
                            f"wide in a {table['clientWidth']} px box: columns out of sight")
        if table["outside"]:
            problems.append(f"{label}: cells of '{table['caption']}' out of sight: {table['outside'][:4]}")
    return problems


def open_every_details(driver):
    """Opens the details elements by their summaries, as a person does (no script of the page's)."""
    for summary in driver.find_elements(By.CSS_SELECTOR, "details:not([open]) > summary"):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()


def accessibility_problems(checker, driver, url, label, collector):
    """axe and the 320 px check of the page as served and with every details element open, and
    its HTML kept for the Nu validator."""
    result = checker.check(url, label)
    problems = [f"{label}: {problem}" for problem in result.problems]
    raw = fetch_raw(url, driver.get_cookies())
    collector.add(label, url, raw.body)
    open_every_details(driver)
    problems += [f"{label}, details open: {problem}"
                 for problem in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    return problems


def visible_label(driver, element):
    """An element's text as seen, without what is there only for screen readers."""
    return driver.execute_script(
        "const copy = arguments[0].cloneNode(true);"
        "copy.querySelectorAll('.visually-hidden').forEach(hidden => hidden.remove());"
        "return copy.textContent.replace(/\\s+/g, ' ').trim();", element)


def sorting_problems(driver, label):
    """Sorts the area table by its gap heading twice, following the links."""
    problems = []

    def gap_heading():
        for th in driver.find_elements(By.CSS_SELECTOR, "#areas-table thead th"):
            if visible_label(driver, th).rstrip("▲▼") == GAP:
                return th
        return None

    heading = gap_heading()
    if heading is None or not heading.find_elements(By.TAG_NAME, "a"):
        return [f"{label}: the gap heading is not a sort link"]
    for direction, marker in (("ascending", "▲"), ("descending", "▼")):
        link = heading.find_element(By.TAG_NAME, "a")
        link.click()
        wait_until_replaced(driver, link)
        heading = gap_heading()
        if heading is None:
            return problems + [f"{label}: no gap heading after sorting {direction}"]
        if heading.get_attribute("aria-sort") != direction:
            problems.append(f"{label}: sorted {direction}, the gap heading has aria-sort="
                            f"{heading.get_attribute('aria-sort')!r}")
        if not visible_label(driver, heading).endswith(marker):
            problems.append(f"{label}: sorted {direction}, the gap heading reads {visible_label(driver, heading)!r}, "
                            f"without {marker}")
        marker_box = heading.find_element(By.CSS_SELECTOR, ".sort-marker").rect
        if marker_box["width"] <= 0:
            problems.append(f"{label}: the sort marker is not visible")
        problems += layout_problems(driver, f"{label}, sorted by gap {direction}")
    weakest = [a for a in driver.find_elements(By.CSS_SELECTOR, ".table-links a") if a.text.strip() == "Heikoimmat ensin"]
    if not weakest:
        problems.append(f"{label}: no 'Heikoimmat ensin' (weakest first) link")
    return problems


def content_problems(driver, label):
    """Text besides colour, keys and explanations."""
    problems = []
    flags = driver.find_elements(By.CSS_SELECTOR, "#areas-table td.below-target .flag-symbol")
    below = [cell for cell in driver.find_elements(By.CSS_SELECTOR, "#areas-table td")
             if cell.text.strip().startswith(("−", "-")) and cell.find_elements(By.CSS_SELECTOR, ".flag-symbol")]
    if not flags or not below:
        problems.append(f"{label}: no gap below target is marked with a symbol")
    if not driver.find_elements(By.CSS_SELECTOR, ".flag-key li"):
        problems.append(f"{label}: no key says what the below-target symbol means")
    if len(driver.find_elements(By.CSS_SELECTOR, ".heat-key li")) < 5:
        problems.append(f"{label}: no key of the means' shading")
    explanations = driver.find_elements(By.CSS_SELECTOR, "details.explanations")
    if not explanations:
        return problems + [f"{label}: no explanation of the figures"]
    explanations[0].find_element(By.TAG_NAME, "summary").click()
    terms = [dt.text for dt in explanations[0].find_elements(By.TAG_NAME, "dt")]
    if "Keskihajonta" not in terms or not any("luottamusväli" in term for term in terms):
        problems.append(f"{label}: the explanations leave out the standard deviation or the interval: {terms}")
    return problems


def check_dashboard(driver, base_url, checker, collector, pattern, label, extra_queries):
    url = first_dashboard(driver, base_url, pattern)
    problems = []
    try:
        at_laptop_width(driver)
        driver.get(url)
        problems += layout_problems(driver, label)
        problems += content_problems(driver, label)
        driver.get(url)
        problems += sorting_problems(driver, label)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    for query in ("",) + extra_queries:
        problems += accessibility_problems(checker, driver, url + query, label + (f" {query}" if query else ""),
                                           collector)
    return problems


def test_organisation_dashboard_at_laptop_width(app_ready, base_url, fresh_browser, checker, dashboard_html):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "hr", DEMO_PASSWORD)) == "/"
    choose_language(driver, "fi")
    problems = check_dashboard(driver, base_url, checker, dashboard_html, r"/rounds/\d+/results",
                               "organisation dashboard",
                               ("?area-sort=gap&area-dir=asc&sort=ict-basics&dir=asc", "?columns=all"))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_unit_dashboard_at_laptop_width(app_ready, base_url, fresh_browser, checker, dashboard_html):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)) == "/"
    choose_language(driver, "fi")
    problems = check_dashboard(driver, base_url, checker, dashboard_html, r"/rounds/\d+/results/units/\d+",
                               "unit dashboard", ("?area-sort=mean&area-dir=asc",))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.last
def test_dashboard_html_is_valid(app_ready, dashboard_html):
    """The Nu validator over the dashboards' HTML as served (also checked with every page at the end
    of a full run; here so that `-k dashboard` checks it too)."""
    if not dashboard_html.urls_by_file:
        pytest.skip("no dashboard was checked")
    errors = nu_errors(sorted(dashboard_html.urls_by_file))
    if errors:
        pytest.fail(f"the Nu validator found {len(errors)} error(s) in the dashboards' HTML:\n"
                    + "\n".join(f"{os.path.basename(path)} ({', '.join(dashboard_html.urls_by_file.get(path, []))}): "
                                f"{message}" for path, message in errors), pytrace=False)
