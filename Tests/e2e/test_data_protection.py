"""Data protection in Chromium: an employee's own data page and file, HR's audit log, retention
settings, a person's data and erasing someone who has left; the administrator's installation-wide
log. Every page passes axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import datetime
import json
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD, demo_database
from harness import HtmlCollector, PageChecker, fetch_raw, sign_in, wait_until_replaced


@pytest.fixture
def protection_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-data-protection-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the data protection pages:\n" + "\n".join(errors)


def check(checker, url, label, expected_status=None):
    result = checker.check(url, label, expected_status=expected_status)
    assert not result.problems, f"{url}:\n" + "\n".join(result.problems)
    return result


def employee_of(login):
    connection = demo_database()
    try:
        return connection.execute("SELECT employee_id FROM users WHERE login = ?", (login,)).fetchone()[0]
    finally:
        connection.close()


def a_leaver_of_jarvela():
    """A Järvelä employee without a sign-in, made to have left a month ago."""
    connection = demo_database()
    try:
        with connection:
            row = connection.execute(
                "SELECT e.id FROM employees e JOIN organisations o ON o.id = e.organisation_id "
                "WHERE o.slug = 'jarvela' AND e.erased_at IS NULL AND e.active = 1 "
                "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id) ORDER BY e.id DESC LIMIT 1").fetchone()
            ended = (datetime.date.today() - datetime.timedelta(days=31)).isoformat()
            connection.execute("UPDATE employees SET active = 0, end_date = ? WHERE id = ?", (ended, row[0]))
            return row[0]
    finally:
        connection.close()


def test_an_employee_reads_and_downloads_their_own_data(app_ready, base_url, fresh_browser, protection_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "tyontekija", DEMO_PASSWORD)
    driver.get(base_url + "/")
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href='/me/data']"), "no link to one's own data on the home page"
    check(protection_checker, base_url + "/me/data", "tyontekija")
    headings = [element.text for element in driver.find_elements(By.CSS_SELECTOR, "main section h2")]
    assert len(headings) >= 8, headings
    raw = fetch_raw(base_url + "/me/data.json", driver.get_cookies())
    assert raw.status == 200 and raw.content_type.startswith("application/json")
    data = json.loads(raw.body)
    assert data["sections"]["employee"][0]["first_name"], data["sections"]["employee"]
    assert "identified_self_assessments" in data["sections"]
    check(protection_checker, base_url + "/account/security", "tyontekija")


def test_hr_reads_the_audit_log_sets_retention_and_erases_a_leaver(app_ready, base_url, fresh_browser, protection_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    check(protection_checker, base_url + "/organisations/jarvela/audit", "hr")
    rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert rows, "the audit log shows no lines"
    check(protection_checker, base_url + "/organisations/jarvela/audit?q=tyontekija&action=sign_in", "hr")
    check(protection_checker, base_url + "/organisations/jarvela/data-protection", "hr")
    aino = employee_of("tyontekija")
    check(protection_checker, f"{base_url}/employees/{aino}/data", "hr")
    # Aino is employed: the erasure page says why it cannot be done.
    check(protection_checker, f"{base_url}/employees/{aino}/erase", "hr")
    assert not driver.find_elements(By.CSS_SELECTOR, "main form textarea"), "erasure offered while employed"

    leaver = a_leaver_of_jarvela()
    check(protection_checker, f"{base_url}/employees/{leaver}/erase", "hr")
    reason = driver.find_element(By.ID, "reason")
    reason.send_keys("Henkilön pyyntö 7.12.2026")
    reason.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until_replaced(driver, reason)
    assert "notice=person_erased" in driver.current_url, driver.current_url
    check(protection_checker, driver.current_url, "hr")
    connection = demo_database()
    try:
        first, last, erased = connection.execute(
            "SELECT first_name, last_name, erased_at FROM employees WHERE id = ?", (leaver,)).fetchone()
    finally:
        connection.close()
    assert (first, last) == ("", "") and erased


def test_the_administrator_reads_the_whole_log_and_sets_its_retention(app_ready, base_url, fresh_browser, protection_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "admin", DEMO_PASSWORD)
    check(protection_checker, base_url + "/audit", "admin")
    assert driver.find_elements(By.ID, "months"), "no retention form for the administrator"
    raw = fetch_raw(base_url + "/audit.csv?action=sign_in", driver.get_cookies())
    assert raw.status == 200 and b"sign_in" in raw.body
