"""The supervisors' and HR's training views on the demo data: the unit's view as `esihenkilo` (reached
from the unit page) and HR's organisation report as `hr` (reached from the organisation page, then a
period chosen in its form, then a unit's view from the report's unit table). Every page passes axe
(WCAG 2.1 A/AA) and the 320 px check in Chromium, and its served HTML the Nu validator."""
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, path_of, sign_in, wait_until_replaced


def checked(checker, url, label):
    """Checks one page; fails with its problems."""
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)
    return result


def texts(driver, selector):
    return [element.text.strip() for element in driver.find_elements(By.CSS_SELECTOR, selector)]


@pytest.fixture
def report_checker(driver):
    """A checker whose pages are validated by Nu at the end of the test that uses it."""
    folder = tempfile.mkdtemp(prefix="e2e-training-report-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the training views:\n" + "\n".join(errors)


def test_report_unit_view_as_supervisor(app_ready, base_url, fresh_browser, report_checker):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)) == "/"
    driver.get(base_url + "/units")
    units = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]")
             if re.fullmatch(r"/units/\d+", path_of(a.get_attribute("href") or ""))]
    assert units, "the demo supervisor's /units lists no unit"
    driver.get(units[0])
    link = driver.find_element(By.CSS_SELECTOR, "main a[href$='/trainings']")
    view = link.get_attribute("href")
    link.click()
    wait_until_replaced(driver, link)
    assert path_of(driver.current_url) == path_of(view)
    checked(report_checker, view, "esihenkilo")
    headings = texts(driver, "main h2")
    assert len(headings) == 4, headings
    # The daycare centre has coming sessions (nap time, on site) and people with a training history.
    sessions = texts(driver, "#upcoming-heading + p + ul.session-list > li")
    assert any(re.search(r"12[.:]30–13[.:]00", session) for session in sessions), sessions
    assert driver.find_elements(By.CSS_SELECTOR, "table[aria-labelledby], #people-caption")
    people = driver.find_elements(By.CSS_SELECTOR, "#people-caption ~ tbody tr")
    assert len(people) >= 5
    # No one else's unit: a unit the supervisor does not lead is not found.
    assert checker_status(report_checker, base_url + "/units/999999/trainings") == 404


def checker_status(checker, url):
    from harness import fetch_raw
    return fetch_raw(url, checker.driver.get_cookies()).status


def test_report_organisation_view_as_hr(app_ready, base_url, fresh_browser, report_checker):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "hr", DEMO_PASSWORD)) == "/"
    driver.get(base_url + "/organisations/jarvela")
    link = driver.find_element(By.CSS_SELECTOR, "main a[href$='/training-report']")
    report = link.get_attribute("href")
    checked(report_checker, report, "hr")
    figures = texts(driver, ".key-figures dd")
    held = int(re.sub(r"\D", "", figures[0] if figures else "0"))
    assert held > 50, figures
    assert driver.find_elements(By.CSS_SELECTOR, "#survey-areas-table tbody tr"), "no link to the survey"

    # A period chosen in the form: the first three months of the default year.
    start = driver.find_element(By.ID, "from").get_attribute("value")
    year, month = int(start[:4]), int(start[5:7]) + 3
    end = f"{year + (month - 1) // 12:04d}-{(month - 1) % 12 + 1:02d}-01"
    driver.execute_script("document.getElementById('to').value = arguments[0]", end)
    button = driver.find_element(By.CSS_SELECTOR, "form.period-form button[type=submit]")
    button.click()
    wait_until_replaced(driver, button)
    chosen = driver.current_url
    assert "from=" in chosen and "to=" in chosen, chosen
    checked(report_checker, chosen, "hr, chosen period")

    # A bad period: field-tied errors, still accessible.
    bad = base_url + "/organisations/jarvela/training-report?from=2026-02-30&to=2025-01-01"
    result = report_checker.check(bad, "hr, bad period", expected_status=422)
    assert not result.problems, "\n".join(result.problems)
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary a[href='#from']")

    # A unit's view from the report's unit table.
    driver.get(report)
    unit = driver.find_element(By.CSS_SELECTOR, "#units-table tbody a[href*='/units/']")
    checked(report_checker, unit.get_attribute("href"), "hr, a unit")
