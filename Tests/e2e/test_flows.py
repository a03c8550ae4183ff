"""Sign-in and sign-out as a person does them, in the browser."""
import re

from accounts import DEMO_PASSWORD
from harness import SIGN_OUT_SELECTOR, fetch_raw, path_of, sign_in, sign_out

EMPLOYEE = "tyontekija"


def visible_lines(driver):
    return {line.strip() for line in driver.find_element("tag name", "body").text.splitlines()
            if line.strip()}


def test_wrong_password_shows_an_error_and_stays_signed_out(app_ready, base_url, fresh_browser,
                                                            checker):
    fresh_browser.get(base_url + "/sign-in")
    before = visible_lines(fresh_browser)
    landed = sign_in(fresh_browser, base_url, EMPLOYEE, "not-the-password")
    assert path_of(landed) == "/sign-in", f"a wrong password led to {landed}"
    assert visible_lines(fresh_browser) - before, "no message says the sign-in failed"
    assert not fresh_browser.find_elements("css selector", SIGN_OUT_SELECTOR)
    problems = (checker.missing_language() + checker.axe_violations()
                + checker.sideways_scroll_at_narrow_width())
    assert not problems, "the failed sign-in page:\n" + "\n".join(problems)
    fresh_browser.get(base_url + "/")
    assert path_of(fresh_browser.current_url) == "/sign-in"


def test_sign_out_ends_the_session(app_ready, base_url, fresh_browser):
    assert path_of(sign_in(fresh_browser, base_url, EMPLOYEE, DEMO_PASSWORD)) == "/"
    cookies = fresh_browser.get_cookies()
    assert fetch_raw(base_url + "/", cookies, follow_redirects=False).status == 200
    sign_out(fresh_browser)
    fresh_browser.get(base_url + "/")
    assert path_of(fresh_browser.current_url) == "/sign-in"
    # The old cookie must be dead on the server, not merely deleted from the browser.
    old_session = fetch_raw(base_url + "/", cookies, follow_redirects=False)
    assert old_session.status in (302, 303, 307), f"the old session cookie still gets {old_session.status}"


def test_pages_declare_their_language(app_ready, base_url, fresh_browser, checker):
    pattern = re.compile(rb"<html[^>]*\slang=[\"']?(fi|sv|en)\b")
    assert pattern.search(fetch_raw(base_url + "/sign-in", []).body), "/sign-in has no <html lang>"
    sign_in(fresh_browser, base_url, EMPLOYEE, DEMO_PASSWORD)
    home = fetch_raw(base_url + "/", fresh_browser.get_cookies(), follow_redirects=False)
    assert home.status == 200 and pattern.search(home.body), "/ has no <html lang>"


def test_sign_in_works_without_javascript(app_ready, base_url, nojs_driver):
    nojs_driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    landed = sign_in(nojs_driver, base_url, EMPLOYEE, DEMO_PASSWORD)
    assert path_of(landed) == "/", f"without JavaScript, signing in led to {landed}"
    assert nojs_driver.find_elements("css selector", SIGN_OUT_SELECTOR)
