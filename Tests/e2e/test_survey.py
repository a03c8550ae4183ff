"""An employee answers a whole survey on a 360 × 640 phone with JavaScript switched off, and every
survey page passes axe-core (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import re

from accounts import DEMO_PASSWORD
from harness import fetch_raw, path_of, sign_in, wait_until_replaced

EMPLOYEE = "tyontekija"
PHONE = {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True}


def open_round_path(driver, base_url):
    """The path of the first open survey on the employee's /surveys page."""
    driver.get(base_url + "/surveys")
    for link in driver.find_elements("css selector", "a.button.primary"):
        match = re.search(r"(/surveys/\d+)$", link.get_attribute("href") or "")
        if match:
            return match.group(1)
    raise AssertionError("the demo employee has no open survey on /surveys")


def check_survey_pages(driver, checker, base_url, round_path):
    """Checks the introduction, every area page, the open questions and the review, in the browser
    with JavaScript (axe needs it). Only GETs: nothing is answered."""
    problems = []
    urls = [base_url + round_path]
    step = 1
    while step <= 30:
        url = f"{base_url}{round_path}/areas/{step}"
        if fetch_raw(url, driver.get_cookies(), follow_redirects=False).status != 200:
            break
        urls.append(url)
        step += 1
    urls += [f"{base_url}{round_path}/questions", f"{base_url}{round_path}/review"]
    for url in urls:
        result = checker.check(url, label=EMPLOYEE)
        problems += [f"{url}: {problem}" for problem in result.problems]
    return step - 1, problems


def click(driver, selector):
    """Clicks the element and waits for the page it leads to (without JavaScript, a new document)."""
    element = driver.find_element("css selector", selector)
    element.click()
    wait_until_replaced(driver, element)


def answer_area(driver, area_index):
    """Chooses an answer for every statement by tapping its label, as a person does; every seventh
    statement gets "can't say"."""
    statements = driver.find_elements("css selector", "fieldset.statement")
    assert statements, f"area page {driver.current_url} has no statements"
    for number, statement in enumerate(statements):
        choices = statement.find_elements("css selector", ".choice label")
        assert len(choices) == 6, f"{driver.current_url}: expected 5 points and can't say"
        index = 5 if (area_index + number) % 7 == 0 else 3 + (number % 2)
        choices[index].click()
        radio = statement.find_elements("css selector", ".choice input")[index]
        assert radio.is_selected(), "tapping a label did not choose its answer"
    return len(statements)


def test_employee_takes_a_whole_survey_on_a_phone_without_javascript(app_ready, base_url, driver, checker,
                                                                    nojs_driver):
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, EMPLOYEE, DEMO_PASSWORD)
    round_path = open_round_path(driver, base_url)
    area_count, problems = check_survey_pages(driver, checker, base_url, round_path)
    assert area_count == 9, f"expected the shipped framework's 9 areas, found {area_count}"
    assert not problems, "survey pages:\n" + "\n".join(problems)

    phone = nojs_driver
    phone.execute_cdp_cmd("Network.clearBrowserCookies", {})
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        assert path_of(sign_in(phone, base_url, EMPLOYEE, DEMO_PASSWORD)) == "/"
        phone.get(base_url + round_path)
        click(phone, "a.button.primary")
        answered, areas = 0, 0
        while "/areas/" in path_of(phone.current_url):
            assert f"{areas + 1} / 9" in phone.page_source, "the page does not show progress"
            answered += answer_area(phone, areas)
            areas += 1
            click(phone, "button[name=go][value=next]")
        assert areas == 9 and answered >= 36
        if path_of(phone.current_url).endswith("/questions"):
            phone.find_element("css selector", "textarea").send_keys("Toivon lyhyitä koulutuksia työajalla.")
            click(phone, "button[name=go][value=next]")
        assert path_of(phone.current_url) == round_path + "/review"
        assert "Toivon lyhyitä koulutuksia" in phone.page_source
        click(phone, "form button.primary")
        assert path_of(phone.current_url) == round_path + "/thanks", phone.current_url
        assert "<svg" in phone.page_source, "no profile chart after submitting"
        # Back to the review and sending again changes nothing: the survey is answered.
        phone.back()
        phone.get(base_url + round_path + "/review")
        assert path_of(phone.current_url) == round_path
        thanks_cookies = phone.get_cookies()
    finally:
        phone.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    # The thank-you page, checked in the JavaScript browser with the phone's cookies. The profile was
    # shown once on the phone, so now the page offers it again only behind a button.
    driver.get(base_url + "/sign-in")
    driver.delete_all_cookies()
    for cookie in thanks_cookies:
        driver.add_cookie({key: cookie[key] for key in ("name", "value", "path") if key in cookie})
    thanks_url = base_url + round_path + "/thanks"
    result = checker.check(thanks_url, label=EMPLOYEE)
    assert not result.problems, "thanks page:\n" + "\n".join(result.problems)
    assert "<svg" not in driver.page_source, "the profile shows again without a press"
    # The press: the profile again, checked with axe, at 320 px and (as served) with Nu.
    token = driver.find_element("css selector", "input[name=csrf_token]").get_attribute("value")
    served = post_raw(thanks_url, driver.get_cookies(), {"csrf_token": token, "go": "show"})
    checker.collector.add(EMPLOYEE + " (profile again)", thanks_url, served)
    click(driver, "button[name=go][value=show]")
    assert "<svg" in driver.page_source
    problems = checker.axe_violations() + checker.sideways_scroll_at_narrow_width()
    assert not problems, "profile shown again:\n" + "\n".join(problems)


def post_raw(url, cookies, fields):
    """POSTs a form outside the browser with the browser's cookies; returns the served bytes."""
    import urllib.parse
    import urllib.request
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), method="POST")
    request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    request.add_header("Origin", "/".join(url.split("/")[:3]))
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()
