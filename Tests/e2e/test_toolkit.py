"""The supervisor toolkit on the demo data: esihenkilo's toolkit for their daycare centre passes axe
(WCAG 2.1 A/AA), the 320 px check and the Nu validator, shows its six sections each with the link to
its full page, and is linked from the unit page and the supervisor's home page."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD, demo_database as database
from harness import HtmlCollector, PageChecker, sign_in

SECTIONS = ["survey", "trainings", "requirements", "tutors", "onboarding", "discussions"]


@pytest.fixture
def toolkit_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-toolkit-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the toolkit pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def supervisor_unit():
    connection = database()
    try:
        return connection.execute("""
            SELECT r.unit_id FROM role_assignments r JOIN users u ON u.id = r.user_id
            WHERE u.login = 'esihenkilo' AND r.role = 'supervisor'""").fetchone()[0]
    finally:
        connection.close()


def test_the_supervisor_toolkit_passes_the_checks(app_ready, base_url, fresh_browser, toolkit_checker):
    driver = fresh_browser
    unit = supervisor_unit()
    toolkit = f"/units/{unit}/toolkit"
    sign_in(driver, base_url, "esihenkilo", DEMO_PASSWORD)
    checked(toolkit_checker, base_url + toolkit, "esihenkilo")
    main = driver.find_element(By.TAG_NAME, "main")
    for section in SECTIONS:
        card = main.find_element(By.CSS_SELECTOR, f"section[aria-labelledby={section}-heading]")
        assert card.find_elements(By.CSS_SELECTOR, "a[href^='/']"), f"the {section} section has no link: {card.text}"
    for href in ["trainings", "requirements", "digitutors", "onboarding", "discussions"]:
        assert main.find_elements(By.CSS_SELECTOR, f"a[href='/units/{unit}/{href}']"), f"no link to /units/{unit}/{href}"
    # The home page's shortcut and the unit page's link lead here.
    driver.get(base_url + "/")
    assert driver.find_elements(By.CSS_SELECTOR, f"#links-heading ~ ul a[href='{toolkit}']"), "no shortcut on the home page"
    driver.get(base_url + f"/units/{unit}")
    assert driver.find_elements(By.CSS_SELECTOR, f"main a[href='{toolkit}']"), "no link on the unit page"
