"""Trainings: HR puts a short registration session into the catalogue, and an employee on a 360 × 640
phone with JavaScript switched off finds it in the calendar, enrols and sees it in "my trainings".
Every page on the way passes axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import datetime
import re
import urllib.parse
import urllib.request

from accounts import DEMO_PASSWORD
from harness import path_of, sign_in, wait_until_replaced

PHONE = {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True}
TITLE = "Pikavinkki: Teams-kokouksen jakaminen"


def post_form(url, cookies, fields, base_url):
    """POSTs a form outside the browser with the browser's cookies; returns (status, final path)."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST")
    request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    request.add_header("Origin", base_url)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, path_of(response.geturl())


def token(driver):
    return driver.find_element("css selector", "main input[name=csrf_token]").get_attribute("value")


def click(driver, selector):
    element = driver.find_element("css selector", selector)
    element.click()
    wait_until_replaced(driver, element)


def test_hr_schedules_and_an_employee_enrols_on_a_phone(app_ready, base_url, fresh_browser, nojs_driver, checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    problems = []
    for path in ["/organisations/jarvela/trainings", "/organisations/jarvela/trainings/new"]:
        problems += [f"{path}: {p}" for p in checker.check(base_url + path, label="hr").problems]
    driver.get(base_url + "/organisations/jarvela/trainings/new")
    area = driver.find_element("css selector", "input[name=area_codes]").get_attribute("value")
    status, training_path = post_form(base_url + "/organisations/jarvela/trainings/new", driver.get_cookies(), [
        ("csrf_token", token(driver)), ("title_fi", TITLE), ("title_sv", "Snabbtips: dela ett Teams-möte"),
        ("description_fi", "15 minuuttia: näin jaat näytön ja esityksen kokouksessa."), ("duration_minutes", "15"),
        ("format", "remote"), ("language", "fi"), ("area_codes", area), ("active", "yes"),
    ], base_url)
    assert status == 200 and re.fullmatch(r"/trainings/\d+", training_path), training_path
    day = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    driver.get(base_url + training_path + "/sessions/new")
    problems += [f"session form: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    status, session_path = post_form(base_url + training_path + "/sessions/new", driver.get_cookies(), [
        ("csrf_token", token(driver)), ("date", day), ("start_time", "12:30"), ("end_time", "12:45"),
        ("place", ""), ("meeting_url", "https://teams.example/meet/e2e"), ("trainer_name", "Tiina Tutor"),
        ("capacity", "12"), ("enrolment", "registration"), ("unit_names", ""),
    ], base_url)
    assert re.fullmatch(r"/training-sessions/\d+", session_path), session_path
    for path in [session_path, session_path + "/edit", session_path + "/copy", session_path + "/cancel",
                 session_path + "/assign"]:
        problems += [f"{path}: {p}" for p in checker.check(base_url + path, label="hr").problems]

    phone = nojs_driver
    phone.execute_cdp_cmd("Network.clearBrowserCookies", {})
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        sign_in(phone, base_url, "tyontekija", DEMO_PASSWORD)
        phone.get(base_url + "/trainings?length=15")
        link = [a for a in phone.find_elements("css selector", "main .card h3 a") if a.text.strip() == TITLE]
        assert link, "the new session is not in the employee's calendar"
        link[0].click()
        wait_until_replaced(phone, link[0])
        assert path_of(phone.current_url) == session_path
        assert "https://teams.example/meet/e2e" in phone.page_source
        click(phone, "main form button.primary")
        assert phone.find_elements("css selector", "main p.status"), "no confirmation after enrolling"
        assert phone.find_elements("css selector", "main form[action$='/leave']"), "no way to give up the place"
        phone.get(base_url + "/my-trainings")
        assert TITLE in phone.page_source
        employee_cookies = phone.get_cookies()
    finally:
        phone.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    driver.delete_all_cookies()
    driver.get(base_url + "/sign-in")
    for cookie in employee_cookies:
        driver.add_cookie({key: cookie[key] for key in ("name", "value", "path") if key in cookie})
    for path in ["/trainings", "/trainings?length=15&format=remote", "/my-trainings", session_path, training_path]:
        problems += [f"{path}: {p}" for p in checker.check(base_url + path, label="tyontekija").problems]
    assert not problems, "\n".join(problems)
