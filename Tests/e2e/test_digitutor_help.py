"""The digitutor help log on the demo data: a tutor logs help on a 360 px wide phone without
JavaScript, sees the confirmation and the entry in their log; the tutor's log page, the help log's
aggregates and the topic list pass axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator.

The demo has no sign-in for a tutor, so the test gives one of its active tutors a sign-in (with the
demo password) straight in the database, as test_calendar.py writes its sessions."""
import datetime
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD, demo_database as database, grant_sign_in
from harness import HtmlCollector, PageChecker, sign_in, wait_until_replaced

TUTOR_LOGIN = "digitutor.e2e"
PHONE_WIDTH = 360


@pytest.fixture
def help_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-tutor-help-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the help log pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


@pytest.fixture(scope="module")
def tutor_login(app_ready):
    """A sign-in for one of the demo's active tutors (made once), with the demo password."""
    today = datetime.date.today().isoformat()
    return grant_sign_in(TUTOR_LOGIN, """
        SELECT t.employee_id FROM tutors t JOIN employees e ON e.id = t.employee_id
        WHERE e.active = 1 AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = t.employee_id AND u.password_hash != '!identity-provider')
          AND (SELECT c.status FROM tutor_status_changes c WHERE c.tutor_id = t.id AND c.from_on <= ?
               ORDER BY c.from_on DESC, c.id DESC LIMIT 1) = 'active'
        ORDER BY t.id LIMIT 1""", (today,), missing="the demo has no active tutor without a sign-in")


def test_tutor_logs_help_on_a_phone_without_javascript(app_ready, base_url, nojs_driver, tutor_login):
    driver = nojs_driver
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": PHONE_WIDTH, "height": 740, "deviceScaleFactor": 1, "mobile": True})
    try:
        sign_in(driver, base_url, tutor_login, DEMO_PASSWORD)
        driver.get(base_url + "/")
        # The home page leads to the log.
        link = driver.find_element(By.CSS_SELECTOR, "#help-log-heading ~ p a")
        link.click()
        wait_until_replaced(driver, link)
        assert driver.current_url.endswith("/my-digitutor-log"), driver.current_url
        assert driver.find_element(By.ID, "day").get_attribute("value") == datetime.date.today().isoformat()
        assert not driver.find_elements(By.CSS_SELECTOR, "main textarea"), "the help log must have no free text"
        # Three taps: a topic, about how long, the channel; today and the first unit are the defaults.
        topic = driver.find_elements(By.CSS_SELECTOR, "#topic_id .choice label")[0]
        topic_name = topic.text
        topic.click()
        driver.find_element(By.CSS_SELECTOR, "label[for='minutes-15']").click()
        driver.find_element(By.CSS_SELECTOR, "label[for='channel-teams']").click()
        assert driver.find_element(By.ID, "channel-teams").is_selected()
        # Every choice is a large tap target that fits the phone's width.
        heights = [label.size["height"] for label in driver.find_elements(By.CSS_SELECTOR, "main .choice label")]
        assert heights and min(heights) >= 40, heights
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        assert wide <= PHONE_WIDTH, f"the help log form scrolls sideways at {PHONE_WIDTH} px: {wide}"
        button = driver.find_element(By.CSS_SELECTOR, "form.help-log-form button[type=submit]")
        button.click()
        wait_until_replaced(driver, button)
        assert "/my-digitutor-log?logged=" in driver.current_url, driver.current_url
        confirmation = driver.find_element(By.CSS_SELECTOR, "main .notice[role=status]").text
        assert "Teams" in confirmation and "15 min" in confirmation and topic_name in confirmation, confirmation
        newest = driver.find_element(By.CSS_SELECTOR, "#own-log-heading ~ ul .card").text
        assert topic_name in newest and "15 min" in newest and "Teams" in newest, newest
        # The form is ready for the next one.
        assert not driver.find_elements(By.CSS_SELECTOR, "main input[type=radio]:checked")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def log_some_help(login):
    """A dozen sessions for the tutor's first unit this month and last, so the unit × month table has
    figures to show (the demo itself has no help log yet). Returns the unit's sector."""
    connection = database()
    try:
        with connection:
            tutor, unit, topic = connection.execute("""
                SELECT t.id, (SELECT min(unit_id) FROM tutor_units WHERE tutor_id = t.id),
                       (SELECT min(id) FROM tutor_topics WHERE organisation_id = t.organisation_id AND active = 1)
                FROM tutors t JOIN users u ON u.employee_id = t.employee_id WHERE u.login = ?""", (login,)).fetchone()
            today = datetime.date.today()
            for day in (today, today.replace(day=1) - datetime.timedelta(days=1)):
                connection.executemany(
                    "INSERT INTO tutor_help_log (tutor_id, day, topic_id, minutes, channel, unit_id) VALUES (?, ?, ?, 15, 'phone', ?)",
                    [(tutor, day.isoformat(), topic, unit)] * 6)
            return connection.execute("SELECT sector_id FROM units WHERE id = ?", (unit,)).fetchone()[0]
    finally:
        connection.close()


def test_help_log_pages_pass_the_checks(app_ready, base_url, fresh_browser, help_checker, tutor_login):
    driver = fresh_browser
    sector = log_some_help(tutor_login)
    sign_in(driver, base_url, tutor_login, DEMO_PASSWORD)
    checked(help_checker, base_url + "/my-digitutor-log", tutor_login)
    checked(help_checker, base_url + "/digitutors", tutor_login)
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "koordinaattori", DEMO_PASSWORD)
    for query in ("", "?months=24", f"?months=3&sector={sector}"):
        checked(help_checker, base_url + "/organisations/jarvela/digitutor-help" + query, "koordinaattori")
    assert driver.find_elements(By.CSS_SELECTOR, "#month-caption ~ tbody tr"), "no figures per month"
    assert driver.find_elements(By.CSS_SELECTOR, "table[aria-describedby=units-note] tbody tr"), "no unit shown"
    checked(help_checker, base_url + "/organisations/jarvela/digitutor-topics", "koordinaattori")
    assert len(driver.find_elements(By.CSS_SELECTOR, "main li.card form")) >= 8, "the demo's topics are not listed"
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(help_checker, base_url + "/organisations/jarvela/digitutor-help", "hr")
