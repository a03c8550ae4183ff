"""Digitutors on the demo data: `tyontekija` sees their digitutor on the home page and finds help by
topic on a phone-sized window without JavaScript. Every page passes axe (WCAG 2.1 A/AA), the 320 px
check and the Nu validator."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, sign_in


@pytest.fixture
def tutor_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-tutors-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the digitutor pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def test_employee_finds_their_digitutor(app_ready, base_url, fresh_browser, tutor_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "tyontekija", DEMO_PASSWORD)
    checked(tutor_checker, base_url + "/", "tyontekija")
    heading = driver.find_element(By.ID, "tutors-heading").text
    assert heading in ("Your digitutor", "Digitutorisi"), heading
    checked(tutor_checker, base_url + "/digitutors", "tyontekija")
    cards = driver.find_elements(By.CSS_SELECTOR, "main .card")
    assert len(cards) > 5, len(cards)
    topic = driver.find_elements(By.CSS_SELECTOR, "#topic option")[1].get_attribute("value")
    checked(tutor_checker, base_url + "/digitutors?topic=" + topic, "tyontekija")
    assert 0 < len(driver.find_elements(By.CSS_SELECTOR, "main .card")) <= len(cards)


def test_hr_keeps_the_network(app_ready, base_url, fresh_browser, tutor_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(tutor_checker, base_url + "/organisations/jarvela/digitutors", "hr")
    tutors = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main table a")]
    assert len(tutors) > 10, len(tutors)
    checked(tutor_checker, tutors[0], "hr")
    checked(tutor_checker, base_url + "/organisations/jarvela/digitutors/new", "hr")
    checked(tutor_checker, base_url + "/organisations/jarvela/digitutor-coverage", "hr")
    assert driver.find_elements(By.CSS_SELECTOR, "#trend-caption ~ tbody tr"), "no coverage trend"
