"""Printed survey-code slips: the supervisor makes slips, Chromium prints the page to an A4 PDF
(WebDriver's print, i.e. Page.printToPDF), and the print is checked as paper: in print-media emulation
every slip holds its own text (no fixed height that clips or spills it) and no two slips overlap; in
the PDF no two words overlap on any page, no slip is split across a page break, every code is printed
once, and the QR codes, rasterised with pdftoppm and decoded with zbarimg, lead to /k with each slip's
code filled in. Done with the page in Finnish and in Swedish (the slips carry both languages). The
slips page itself (a POST result, so no crawl reaches it) goes through axe, the 320 px check and Nu."""
import base64
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from accounts import DEMO_PASSWORD
from harness import path_of, sign_in, wait_until_replaced

SUPERVISOR = "esihenkilo"
CODE = re.compile(r"^[0-9A-Z]{5}-[0-9A-Z]{5}$")
LANGUAGE_BUTTONS = "form[action$='/language'] button[name=language]"
# A4 less the 15 mm margins of the print style, in CSS pixels (96 per inch).
PRINT_WIDTH_PX = round((210 - 2 * 15) / 25.4 * 96)
# The last word of each language's instruction on a slip: one of each per slip on every page.
LAST_WORDS = {"fi": "nimettömänä.", "sv": "anonymt."}


def need(tool):
    path = shutil.which(tool)
    assert path, f"{tool} is missing: run scripts/e2e-setup.sh (make e2e-deps)"
    return path


def surveys_page(driver, base_url):
    """The slip page of the supervisor's first unit, reached through the links a person follows."""
    driver.get(base_url + "/units")
    units = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href]")
             if re.fullmatch(r"/units/\d+", path_of(a.get_attribute("href") or ""))]
    assert units, "the demo supervisor's /units lists no unit"
    driver.get(units[0])
    link = driver.find_element(By.CSS_SELECTOR, "main a[href$='/surveys']")
    return link.get_attribute("href")


def make_slips(driver, surveys_url, count):
    """Fills in the first round's slip count and prints; returns the codes on the page."""
    driver.get(surveys_url)
    field = driver.find_element(By.CSS_SELECTOR, "form input[name=count]")
    field.clear()
    field.send_keys(str(count))
    button = field.find_element(By.XPATH, "./ancestor::form//button[@type='submit']")
    button.click()
    wait_until_replaced(driver, button)
    codes = [element.text.strip() for element in driver.find_elements(By.CSS_SELECTOR, ".slip-code")]
    assert len(codes) == count and all(CODE.match(code) for code in codes), codes
    return codes


def make_tree_slips(driver, surveys_url, per_unit):
    """Chooses "with its sub-units" on the slip page, gives every invited unit of the first round
    `per_unit` slips and prints; returns the codes and the unit named on each slip."""
    driver.get(surveys_url)
    choice = driver.find_element(By.CSS_SELECTOR, "nav.scope-choice a[href$='?with=sub-units']")
    choice.click()
    wait_until_replaced(driver, choice)
    form = driver.find_element(By.CSS_SELECTOR, "form input[name=scope][value=sub-units]").find_element(
        By.XPATH, "./ancestor::form")
    fields = form.find_elements(By.CSS_SELECTOR, "input[type=number]")
    names = [driver.find_element(By.CSS_SELECTOR, f"label[for='{f.get_attribute('id')}']").text for f in fields]
    assert len(fields) >= 2, "the demo supervisor's unit has invited sub-units"
    for field in fields:
        field.clear()
        field.send_keys(str(per_unit))
    button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    wait_until_replaced(driver, button)
    codes = [element.text.strip() for element in driver.find_elements(By.CSS_SELECTOR, ".slip-code")]
    units = [element.text.strip() for element in driver.find_elements(By.CSS_SELECTOR, ".slip-unit")]
    assert len(codes) == per_unit * len(fields) and all(CODE.match(code) for code in codes), codes
    assert sorted(units) == sorted(name for name in names for _ in range(per_unit)), (units, names)
    return codes


def raw_slips_page(driver, surveys_url, base_url):
    """The served HTML of a slips page (for Nu), by the same POST with the browser's session."""
    driver.get(surveys_url)
    form = driver.find_element(By.CSS_SELECTOR, "form input[name=count]").find_element(By.XPATH, "./ancestor::form")
    action = urllib.parse.urljoin(base_url, form.get_attribute("action"))
    token = form.find_element(By.NAME, "csrf_token").get_attribute("value")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(action, data=urllib.parse.urlencode(
        {"csrf_token": token, "count": "2"}).encode(), headers={"Cookie": cookies, "Origin": base_url})
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.geturl(), response.read()


def layout_in_print_media(driver):
    """Problems of the slips laid out for print at A4's printable width."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PRINT_WIDTH_PX, "height": 1100, "deviceScaleFactor": 1, "mobile": False})
    try:
        slips = driver.execute_script("""
            const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            return [...document.querySelectorAll('.slip')].map(slip => ({
              box: box(slip), code: slip.querySelector('.slip-code').textContent,
              parts: [...slip.querySelectorAll('p, svg')].map(e => ({name: e.className.baseVal ?? e.className,
                                                                     box: box(e)})),
              clipped: slip.scrollHeight > slip.clientHeight + 1 || slip.scrollWidth > slip.clientWidth + 1,
              height: getComputedStyle(slip).height, maxHeight: getComputedStyle(slip).maxHeight}));""")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    problems = []
    for slip in slips:
        left, top, right, bottom = slip["box"]
        if slip["clipped"]:
            problems.append(f"slip {slip['code']}: its content overflows its box")
        for part in slip["parts"]:
            l, t, r, b = part["box"]
            if l < left - 0.5 or t < top - 0.5 or r > right + 0.5 or b > bottom + 0.5:
                problems.append(f"slip {slip['code']}: {part['name']} {part['box']} crosses its cut line {slip['box']}")
    for index, first in enumerate(slips):
        for second in slips[index + 1:]:
            if overlap(first["box"], second["box"]) > 1:
                problems.append(f"slips {first['code']} and {second['code']} overlap")
    return slips, problems


def overlap(a, b):
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0


def print_pdf(driver, path):
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 1.5
    options.background = False
    with open(path, "wb") as file:
        file.write(base64.b64decode(driver.print_page(options)))


def pdf_pages(path):
    """Per page of the PDF: its words as (text, xMin, yMin, xMax, yMax), from pdftotext -bbox."""
    output = subprocess.run([need("pdftotext"), "-bbox", path, "-"], capture_output=True, check=True,
                            timeout=60).stdout.decode()
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", output, re.S):
        words = []
        for x0, y0, x1, y1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            words.append((text, float(x0), float(y0), float(x1), float(y1)))
        pages.append(words)
    return pages


def pdf_problems(pages, codes):
    problems = []
    printed = []
    for number, words in enumerate(pages, 1):
        for index, first in enumerate(words):
            for second in words[index + 1:]:
                # Boxes of words on one line touch; overlapping text overlaps by far more than 0.5 pt².
                if overlap(first[1:], second[1:]) > 0.5:
                    problems.append(f"page {number}: {first[0]!r} and {second[0]!r} are printed over each other")
        on_page = [w[0] for w in words if CODE.match(w[0])]
        printed += on_page
        for language, last in LAST_WORDS.items():
            count = sum(1 for w in words if w[0] == last)
            if count != len(on_page):
                problems.append(f"page {number}: {len(on_page)} codes but {count} {language} instructions "
                                "ending there: a slip is split across pages")
    if sorted(printed) != sorted(codes):
        problems.append(f"the PDF prints codes {sorted(printed)}, the page made {sorted(codes)}")
    return problems


def decoded_qr_codes(pdf, folder):
    subprocess.run([need("pdftoppm"), "-r", "150", "-png", pdf, os.path.join(folder, "page")], check=True, timeout=120)
    found = []
    for image in sorted(f for f in os.listdir(folder) if f.startswith("page") and f.endswith(".png")):
        done = subprocess.run([need("zbarimg"), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                               os.path.join(folder, image)], capture_output=True, timeout=120)
        found += [line for line in done.stdout.decode().splitlines() if line]
    return found


def choose_language(driver, code):
    button = driver.find_element(By.CSS_SELECTOR, f"{LANGUAGE_BUTTONS}[value='{code}']")
    button.click()
    wait_until_replaced(driver, button)


def test_printed_slips_fit_on_a4_and_their_qr_codes_open_the_code_form(
        app_ready, base_url, fresh_browser, checker):
    driver = fresh_browser
    sign_in(driver, base_url, SUPERVISOR, DEMO_PASSWORD)
    surveys_url = surveys_page(driver, base_url)
    problems = []
    folder = tempfile.mkdtemp(prefix="slips-", dir=os.environ.get("E2E_ARTIFACTS"))
    all_codes = []
    for language in ("fi", "sv"):
        driver.get(surveys_url)
        choose_language(driver, language)
        # Finnish: one unit; Swedish: the unit with its sub-units, each slip naming its unit.
        codes = make_slips(driver, surveys_url, 11) if language == "fi" else make_tree_slips(driver, surveys_url, 3)
        all_codes += codes
        assert driver.execute_script("return document.documentElement.lang") == language
        problems += [f"{language}: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
        slips, layout = layout_in_print_media(driver)
        problems += [f"{language}, print layout: {p}" for p in layout]
        assert len(slips) == len(codes)
        pdf = os.path.join(folder, f"slips-{language}.pdf")
        print_pdf(driver, pdf)
        pages = pdf_pages(pdf)
        assert len(pages) >= (2 if len(codes) > 8 else 1), f"{len(codes)} slips on {len(pages)} pages"
        problems += [f"{language}, PDF: {p}" for p in pdf_problems(pages, codes)]
        images = os.path.join(folder, language)
        os.makedirs(images)
        decoded = decoded_qr_codes(pdf, images)
        wanted = sorted(f"{base_url}/k?code={code}" for code in codes)
        if sorted(decoded) != wanted:
            problems.append(f"{language}: the QR codes decode to {sorted(decoded)}, expected {wanted}")
        url, body = raw_slips_page(driver, surveys_url, base_url)
        checker.collector.add(f"{SUPERVISOR}, slips ({language})", url, body)
    driver.get(surveys_url)
    choose_language(driver, "fi")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)

    # A scanned slip opens the code form with its code filled in, not yet sent.
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.get(f"{base_url}/k?code={all_codes[0]}")
    assert path_of(driver.current_url) == "/k"
    assert driver.find_element(By.ID, "code").get_attribute("value") == all_codes[0]
    assert not any(c["name"] == "tt_code" for c in driver.get_cookies()), "the code was entered without a press"
    result = checker.check(f"{base_url}/k?code={all_codes[0]}", label="anonymous, code from a QR code")
    assert not result.problems, result.problems
