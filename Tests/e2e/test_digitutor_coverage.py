"""Digitutor coverage beyond the organisation's page, on the demo data: the supervisor `esihenkilo`
goes from their unit's page to its digitutors and the printable list of units without a tutor; HR
opens the organisation's printable list, the network with the tutor training column and a tutor's
page; the unit's training poster names its digitutor. Every page passes axe (WCAG 2.1 A/AA), the
320 px check and the Nu validator, and none needs JavaScript (the pages have none)."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, path_of, sign_in


@pytest.fixture
def coverage_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-tutor-coverage-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the digitutor coverage pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def test_supervisor_sees_their_units_tutors_and_prints_the_gaps(app_ready, base_url, fresh_browser, coverage_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)
    driver.get(base_url + "/units")
    unit = driver.find_element(By.CSS_SELECTOR, "main .tree a").get_attribute("href")
    driver.get(unit)
    link = driver.find_element(By.CSS_SELECTOR, "main a[href$='/digitutors']").get_attribute("href")
    assert path_of(link) == path_of(unit) + "/digitutors", link
    checked(coverage_checker, link, "esihenkilo")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.coverage-units tbody tr")
    assert rows, "no units in the supervisor's coverage"
    assert driver.find_elements(By.CSS_SELECTOR, "table.coverage-units tbody li"), "no tutor listed in the supervisor's units"
    printable = driver.find_element(By.CSS_SELECTOR, "main a[href$='/digitutors/print']").get_attribute("href")
    checked(coverage_checker, printable, "esihenkilo")
    assert driver.find_element(By.TAG_NAME, "h1").text


def test_hr_prints_the_units_without_a_tutor_and_sees_tutor_training(app_ready, base_url, fresh_browser, coverage_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(coverage_checker, base_url + "/organisations/jarvela/digitutor-coverage/print", "hr")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.coverage-print tbody tr")
    assert rows, "the demo has units without a tutor, but the printable list is empty"
    assert all(len(row.find_elements(By.CSS_SELECTOR, "th, td")) == 4 for row in rows)
    checked(coverage_checker, base_url + "/organisations/jarvela/digitutors", "hr")
    assert driver.find_element(By.ID, "training-heading").text
    tutor = driver.find_element(By.CSS_SELECTOR, "main table a").get_attribute("href")
    checked(coverage_checker, tutor, "hr")
    assert driver.find_element(By.ID, "training-heading").text
    # A unit's coverage from the organisation's page, as the coordinator would follow it.
    checked(coverage_checker, base_url + "/organisations/jarvela/digitutor-coverage", "hr")
    units = driver.find_elements(By.CSS_SELECTOR, "main ul a[href*='/units/']")
    assert units, "no units listed on the coverage page"
    checked(coverage_checker, units[0].get_attribute("href"), "hr")


def test_coordinator_opens_a_units_coverage_and_the_printable_list(app_ready, base_url, fresh_browser, coverage_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "koordinaattori", DEMO_PASSWORD)
    checked(coverage_checker, base_url + "/organisations/jarvela/digitutors", "koordinaattori")
    checked(coverage_checker, base_url + "/organisations/jarvela/digitutor-coverage", "koordinaattori")
    unit = driver.find_element(By.CSS_SELECTOR, "main ul a[href*='/units/']").get_attribute("href")
    checked(coverage_checker, unit, "koordinaattori")
    checked(coverage_checker, unit + "/print", "koordinaattori")


def test_the_unit_poster_names_the_units_digitutor(app_ready, base_url, fresh_browser, coverage_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)
    driver.get(base_url + "/units")
    unit = driver.find_element(By.CSS_SELECTOR, "main .tree a").get_attribute("href")
    checked(coverage_checker, unit + "/training-poster", "esihenkilo")
    tutors = driver.find_element(By.CSS_SELECTOR, "article.poster .poster-tutors").text
    assert "Digitutor" in tutors, tutors
    checked(coverage_checker, unit + "/training-poster?lang=sv", "esihenkilo")
    assert "Digitutor" in driver.find_element(By.CSS_SELECTOR, "article.poster .poster-tutors").text
