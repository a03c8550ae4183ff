"""The sessions page: tyontekija sees their sign-ins with the device named and ends the others; the
page passes axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, sign_in


@pytest.fixture
def sessions_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-sessions-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the sessions page:\n" + "\n".join(errors)


def test_sessions_page_names_this_device_and_ends_the_others(app_ready, base_url, fresh_browser, sessions_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "tyontekija", DEMO_PASSWORD)
    result = sessions_checker.check(base_url + "/account/sessions", "tyontekija")
    assert not result.problems, "\n".join(result.problems)
    cards = driver.find_elements(By.CSS_SELECTOR, "main .card")
    assert cards, "no sessions listed"
    current = [card for card in cards if card.find_elements(By.CSS_SELECTOR, ".status-valid")]
    assert len(current) == 1, "exactly one session is this device"
    assert "Chrome" in current[0].text, current[0].text
    assert not current[0].find_elements(By.CSS_SELECTOR, "form"), "the current session is ended by signing out"
    # The home page links here.
    driver.get(base_url + "/")
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href='/account/sessions']"), "no link on the home page"
