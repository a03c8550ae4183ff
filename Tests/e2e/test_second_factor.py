"""The second factor in Chromium: on a server that requires it (as every real installation does), a
new HR user signs in with the password, sets up an authenticator app from the page (the secret read
from the page, the code computed here as a phone would), keeps the recovery codes, and at the next
sign-in gives a code; the pages pass axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator.
The shared server of the other tests lets HR in by password alone, so this test starts its own."""
import base64
import datetime
import hashlib
import hmac
import os
import struct
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD, demo_database
from harness import HtmlCollector, PageChecker, sign_in, wait_until_replaced
from run import start_server, stop_server

LOGIN = "hr.authenticator"


def totp(secret_base32, at=None):
    """RFC 6238 with HMAC-SHA-1, six digits, 30-second steps: what an authenticator app shows."""
    secret = base64.b32decode(secret_base32.replace(" ", "") + "=" * (-len(secret_base32.replace(" ", "")) % 8))
    step = int((at or time.time()) // 30)
    digest = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def give_hr_sign_in(login):
    """A new HR sign-in of Järvelä with the demo password, so the demo's own `hr` stays as it was."""
    connection = demo_database()
    try:
        with connection:
            if connection.execute("SELECT 1 FROM users WHERE login = ?", (login,)).fetchone() is None:
                password_hash = connection.execute("SELECT password_hash FROM users WHERE login = 'hr'").fetchone()[0]
                organisation = connection.execute(
                    "SELECT organisation_id FROM role_assignments r JOIN users u ON u.id = r.user_id "
                    "WHERE u.login = 'hr' AND r.role = 'hr'").fetchone()[0]
                now = datetime.datetime.now(datetime.timezone.utc)
                stamp = now.strftime("%Y-%m-%d %H:%M:%S.") + f"{now.microsecond // 1000:03d}"
                user = connection.execute("INSERT INTO users (login, password_hash, created_at) VALUES (?, ?, ?)",
                                          (login, password_hash, stamp)).lastrowid
                connection.execute("INSERT INTO role_assignments (user_id, role, organisation_id) VALUES (?, 'hr', ?)",
                                   (user, organisation))
    finally:
        connection.close()


@pytest.fixture
def strict_url(app_ready):
    """A second server on the same database that requires the second factor for HR."""
    folder = tempfile.mkdtemp(prefix="e2e-second-factor-")
    process, url = start_server(os.environ["E2E_BINARY"], os.environ["E2E_ROOT"], os.environ["E2E_DATABASE"],
                                os.path.join(folder, "serve.log"), second_factor_optional=False)
    yield url
    stop_server(process)


@pytest.fixture
def factor_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-second-factor-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the second-factor pages:\n" + "\n".join(errors)


def submit_code(driver, code):
    field = driver.find_element(By.ID, "code")
    field.send_keys(code)
    field.find_element(By.XPATH, "./ancestor::form").find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until_replaced(driver, field)


def check_current_page(checker, label):
    """axe, 320 px and Nu on the page the browser shows now (a POST's answer cannot be fetched again)."""
    # The DOM as serialised by the browser has no doctype; the served page had one.
    checker.collector.add(label, checker.driver.current_url, ("<!DOCTYPE html>\n" + checker.driver.page_source).encode())
    return checker.missing_language() + checker.axe_violations() + checker.sideways_scroll_at_narrow_width()


def test_hr_sets_up_an_authenticator_and_signs_in_with_a_code(strict_url, fresh_browser, factor_checker):
    driver = fresh_browser
    give_hr_sign_in(LOGIN)
    landed = sign_in(driver, strict_url, LOGIN, DEMO_PASSWORD)
    assert "/sign-in/second-factor/setup" in landed, landed
    assert not any(cookie["name"].endswith("tt_session") for cookie in driver.get_cookies()), \
        "a session started before the second factor"
    result = factor_checker.check(landed, LOGIN)
    assert not result.problems, "\n".join(result.problems)
    assert driver.find_elements(By.CSS_SELECTOR, "main svg.authenticator-qr"), "no QR code on the set-up page"
    secret = driver.find_element(By.CSS_SELECTOR, "code.secret").text

    # A wrong code is refused with the reason next to the field.
    submit_code(driver, "000000")
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary"), "a wrong code was not refused"
    submit_code(driver, totp(secret))
    codes = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".recovery-codes code")]
    assert len(codes) == 10, codes
    problems = check_current_page(factor_checker, "recovery codes")
    assert not problems, "\n".join(problems)
    driver.find_element(By.CSS_SELECTOR, "main a.button").click()
    driver.get(strict_url + "/account/security")
    assert "Käytössä" in driver.find_element(By.TAG_NAME, "main").text or "On" in driver.find_element(By.TAG_NAME, "main").text
    result = factor_checker.check(strict_url + "/account/security", LOGIN)
    assert not result.problems, "\n".join(result.problems)

    # The next sign-in asks for a code; a code is good once, so wait for the next step's.
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    landed = sign_in(driver, strict_url, LOGIN, DEMO_PASSWORD)
    assert "/sign-in/second-factor" in landed and "/setup" not in landed, landed
    result = factor_checker.check(landed, LOGIN)
    assert not result.problems, "\n".join(result.problems)
    time.sleep(30 - time.time() % 30 + 1)
    submit_code(driver, totp(secret))
    assert "/sign-in" not in driver.current_url, driver.current_url
    assert any(cookie["name"].endswith("tt_session") for cookie in driver.get_cookies())


def test_the_code_step_works_at_320_px_without_javascript(strict_url, nojs_driver):
    """A recovery code typed on a narrow phone with scripts off signs in: nothing here needs JavaScript."""
    driver = nojs_driver
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    give_hr_sign_in(LOGIN + ".nojs")
    driver.set_window_size(360, 740)
    landed = sign_in(driver, strict_url, LOGIN + ".nojs", DEMO_PASSWORD)
    assert "/sign-in/second-factor/setup" in landed, landed
    secret = driver.find_element(By.CSS_SELECTOR, "code.secret").text
    submit_code(driver, totp(secret))
    codes = [element.text for element in driver.find_elements(By.CSS_SELECTOR, ".recovery-codes code")]
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, strict_url, LOGIN + ".nojs", DEMO_PASSWORD)
    submit_code(driver, codes[0].upper())
    assert "/account/security" in driver.current_url, driver.current_url
    assert "9" in driver.find_element(By.TAG_NAME, "main").text
