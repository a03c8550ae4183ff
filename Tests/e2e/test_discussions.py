"""Development discussions on the demo data: HR's cycles and counts, the supervisor's list, the
discussion page as the supervisor and as the employee, and the employee's own list pass axe (WCAG 2.1
A/AA), the 320 px check and the Nu validator; the employee prepares on a 360 px wide phone without
JavaScript.

The demo may or may not have a running cycle with tyontekija's discussion in it; the fixture makes
them straight in the database when it has not, as test_calendar.py writes its sessions."""
import base64
import datetime
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from accounts import DEMO_PASSWORD, demo_database as database
from harness import HtmlCollector, PageChecker, sign_in, wait_until_replaced

PHONE_WIDTH = 360


@pytest.fixture
def discussion_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-discussions-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the discussion pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def now_stamp():
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.strftime("%Y-%m-%d %H:%M:%S.") + f"{now.microsecond // 1000:03d}"


@pytest.fixture(scope="module")
def discussion(app_ready):
    """tyontekija's discussion in a running cycle of Järvelä (made here when the demo has none), not
    signed, with preparation questions to answer. Returns (discussion id, unit id)."""
    connection = database()
    today = datetime.date.today()
    try:
        with connection:
            organisation, employee, unit = connection.execute("""
                SELECT e.organisation_id, e.id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id
                WHERE u.login = 'tyontekija'""").fetchone()
            row = connection.execute("""
                SELECT id FROM discussion_cycles WHERE organisation_id = ? AND starts_on <= ? AND ends_on >= ?
                  AND NOT EXISTS (SELECT 1 FROM discussion_cycle_units s WHERE s.cycle_id = discussion_cycles.id)
                ORDER BY starts_on DESC, id DESC LIMIT 1""", (organisation, today.isoformat(), today.isoformat())).fetchone()
            cycle = row[0] if row else connection.execute("""
                INSERT INTO discussion_cycles (organisation_id, title, starts_on, ends_on, created_at)
                VALUES (?, 'Kehityskeskustelut (e2e)', ?, ?, ?)""",
                (organisation, (today - datetime.timedelta(days=20)).isoformat(),
                 (today + datetime.timedelta(days=90)).isoformat(), now_stamp())).lastrowid
            if connection.execute("SELECT count(*) FROM discussion_questions WHERE organisation_id = ? AND active = 1",
                                  (organisation,)).fetchone()[0] == 0:
                connection.execute("""
                    INSERT INTO discussion_questions (organisation_id, position, text_fi, text_sv, text_en)
                    VALUES (?, 1, 'Mitä haluaisit oppia seuraavaksi?', 'Vad vill du lära dig härnäst?', 'What would you like to learn next?')""",
                    (organisation,))
            found = connection.execute("SELECT id, employee_signed_at, supervisor_signed_at FROM discussions WHERE cycle_id = ? AND employee_id = ?",
                                       (cycle, employee)).fetchone()
            if found is None:
                found = (connection.execute("""
                    INSERT INTO discussions (cycle_id, employee_id, unit_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)""",
                    (cycle, employee, unit, now_stamp(), now_stamp())).lastrowid, None, None)
            assert not (found[1] and found[2]), "tyontekija's running discussion is already signed by both"
            return found[0], unit
    finally:
        connection.close()


def test_discussion_pages_pass_the_checks(app_ready, base_url, fresh_browser, discussion_checker, discussion):
    driver = fresh_browser
    discussion_id, unit = discussion
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(discussion_checker, base_url + "/organisations/jarvela/discussions", "hr")
    cycle = driver.find_element(By.CSS_SELECTOR, "#cycles-heading ~ ul a").get_attribute("href")
    checked(discussion_checker, cycle, "hr")
    assert driver.find_elements(By.CSS_SELECTOR, "main table tbody tr"), "no counts shown"
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)
    checked(discussion_checker, base_url + f"/units/{unit}/discussions", "esihenkilo")
    assert driver.find_elements(By.CSS_SELECTOR, f"main a[href='/discussions/{discussion_id}']")
    checked(discussion_checker, base_url + f"/discussions/{discussion_id}", "esihenkilo")
    assert driver.find_elements(By.CSS_SELECTOR, "form textarea#notes"), "the supervisor records the meeting"
    # A goal (added here when the plan has none) and the form for its next action.
    if not driver.find_elements(By.CSS_SELECTOR, "#plan-heading ~ ol li"):
        area = driver.find_element(By.CSS_SELECTOR, "select#area_id option[value]:not([value=''])").get_attribute("value")
        driver.execute_script("document.getElementById('area_id').value = arguments[0]", area)
        driver.find_element(By.ID, "goal").send_keys("Opettelen jakamaan tiedostoja OneDrivessa.")
        button = driver.find_element(By.CSS_SELECTOR, "#goal ~ button, form[action$='/goals'] button[type=submit]")
        button.click()
        wait_until_replaced(driver, button)
    new_action = driver.find_element(By.CSS_SELECTOR, "#plan-heading ~ ol li a[href$='/actions/new']").get_attribute("href")
    checked(discussion_checker, new_action, "esihenkilo")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "tyontekija", DEMO_PASSWORD)
    checked(discussion_checker, base_url + "/my-discussions", "tyontekija")
    checked(discussion_checker, base_url + f"/discussions/{discussion_id}", "tyontekija")
    # The print for the meeting fits one A4 page.
    checked(discussion_checker, base_url + f"/discussions/{discussion_id}/print", "tyontekija")
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 1.5
    pdf = base64.b64decode(driver.print_page(options))
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the discussion's print takes {pages} A4 pages"


def test_employee_prepares_on_a_phone_without_javascript(app_ready, base_url, nojs_driver, discussion):
    driver = nojs_driver
    discussion_id, _ = discussion
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE_WIDTH, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        sign_in(driver, base_url, "tyontekija", DEMO_PASSWORD)
        driver.get(base_url + "/my-discussions")
        link = driver.find_element(By.CSS_SELECTOR, f"main a[href='/discussions/{discussion_id}']")
        link.click()
        wait_until_replaced(driver, link)
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        assert wide <= PHONE_WIDTH, f"the discussion page scrolls sideways at {PHONE_WIDTH} px: {wide}"
        answer = driver.find_element(By.CSS_SELECTOR, "#preparation-heading ~ form textarea")
        name = answer.get_attribute("name")
        answer.clear()
        answer.send_keys("Haluan oppia jakamaan tiedostoja OneDrivessa.")
        button = driver.find_element(By.CSS_SELECTOR, "#preparation-heading ~ form button[type=submit]")
        assert button.size["height"] >= 40, button.size
        button.click()
        wait_until_replaced(driver, button)
        saved = driver.find_element(By.NAME, name).get_attribute("value")
        assert saved == "Haluan oppia jakamaan tiedostoja OneDrivessa.", saved
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
