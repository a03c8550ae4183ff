"""Digital onboarding on the demo data: a new hire ticks their own items on a 360 px wide phone
without JavaScript, from the home page's card; the employee's checklist, the supervisor's new-hire
view and a checklist, HR's overview, the templates, a template and an item's edit page, and a
template owner's home page pass axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator.

The demo has no sign-in for a new hire, so the test gives one of them (with open items of their own)
a sign-in with the demo password straight in the database, as test_digitutor_help.py does."""
import datetime
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD, demo_database as database, grant_sign_in
from harness import HtmlCollector, PageChecker, sign_in, wait_until_replaced

HIRE_LOGIN = "uusi.e2e"
PHONE_WIDTH = 360


@pytest.fixture
def onboarding_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-onboarding-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the onboarding pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


@pytest.fixture(scope="module")
def hire_login(app_ready):
    """A sign-in for a Järvelä new hire whose checklist has at least two open items of their own."""
    return grant_sign_in(HIRE_LOGIN, """
        SELECT c.employee_id FROM onboarding_checklists c
        JOIN organisations o ON o.id = c.organisation_id AND o.slug = 'jarvela'
        WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = c.employee_id AND u.password_hash != '!identity-provider')
          AND (SELECT count(*) FROM onboarding_checklist_items i WHERE i.checklist_id = c.id
               AND i.responsible = 'employee' AND i.done_on IS NULL AND i.removed_at IS NULL) >= 2
        ORDER BY c.start_date DESC, c.id LIMIT 1""", missing="the demo has no new hire with open items")


def test_new_hire_ticks_items_on_a_phone_without_javascript(app_ready, base_url, nojs_driver, hire_login):
    driver = nojs_driver
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE_WIDTH, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        sign_in(driver, base_url, hire_login, DEMO_PASSWORD)
        driver.get(base_url + "/")
        # The home page's card shows progress and leads to the checklist.
        card = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=onboarding-heading]")
        assert card.find_element(By.CSS_SELECTOR, "progress"), card.text
        link = card.find_element(By.CSS_SELECTOR, "a[href='/my-onboarding']")
        link.click()
        wait_until_replaced(driver, link)
        assert driver.current_url.endswith("/my-onboarding"), driver.current_url
        progress = driver.find_element(By.CSS_SELECTOR, "main .survey-progress span").text
        done_before = int(re.match(r"\d+", progress).group())
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        assert wide <= PHONE_WIDTH, f"the checklist scrolls sideways at {PHONE_WIDTH} px: {wide}"
        # Her own items come first, each with a button; others' items say who does them.
        assert driver.find_elements(By.CSS_SELECTOR, "#others-heading ~ ul li .meta, #others-heading ~ ul li p")
        for _ in range(2):
            button = driver.find_element(By.CSS_SELECTOR, "#yours-heading ~ ul li form button.primary")
            item = button.find_element(By.XPATH, "ancestor::li").get_attribute("id")
            assert button.size["height"] >= 40, button.size
            button.click()
            wait_until_replaced(driver, button)
            assert driver.current_url.endswith("/my-onboarding#" + item), driver.current_url
            ticked = driver.find_element(By.ID, item)
            assert ticked.find_element(By.CSS_SELECTOR, ".status-valid"), ticked.text
            assert ticked.find_element(By.CSS_SELECTOR, "form button.secondary")
        progress = driver.find_element(By.CSS_SELECTOR, "main .survey-progress span").text
        assert int(re.match(r"\d+", progress).group()) == done_before + 2, progress
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def supervisor_unit():
    connection = database()
    try:
        return connection.execute("""
            SELECT r.unit_id FROM role_assignments r JOIN users u ON u.id = r.user_id
            WHERE u.login = 'esihenkilo' AND r.role = 'supervisor'""").fetchone()[0]
    finally:
        connection.close()


def test_onboarding_pages_pass_the_checks(app_ready, base_url, fresh_browser, onboarding_checker, hire_login):
    driver = fresh_browser
    sign_in(driver, base_url, hire_login, DEMO_PASSWORD)
    checked(onboarding_checker, base_url + "/my-onboarding", hire_login)
    checked(onboarding_checker, base_url + "/", hire_login)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)
    checked(onboarding_checker, base_url + f"/units/{supervisor_unit()}/onboarding", "esihenkilo")
    # The demo names the daycare director owner of early education's template: a shortcut home.
    checked(onboarding_checker, base_url + "/", "esihenkilo")
    assert driver.find_elements(By.CSS_SELECTOR, "#links-heading ~ ul a[href^='/onboarding-templates/']"), \
        "no shortcut to the template the supervisor owns"
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(onboarding_checker, base_url + "/organisations/jarvela/onboarding", "hr")
    assert driver.find_elements(By.CSS_SELECTOR, "#sectors-heading ~ div tbody tr"), "no sector shown"
    assert driver.find_elements(By.CSS_SELECTOR, "#late-heading ~ ol li"), "no late items shown"
    checked(onboarding_checker, base_url + "/organisations/jarvela/onboarding-templates", "hr")
    template = driver.find_element(By.CSS_SELECTOR, "main .card-list a").get_attribute("href")
    checked(onboarding_checker, template, "hr")
    assert driver.find_elements(By.CSS_SELECTOR, "main form textarea"), "HR edits the organisation's template"
    # The first item's edit page, filled with what it says now.
    edit = driver.find_element(By.CSS_SELECTOR, "main .card-list li .actions a").get_attribute("href")
    assert edit.endswith("/edit"), edit
    checked(onboarding_checker, edit, "hr")
    assert driver.find_element(By.ID, "title_fi").get_attribute("value"), "the edit form is not filled"
    # A checklist of the hire, as HR sees it (with the forms to add and remove items).
    connection = database()
    try:
        checklist = connection.execute("""
            SELECT c.id FROM onboarding_checklists c JOIN users u ON u.employee_id = c.employee_id
            WHERE u.login = ?""", (hire_login,)).fetchone()[0]
    finally:
        connection.close()
    checked(onboarding_checker, base_url + f"/onboarding/{checklist}", "hr")
    assert driver.find_elements(By.CSS_SELECTOR, "#add-heading ~ form input#title")


def test_supervisor_starts_a_checklist_for_a_hire_without_one_without_javascript(app_ready, base_url, nojs_driver):
    """The start buttons sit in the kept lists and submit the page's one form (form and formaction
    attributes): this proves it works in a browser with no script."""
    driver = nojs_driver
    unit = supervisor_unit()
    start = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    connection = database()
    try:
        with connection:
            connection.execute("""
                INSERT INTO employees (organisation_id, hr_number, first_name, last_name, unit_id, job_title, start_date,
                                       created_at, updated_at)
                SELECT organisation_id, 'E2E-START-1', 'Saara', 'Starttinen', id, 'lastenhoitaja', ?, ?, ?
                FROM units WHERE id = ? AND NOT EXISTS (SELECT 1 FROM employees WHERE hr_number = 'E2E-START-1')""",
                (start, start, start, unit))
    finally:
        connection.close()
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    # Signing in commits a session, which also renews the server's kept lists.
    sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)
    driver.get(base_url + f"/units/{unit}/onboarding")
    button = driver.find_element(By.CSS_SELECTOR, "#waiting-heading ~ ul button[aria-label*='Saara Starttinen']")
    assert button.get_attribute("form") == "start-onboarding", button.get_attribute("outerHTML")
    button.click()
    wait_until_replaced(driver, button)
    assert re.search(r"/onboarding/\d+$", driver.current_url), driver.current_url
    assert "Saara Starttinen" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(base_url + f"/units/{unit}/onboarding")
    running = driver.find_element(By.ID, "running-heading").find_element(By.XPATH, "..").text
    assert "Saara Starttinen" in running, running
