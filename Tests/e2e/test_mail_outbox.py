"""The outbox page on the demo data: the administrator reaches it from the home page and sees the
demo's messages in every state, that sending is off (the e2e server has no SMTP), and a message's
text and HTML as escaped source text; Järvelä's HR sees its own people's messages, Koskenkylä's HR
none of them. Every page passes axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, fetch_raw, path_of, sign_in, wait_until_replaced


@pytest.fixture
def outbox_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-mail-outbox-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors on the outbox pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def test_mail_outbox_as_administrator(app_ready, base_url, fresh_browser, outbox_checker):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "admin", DEMO_PASSWORD)) == "/"
    link = driver.find_element(By.CSS_SELECTOR, "main a[href='/admin/outbox']")
    link.click()
    wait_until_replaced(driver, link)
    assert path_of(driver.current_url) == "/admin/outbox"
    checked(outbox_checker, base_url + "/admin/outbox", "admin")
    assert driver.find_elements(By.CSS_SELECTOR, "main .warning"), "no note that sending is off"
    counts = {}
    for item in driver.find_elements(By.CSS_SELECTOR, ".outbox-states li a"):
        state = (item.get_attribute("href") or "").partition("state=")[2] or "all"
        counts[state] = int(re.sub(r"\D", "", item.find_element(By.TAG_NAME, "strong").text))
    # The demo's five messages, and whatever required-training reminders the server's hourly pass
    # queued when it started (they depend on the day the demo was made for).
    assert counts["sent"] == 1 and counts["failed"] == 1 and counts["cancelled"] == 1, counts
    assert counts["sending"] == 0 and counts["queued"] >= 2 and counts["all"] == counts["queued"] + 3, counts
    rows = driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert len(rows) == counts["all"]

    # One state's list, then a message's preview.
    checked(outbox_checker, base_url + "/admin/outbox?state=failed", "admin, failed")
    assert len(driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")) == 1
    assert "550" in driver.find_element(By.CSS_SELECTOR, "main table tbody").text
    message = driver.find_element(By.CSS_SELECTOR, "main table tbody a").get_attribute("href")
    checked(outbox_checker, message, "admin, a message")
    bodies = driver.find_elements(By.CSS_SELECTOR, "pre.mail-body")
    assert len(bodies) == 2
    assert "<p>Hei " in bodies[1].text, "the HTML version is not shown as its source"
    assert not driver.find_elements(By.CSS_SELECTOR, "pre.mail-body p"), "the HTML version was rendered"


def test_mail_outbox_as_hr(app_ready, base_url, fresh_browser, outbox_checker):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "hr", DEMO_PASSWORD)) == "/"
    checked(outbox_checker, base_url + "/admin/outbox", "hr")
    assert len(driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")) >= 5
    message = driver.find_element(By.CSS_SELECTOR, "main table tbody a").get_attribute("href")

    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    assert path_of(sign_in(driver, base_url, "hr.koskenkyla", DEMO_PASSWORD)) == "/"
    checked(outbox_checker, base_url + "/admin/outbox", "hr.koskenkyla")
    assert not driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert fetch_raw(message, driver.get_cookies()).status == 404
