"""The privacy notice: the footer's link works signed out and signed in, the organisation's notice and
HR's edit form pass axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, sign_in


@pytest.fixture
def privacy_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-privacy-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the privacy pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def test_privacy_notice_signed_out_and_hr_edits_it(app_ready, base_url, fresh_browser, privacy_checker):
    driver = fresh_browser
    driver.delete_all_cookies()
    checked(privacy_checker, base_url + "/privacy", "signed out")
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href$='/privacy']")]
    assert any(link.endswith("/organisations/jarvela/privacy") for link in links), links
    checked(privacy_checker, base_url + "/organisations/jarvela/privacy", "signed out")
    assert driver.find_elements(By.CSS_SELECTOR, "main h2"), "the notice's sections are headings"
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(privacy_checker, base_url + "/organisations/jarvela/privacy/edit", "hr")
    assert driver.find_element(By.ID, "body").get_attribute("value").strip(), "the edit form starts from the template"
