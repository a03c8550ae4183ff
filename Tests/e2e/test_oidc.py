"""Single sign-on with OpenID Connect against a real provider (Tests/e2e/oidc_provider.py): an
administrator configures Järvelä's provider through the page, then people sign in through the whole
authorisation-code flow — PKCE, state, nonce, the back channel, the signature — and every refusal
the issue names is tried: wrong audience, expired token, bad signature, replayed state, rotated key,
an unknown person, a disabled sign-in, and HR without multi-factor authentication."""
import http.cookiejar
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from accounts import DEMO_PASSWORD, demo_database, grant_sign_in
from harness import HtmlCollector, PageChecker, sign_in
from oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider

CONFIG_PATH = "/organisations/jarvela/sign-in-provider"
START_PATH = "/sign-in/sso/jarvela"
# The server fetches a provider's key set again for an unknown kid at most once in this many seconds.
JWKS_REFETCH_INTERVAL = 10


class Client:
    """A browser without a browser: cookies, redirects followed (or not), every status answered."""

    def __init__(self, follow=True):
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.HTTPCookieProcessor(self.jar)]
        if not follow:
            handlers.append(_NoRedirect())
        self.opener = urllib.request.build_opener(*handlers)

    def request(self, url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(url, data=data, headers={"Accept-Language": "en"})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.geturl(), response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode(), error.headers

    def form_token(self, url):
        status, _, body, _ = self.request(url)
        assert status == 200, f"{url} answered {status}"
        match = re.search(r'name="csrf_token" value="([^"]+)"', body)
        assert match, f"no form token on {url}"
        return match.group(1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def signed_in_client(base_url, login):
    client = Client()
    token = client.form_token(base_url + "/sign-in")
    status, url, _, _ = client.request(base_url + "/sign-in", {"login": login, "password": DEMO_PASSWORD,
                                                               "csrf_token": token, "next": "/"})
    assert status == 200 and url.rstrip("/") == base_url, f"{login} could not sign in ({status} {url})"
    return client


def provider_form(provider, secret_file, **changes):
    fields = {"enabled": "on", "display_name": "Järvelä-tunnus", "issuer": provider.issuer, "client_id": CLIENT_ID,
              "secret_source": "file", "secret_reference": secret_file, "allowed_domains": "jarvela.example",
              "match_claim": "email", "hr_number_claim": "employeeid", "mfa_acr_values": ""}
    fields.update(changes)
    return {name: value for name, value in fields.items() if value is not None}


def configure(base_url, provider, secret_file, **changes):
    """Saves Järvelä's provider through the administrator's form."""
    admin = signed_in_client(base_url, "admin")
    fields = provider_form(provider, secret_file, **changes)
    fields["csrf_token"] = admin.form_token(base_url + CONFIG_PATH)
    status, url, body, _ = admin.request(base_url + CONFIG_PATH, fields)
    assert status == 200 and "notice=saved" in url, f"the configuration was not saved ({status}):\n{body[-2000:]}"


def employee_email(login):
    connection = demo_database()
    try:
        row = connection.execute("SELECT e.email FROM users u JOIN employees e ON e.id = u.employee_id "
                                 "WHERE u.login = ?", (login,)).fetchone()
    finally:
        connection.close()
    assert row and row[0], f"{login} has no employee e-mail"
    return row[0]


FREE_EMPLOYEE = ("SELECT e.id FROM employees e JOIN organisations o ON o.id = e.organisation_id "
                 "WHERE o.slug = 'jarvela' AND e.active = 1 AND e.email IS NOT NULL "
                 "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = e.id) ORDER BY e.id LIMIT 1")


def database_change(sql, parameters=()):
    connection = demo_database()
    try:
        with connection:
            connection.execute(sql, parameters)
    finally:
        connection.close()


@pytest.fixture(scope="module")
def provider(app_ready, base_url):
    """The provider, running, and Järvelä configured to use it; switched off again afterwards."""
    running = Provider().start()
    folder = tempfile.mkdtemp(prefix="e2e-oidc-")
    secret_file = os.path.join(folder, "client-secret")
    with open(secret_file, "w") as file:
        file.write(CLIENT_SECRET + "\n")
    os.chmod(secret_file, 0o600)
    configure(base_url, running, secret_file)
    running.secret_file = secret_file
    yield running
    database_change("UPDATE identity_providers SET enabled = 0")
    running.stop()


def sso(base_url, provider, misbehaviour=None, **claims):
    """One whole sign-in in a fresh client; returns (status, final URL, body, client)."""
    provider.sign_in_as(misbehaviour, **claims)
    client = Client()
    status, url, body, _ = client.request(base_url + START_PATH)
    return status, url, body, client


def answered(client, url):
    """The client's answer for `url` in the shape `sso` returns."""
    return client.request(url)[:3] + (client,)


def assert_signed_in(base_url, result):
    status, url, body, client = result
    assert status == 200 and url.rstrip("/") == base_url, f"not signed in ({status} {url}):\n{body[-1500:]}"
    assert 'action="/sign-out"' in body, "the home page has no sign-out form"


def assert_refused(result, status, words):
    got, url, body, client = result
    assert got == status, f"expected {status}, got {got} at {url}:\n{body[-1500:]}"
    assert "/sign-in/oidc/callback" in url or "/sign-in/sso/" in url, url
    assert words in body, f"the page does not say {words!r}:\n{body[-1500:]}"
    assert 'action="/sign-out"' not in body, "refused, yet signed in"


def last_audit(action):
    connection = demo_database()
    try:
        return connection.execute("SELECT login, detail FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1",
                                  (action,)).fetchone()
    finally:
        connection.close()


def test_an_employee_signs_in_with_the_provider(provider, base_url):
    email = employee_email("tyontekija")
    assert_signed_in(base_url, sso(base_url, provider, email=email))
    login, detail = last_audit("sign_in.success")
    assert login == "tyontekija" and detail.startswith("oidc jarvela;") and "amr=pwd,mfa" in detail, detail


def test_an_es256_token_is_accepted(provider, base_url):
    assert_signed_in(base_url, sso(base_url, provider, "es256", email=employee_email("tyontekija")))


def test_the_sign_in_page_offers_the_provider_and_the_password(provider, base_url):
    status, _, body, _ = Client().request(base_url + "/sign-in?next=/trainings")
    assert status == 200
    assert 'href="/sign-in/sso/jarvela?next=%2Ftrainings"' in body and "Sign in with Järvelä-tunnus" in body, body[-2000:]
    assert 'name="password"' in body, "local passwords stay"


def test_a_token_for_another_audience_is_refused(provider, base_url):
    result = sso(base_url, provider, "wrong_audience", email=employee_email("tyontekija"))
    assert_refused(result, 403, "could not be verified")
    assert "aud does not name this client" in last_audit("sign_in.failure")[1]


def test_an_expired_token_is_refused(provider, base_url):
    assert_refused(sso(base_url, provider, "expired", email=employee_email("tyontekija")), 403, "could not be verified")
    assert "expired" in last_audit("sign_in.failure")[1]


def test_a_bad_signature_is_refused(provider, base_url):
    assert_refused(sso(base_url, provider, "bad_signature", email=employee_email("tyontekija")), 403,
                   "could not be verified")
    assert "signature does not verify" in last_audit("sign_in.failure")[1]


def test_a_wrong_nonce_is_refused(provider, base_url):
    assert_refused(sso(base_url, provider, "wrong_nonce", email=employee_email("tyontekija")), 403,
                   "could not be verified")


def test_a_state_is_used_once_and_only_by_its_browser(provider, base_url):
    provider.sign_in_as(email=employee_email("tyontekija"))
    browser = Client(follow=False)
    status, _, _, headers = browser.request(base_url + START_PATH)
    assert status == 303, status
    authorize = headers["Location"]
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize).query))
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 43 and len(query["nonce"]) >= 43
    status, _, _, headers = browser.request(authorize)
    assert status == 302, status
    callback = headers["Location"]
    # Another browser (no binding cookie) cannot use the answer; and that attempt used it up.
    stranger = Client()
    assert_refused(answered(stranger, callback), 400, "Start again")
    assert_refused(answered(browser, callback), 400, "Start again")
    # A fresh sign-in works once; its answer replayed is refused.
    provider.sign_in_as(email=employee_email("tyontekija"))
    browser = Client(follow=False)
    authorize = browser.request(base_url + START_PATH)[3]["Location"]
    callback = browser.request(authorize)[3]["Location"]
    status, _, _, headers = browser.request(callback)
    assert status == 303 and headers["Location"] == "/", (status, headers.get("Location"))
    # Replayed (the browser is signed in now, so the page has its layout with the sign-out form).
    status, _, body, _ = browser.request(callback)
    assert status == 400 and "Start again" in body, status
    assert "unknown or was used already" in last_audit("sign_in.failure")[1]


def test_a_rotated_key_is_picked_up(provider, base_url):
    email = employee_email("tyontekija")
    assert_signed_in(base_url, sso(base_url, provider, email=email))
    provider.rotate_key()
    # The one refetch for an unknown kid may have been spent by an earlier test.
    time.sleep(JWKS_REFETCH_INTERVAL + 0.5)
    assert_signed_in(base_url, sso(base_url, provider, email=email))


def test_an_unknown_person_is_refused_and_not_created(provider, base_url):
    before = user_count()
    assert_refused(sso(base_url, provider, email="tuntematon.henkilo@jarvela.example"), 403, "has no Taitotutka sign-in")
    assert user_count() == before, "a sign-in was created"
    assert last_audit("sign_in.failure")[0] == "tuntematon.henkilo@jarvela.example"


def test_an_address_outside_the_domains_is_refused(provider, base_url):
    assert_refused(sso(base_url, provider, email="aino@elsewhere.example"), 403, "not one of")


def test_a_disabled_sign_in_is_refused(provider, base_url):
    login = grant_sign_in("sso.disabled", FREE_EMPLOYEE)
    email = employee_email(login)
    assert_signed_in(base_url, sso(base_url, provider, email=email))
    database_change("UPDATE users SET disabled = 1 WHERE login = ?", (login,))
    assert_refused(sso(base_url, provider, email=email), 403, "is disabled")


def test_hr_without_multi_factor_is_refused_when_the_organisation_requires_it(provider, base_url):
    login = grant_sign_in("sso.hr", FREE_EMPLOYEE)
    database_change("INSERT INTO role_assignments (user_id, role, organisation_id) SELECT u.id, 'hr', o.id "
                    "FROM users u, organisations o WHERE u.login = ? AND o.slug = 'jarvela' AND NOT EXISTS "
                    "(SELECT 1 FROM role_assignments r WHERE r.user_id = u.id AND r.role = 'hr')", (login,))
    email = employee_email(login)
    configure(base_url, provider, provider.secret_file, require_mfa="on", mfa_acr_values="urn:e2e:strong")
    try:
        assert_refused(sso(base_url, provider, email=email, amr=["pwd"]), 403, "multi-factor")
        assert "needs MFA" in last_audit("sign_in.failure")[1]
        assert_signed_in(base_url, sso(base_url, provider, email=email, amr=["pwd", "mfa"]))
        assert_signed_in(base_url, sso(base_url, provider, email=email, amr=["pwd"], acr="urn:e2e:strong"))
        # An employee without those roles is not asked for more.
        assert_signed_in(base_url, sso(base_url, provider, email=employee_email("tyontekija"), amr=["pwd"]))
    finally:
        configure(base_url, provider, provider.secret_file)


def user_count():
    connection = demo_database()
    try:
        return connection.execute("SELECT count(*) FROM users").fetchone()[0]
    finally:
        connection.close()


# In Chromium: the configuration page, the sign-in page with its button, the flow, a refusal -------------

@pytest.fixture
def oidc_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-oidc-pages-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the single sign-on pages:\n" + "\n".join(errors)


def checked(checker, url, label, status=None):
    result = checker.check(url, label, expected_status=status)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def arrived(driver, where):
    """Waits for the navigation a click started to end where expected; fails with the page's text."""
    try:
        WebDriverWait(driver, 15).until(lambda browser: where(browser.current_url))
    except Exception:
        pytest.fail(f"stopped at {driver.current_url}:\n" + driver.find_element(By.TAG_NAME, "body").text[:1500])


def test_single_sign_on_in_chromium(provider, base_url, fresh_browser, oidc_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "admin", DEMO_PASSWORD)
    checked(oidc_checker, base_url + CONFIG_PATH, "admin")
    display = driver.find_element(By.ID, "display_name")
    display.clear()
    display.send_keys("Järvelä-tunnus")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    arrived(driver, lambda url: "notice=saved" in url)
    # HR of the organisation reads the configuration; the form is the administrator's.
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(oidc_checker, base_url + CONFIG_PATH, "hr")
    assert not driver.find_elements(By.CSS_SELECTOR, "main form"), "HR got the form"
    assert provider.issuer in driver.find_element(By.TAG_NAME, "main").text
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    checked(oidc_checker, base_url + "/sign-in", "signed out")
    provider.sign_in_as(email=employee_email("tyontekija"))
    driver.find_element(By.CSS_SELECTOR, "a[href='/sign-in/sso/jarvela']").click()
    arrived(driver, lambda url: url.rstrip("/") == base_url)
    assert driver.find_elements(By.CSS_SELECTOR, "form[action$='/sign-out']"), "not signed in"
    # A refusal page, as the person sees it.
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    provider.sign_in_as(email="tuntematon@jarvela.example")
    driver.get(base_url + START_PATH)
    assert "/sign-in/oidc/callback" in driver.current_url
    assert "has no Taitotutka sign-in" in driver.find_element(By.TAG_NAME, "main").text or \
        "ei ole Taitotutkan" in driver.find_element(By.TAG_NAME, "main").text
    # Checked again, the used answer is refused as expired: the same page with another message.
    checked(oidc_checker, driver.current_url, "refused", status=400)
