"""Attendance, self check-in and feedback of a training session in the browser.

HR puts a series, a training and an open session (started 40 minutes ago, ended 5 minutes ago: its
check-in is still open and its feedback has opened) into the catalogue through the pages. An employee
on a 360 × 640 phone with JavaScript switched off opens the session's QR-code address, signs in on the
way, taps "I was here", follows the link to feedback and gives it. HR marks a walk-in on the
attendance page; the supervisor sees only their own units' people. The QR code on the trainer's
screen decodes (zbarimg) to the check-in address. Every new page, in each of its states, passes
axe-core (WCAG 2.1 A/AA), the 320 px check and (its served HTML) the Nu validator.
"""
import datetime
import http.cookiejar
import os
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zoneinfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from accounts import DEMO_PASSWORD
from harness import fetch_raw, path_of, sign_in, wait_until_replaced

EMPLOYEE = "tyontekija"
SUPERVISOR = "esihenkilo"
HR = "hr"
PHONE = {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True}
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    """A browser without a browser: cookies, the last page's form token, redirects followed."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = ""

    def request(self, path, fields=None):
        data = urllib.parse.urlencode(fields + [("csrf_token", self.token)]).encode() if fields is not None else None
        request = urllib.request.Request(self.base_url + path, data=data)
        if data is not None:
            request.add_header("Origin", self.base_url)
        with self.opener.open(request, timeout=30) as response:
            text = response.read().decode()
            found = TOKEN.search(text)
            if found:
                self.token = found.group(1)
            return path_of(response.geturl()), text


@pytest.fixture(scope="module")
def session(app_ready, base_url):
    """The session HR schedules through the catalogue pages, with its series and check-in address."""
    now = datetime.datetime.now(HELSINKI)
    start, end = now - datetime.timedelta(minutes=40), now - datetime.timedelta(minutes=5)
    if start.date() != end.date():
        pytest.skip("a session 40 minutes long cannot end 5 minutes ago on the same day before 00.45")
    hr = Client(base_url)
    hr.request("/sign-in")
    hr.request("/sign-in", [("login", HR), ("password", DEMO_PASSWORD), ("next", "/")])
    hr.request("/organisations/jarvela/trainings")
    series_path, _ = hr.request("/organisations/jarvela/training-series", [
        ("title_fi", "Digivinkkituokio " + uuid.uuid4().hex[:6]), ("active", "yes")])
    series = re.fullmatch(r"/training-series/(\d+)", series_path)
    assert series, series_path
    _, page = hr.request("/organisations/jarvela/trainings/new")
    area = re.search(r'name="area_codes" type="checkbox" value="([^"]+)"', page).group(1)
    training_path, _ = hr.request("/organisations/jarvela/trainings/new", [
        ("series_id", series.group(1)), ("title_fi", "Teams-vinkit puhelimella"), ("duration_minutes", "35"),
        ("format", "on_site"), ("language", "fi"), ("area_codes", area), ("active", "yes")])
    assert re.fullmatch(r"/trainings/\d+", training_path), training_path
    hr.request(training_path + "/sessions/new")
    session_path, _ = hr.request(training_path + "/sessions/new", [
        ("date", start.date().isoformat()), ("start_time", start.strftime("%H:%M")), ("end_time", end.strftime("%H:%M")),
        ("place", "Kahvihuone"), ("meeting_url", ""), ("trainer_name", "Tiina"), ("capacity", ""),
        ("enrolment", "open"), ("unit_names", "")])
    found = re.fullmatch(r"/training-sessions/(\d+)", session_path)
    assert found, session_path
    _, code = hr.request(session_path + "/check-in-code")
    address = re.search(r'class="check-in-address">([^<]+)<', code).group(1).replace("&amp;", "&")
    key = urllib.parse.parse_qs(urllib.parse.urlsplit(address).query)["k"][0]
    return {"id": int(found.group(1)), "series": int(series.group(1)), "key": key}


def post_raw(url, cookies, fields, base_url):
    """POSTs a form outside the browser with the browser's cookies; returns (status, served bytes)."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST")
    request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    request.add_header("Origin", base_url)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def click(driver, selector):
    """Clicks and waits for the next page (after a POST, the page its redirect leads to)."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    element.click()
    wait_until_replaced(driver, element)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def in_finnish(driver, base_url):
    """Signed out, with Finnish chosen (the assertions read Finnish text; the pages' default)."""
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.get(base_url + "/accessibility")
    driver.add_cookie({"name": "tt_lang", "value": "fi", "path": "/"})


def checked(checker, url, label, problems, status=None):
    result = checker.check(url, label=label, expected_status=status)
    problems += [f"{label} {url}: {problem}" for problem in result.problems]


def in_browser(checker, label, problems):
    """axe and the 320 px check of the page the browser shows now (a POST result)."""
    problems += [f"{label}: {problem}" for problem in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]


def test_employee_checks_in_by_the_qr_link_and_gives_feedback_on_a_phone(session, base_url, driver, checker, nojs_driver):
    sid = session["id"]
    check_in = f"{base_url}/training-sessions/{sid}/check-in?k={session['key']}"
    feedback = f"{base_url}/training-sessions/{sid}/feedback"
    problems = []

    # The pages in their first states, in the browser with JavaScript (axe needs it).
    in_finnish(driver, base_url)
    sign_in(driver, base_url, EMPLOYEE, DEMO_PASSWORD)
    checked(checker, check_in, "employee, check-in form", problems)
    assert driver.find_elements(By.CSS_SELECTOR, "button.check-in-button"), "no 'I was here' button"
    checked(checker, feedback, "employee, feedback before attending", problems, status=403)
    assert fetch_raw(f"{base_url}/training-sessions/{sid}/check-in?k=wrong", driver.get_cookies()).status == 404

    phone = nojs_driver
    in_finnish(phone, base_url)
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        # The QR code's address, not signed in: the sign-in form, and back to the address after it.
        phone.get(check_in)
        assert path_of(phone.current_url) == "/sign-in"
        phone.find_element(By.NAME, "login").send_keys(EMPLOYEE)
        phone.find_element(By.NAME, "password").send_keys(DEMO_PASSWORD)
        click(phone, "main form button[type=submit]")
        assert phone.current_url == check_in, phone.current_url
        click(phone, "button.check-in-button")
        assert "Olet merkitty paikalle" in phone.page_source
        click(phone, f"a[href$='/training-sessions/{sid}/feedback']")
        assert path_of(phone.current_url) == f"/training-sessions/{sid}/feedback"

        # The feedback form, checked before it is sent; its error state too.
        checked(checker, feedback, "employee, feedback form", problems)
        click(driver, "form button.primary")
        assert "Valitse, kuinka hyödyllinen" in driver.page_source
        in_browser(checker, "employee, feedback form with an error", problems)
        token = driver.find_element(By.NAME, "csrf_token").get_attribute("value")
        status, body = post_raw(feedback, driver.get_cookies(), {"csrf_token": token, "comment": "x"}, base_url)
        assert status == 422
        checker.collector.add("employee, feedback with an error", feedback, body)

        # Three taps and a comment on the phone.
        phone.find_element(By.CSS_SELECTOR, "label[for='usefulness-4']").click()
        phone.find_element(By.CSS_SELECTOR, "label[for='can-use-yes']").click()
        assert phone.find_element(By.ID, "usefulness-4").is_selected()
        phone.find_element(By.ID, "comment").send_keys("Hyviä vinkkejä, lisää tällaisia.")
        click(phone, "form button.primary")
        assert "Kiitos palautteestasi" in phone.page_source
        assert not phone.find_elements(By.NAME, "usefulness"), "the form is offered again"
    finally:
        phone.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    checked(checker, check_in, "employee, checked in", problems)
    assert "Olet merkitty paikalle" in driver.page_source
    checked(checker, feedback, "employee, feedback given", problems)
    assert "Kiitos palautteestasi" in driver.page_source
    assert not problems, "\n".join(problems)


def test_hr_marks_attendance_and_every_page_of_theirs_passes(session, base_url, driver, checker):
    sid = session["id"]
    attendance = f"{base_url}/training-sessions/{sid}/attendance"
    problems = []
    in_finnish(driver, base_url)
    sign_in(driver, base_url, HR, DEMO_PASSWORD)
    checked(checker, attendance, "hr, attendance", problems)
    present = driver.find_elements(By.CSS_SELECTOR, "input[name=present]:checked")
    assert len(present) == 1, "the employee's own check-in is on the list"
    session["employee"] = int(present[0].get_attribute("value"))

    # A walk-in found by name, ticked and saved.
    checked(checker, attendance + "?q=ne", "hr, attendance with a search", problems)
    walk_ins = driver.find_elements(By.CSS_SELECTOR, "fieldset:nth-of-type(2) input[type=checkbox]")
    assert walk_ins, "the search found no one"
    box_id = walk_ins[0].get_attribute("id")
    label = driver.find_element(By.CSS_SELECTOR, f"label[for='{box_id}']").text
    driver.find_element(By.CSS_SELECTOR, f"label[for='{box_id}']").click()
    click(driver, "form[method=post] button.primary")
    assert path_of(driver.current_url) == f"/training-sessions/{sid}/attendance"
    assert "Muutokset tallennettiin" in driver.page_source
    listed = driver.find_element(By.CSS_SELECTOR, f"label[for='{box_id}']")
    assert listed.text == label and driver.find_element(By.ID, box_id).is_selected(), "the walk-in is not marked present"

    csv = fetch_raw(f"{attendance}.csv?separator=semicolon", driver.get_cookies())
    assert csv.status == 200 and csv.content_type.startswith("text/csv")
    assert label.split(",")[0] in csv.body.decode("utf-8-sig")

    # The QR code on the trainer's screen leads to the check-in address.
    code = f"{base_url}/training-sessions/{sid}/check-in-code"
    checked(checker, code, "hr, check-in code", problems)
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: run scripts/e2e-setup.sh (make e2e-deps)"
    image = os.path.join(os.environ.get("E2E_ARTIFACTS", tempfile.gettempdir()), "check-in-qr.png")
    # A tall viewport, so the whole code is on screen for the element's screenshot.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 1280, "height": 2400, "deviceScaleFactor": 1, "mobile": False})
    try:
        with open(image, "wb") as file:
            file.write(driver.find_element(By.CSS_SELECTOR, ".check-in-code svg").screenshot_as_png)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    decoded = subprocess.run([zbarimg, "--quiet", "--raw", image], capture_output=True, text=True, timeout=60)
    assert decoded.stdout.strip() == f"{base_url}/training-sessions/{sid}/check-in?k={session['key']}", decoded.stdout

    checked(checker, f"{base_url}/training-sessions/{sid}/feedback/results", "hr, feedback results", problems)
    assert "lukuja ei näytetä" in driver.page_source, "one answer shows figures"
    checked(checker, f"{base_url}/training-series/{session['series']}/feedback", "hr, series feedback", problems)

    # The demo's year of trainings: a series' feedback and the attendance of its first and last sessions
    # (a past one with its list, a coming one not yet open for marking).
    driver.get(base_url + "/organisations/jarvela/trainings")
    demo_series = sorted({a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/training-series/']")
                          if re.search(r"/training-series/\d+$", a.get_attribute("href") or "")
                          and not a.get_attribute("href").endswith(f"/training-series/{session['series']}")})
    assert demo_series, "the demo has no training series"
    checked(checker, demo_series[0] + "/feedback", "hr, a demo series' feedback", problems)
    driver.get(demo_series[0])
    demo_sessions = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/training-sessions/']")
                     if re.search(r"/training-sessions/\d+$", a.get_attribute("href") or "")]
    assert demo_sessions, "the demo series has no sessions"
    for href in sorted(set(demo_sessions[:1] + demo_sessions[-1:])):
        checked(checker, href + "/attendance", "hr, a demo session's attendance", problems)

    completions = f"{base_url}/employees/{session['employee']}/completions"
    checked(checker, completions, "hr, completions", problems)
    assert "Osallistui" in driver.page_source, "the check-in is not in the history"
    assert "Katsoi tallenteen (oma ilmoitus)" in driver.page_source, "the demo's watched recording is not in the history"
    driver.find_element(By.ID, "note").send_keys("Kurssi muualla")
    click(driver, "form[method=post] button.primary")
    assert "Valitse koulutus luettelosta" in driver.page_source
    in_browser(checker, "hr, completions with errors", problems)
    token = driver.find_element(By.NAME, "csrf_token").get_attribute("value")
    status, body = post_raw(completions, driver.get_cookies(), {"csrf_token": token, "form": "external"}, base_url)
    assert status == 422
    checker.collector.add("hr, completions with errors", completions, body)
    assert not problems, "\n".join(problems)


def test_supervisor_sees_only_their_own_units_people(session, base_url, driver, checker):
    sid = session["id"]
    problems = []
    in_finnish(driver, base_url)
    sign_in(driver, base_url, SUPERVISOR, DEMO_PASSWORD)
    attendance = f"{base_url}/training-sessions/{sid}/attendance"
    checked(checker, attendance, "supervisor, attendance", problems)
    assert "omien yksiköittesi" in driver.page_source
    assert not problems, "\n".join(problems)
    # The session's attendance as HR sees it has more people than the supervisor's.
    mine = len(driver.find_elements(By.CSS_SELECTOR, "input[name=present]"))
    assert mine >= 1, "the employee of the supervisor's unit checked in"
    ids = {box.get_attribute("value") for box in driver.find_elements(By.CSS_SELECTOR, "input[name=present]")}
    assert str(session["employee"]) in ids
