"""Shared fixtures: the server's address (from Tests/e2e/run.py), one Chromium for the whole run,
and the collector of served HTML that the Nu validator checks at the end."""
import os
import sys
import time

import pytest

# The server counts days in Helsinki (HelsinkiTime); so do the tests' `date.today()`, or between
# 22:00 and midnight UTC they would expect yesterday.
os.environ["TZ"] = "Europe/Helsinki"
time.tzset()

sys.path.insert(0, os.path.dirname(__file__))

from harness import HtmlCollector, PageChecker, start_chromium  # noqa: E402

ARTIFACTS = os.environ.get("E2E_ARTIFACTS") or os.path.join(
    os.path.dirname(__file__), "..", "..", ".build-e2e", "last-run")

APP_MISSING = ("APP PAGES NOT TESTED: `taitotutka demo` does not exist yet, so there are no demo "
               "sign-ins; the sign-in, role and anonymous page tests are skipped. They run as soon "
               "as the demo command lands.")


def pytest_collection_modifyitems(items):
    """Tests marked `last` run after all others (the Nu validation of everything collected)."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)


def pytest_configure(config):
    config.addinivalue_line("markers", "last: run after every other test")


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("E2E_BASE_URL")
    if not url:
        pytest.skip("E2E_BASE_URL is not set: run the browser tests with Tests/e2e/run.py")
    return url.rstrip("/")


@pytest.fixture(scope="session")
def app_ready():
    """Skips, loudly, while the app has no demo data to sign in with."""
    if os.environ.get("E2E_DEMO") != "1":
        pytest.skip(APP_MISSING)


@pytest.fixture(scope="session")
def driver():
    browser = start_chromium()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def collector():
    return HtmlCollector(os.path.join(ARTIFACTS, "html"))


@pytest.fixture(scope="session")
def checker(driver, collector):
    return PageChecker(driver, collector)


@pytest.fixture
def fresh_browser(driver):
    """The shared browser, signed out: no cookies from an earlier test."""
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.get("about:blank")
    return driver


@pytest.fixture(scope="session")
def nojs_driver():
    """A second Chromium with JavaScript switched off, started only for the tests that need it."""
    browser = start_chromium(javascript=False)
    yield browser
    browser.quit()
