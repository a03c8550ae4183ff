"""Required training on the demo data: HR's overview, a requirement's coverage today and on a past day
(an audit from history) and its forms as `hr`; the unit matrix as `esihenkilo`; the home page's
reminder as `tyontekija`. Every page passes axe (WCAG 2.1 A/AA) and the 320 px check in Chromium, and
its served HTML the Nu validator."""
import os
import re
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, path_of, sign_in


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)
    return result


@pytest.fixture
def requirement_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-requirements-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the required-training pages:\n" + "\n".join(errors)


def test_hr_follows_required_training(app_ready, base_url, fresh_browser, requirement_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(requirement_checker, base_url + "/organisations/jarvela/requirements", "hr")
    rows = driver.find_elements(By.CSS_SELECTOR, "#requirements-caption ~ tbody tr")
    assert len(rows) == 4, [row.text for row in rows]
    # Listed by Finnish title: the digitutor induction, the AI basics, data protection, information
    # security.
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#requirements-caption ~ tbody a")]
    link = links[2]
    checked(requirement_checker, link, "hr")
    assert "By sector" in driver.page_source or "Toimialoittain" in driver.page_source
    # A past day is an audit from history, said on the page.
    checked(requirement_checker, link + "?on=2026-03-01", "hr")
    assert "from history" in driver.page_source or "historiasta" in driver.page_source
    # Drilling down into a unit with sub-units.
    drill = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#units-caption ~ tbody a")]
    if drill:
        checked(requirement_checker, drill[0], "hr")
    own = re.sub(r"^https?://[^/]+", "", link)
    for path in ["/organisations/jarvela/requirements/new", own + "/change", own + "/exemptions",
                 "/organisations/jarvela/minimum-levels", own + "/retire"]:
        checked(requirement_checker, base_url + path, "hr")


def test_supervisor_matrix_and_employee_reminder(app_ready, base_url, fresh_browser, requirement_checker):
    driver = fresh_browser
    assert path_of(sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)) == "/"
    driver.get(base_url + "/units")
    unit = driver.find_element(By.CSS_SELECTOR, "main a[href^='/units/']").get_attribute("href")
    checked(requirement_checker, unit + "/requirements", "esihenkilo")
    cells = [cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.matrix tbody td")]
    assert cells and any(text.startswith(("Voimassa", "Erääntyy", "Myöhässä", "Valid", "Due", "Overdue")) for text in cells), cells
    checked(requirement_checker, unit + "/requirements?sort=urgency", "esihenkilo")
    checked(requirement_checker, unit + "/requirements/reminders?all=1", "esihenkilo")
    assert driver.find_elements(By.CSS_SELECTOR, ".slip"), "no paper reminders for a unit with people due"
    driver.delete_all_cookies()
    sign_in(driver, base_url, "tyontekija", DEMO_PASSWORD)
    checked(requirement_checker, base_url + "/", "tyontekija")
    assert "Your required training" in driver.page_source or "Pakolliset koulutuksesi" in driver.page_source
