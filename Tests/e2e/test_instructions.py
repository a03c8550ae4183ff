"""The instructions library on the demo data: an employee on a 360 × 640 phone with JavaScript
switched off searches "salasan" and opens the password instruction; HR edits an instruction and
keeps the key-user directory. Every page passes axe (WCAG 2.1 A/AA), the 320 px check and the Nu
validator."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, PageChecker, path_of, sign_in, wait_until_replaced

PHONE = {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True}
PASSWORD_TITLE = "Salasanan vaihtaminen ja unohtunut salasana"


@pytest.fixture
def library_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-instructions-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the library's pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def click(driver, element):
    element.click()
    wait_until_replaced(driver, element)


def test_employee_searches_on_a_phone_and_opens_the_password_instruction(app_ready, base_url, nojs_driver, driver,
                                                                         library_checker):
    phone = nojs_driver
    phone.execute_cdp_cmd("Network.clearBrowserCookies", {})
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        sign_in(phone, base_url, "tyontekija", DEMO_PASSWORD)
        phone.get(base_url + "/instructions")
        # The pinned AI guideline comes first.
        first = phone.find_element(By.CSS_SELECTOR, "main .card a").text
        assert "Tekoäly" in first, first
        phone.find_element(By.ID, "q").send_keys("salasan")
        click(phone, phone.find_element(By.CSS_SELECTOR, "main form.search-form button[type=submit]"))
        assert "q=salasan" in phone.current_url
        marks = [m.text.lower() for m in phone.find_elements(By.CSS_SELECTOR, "main .card mark")]
        assert any(m.startswith("salasan") for m in marks), marks
        link = [a for a in phone.find_elements(By.CSS_SELECTOR, "main .card a") if a.text.strip() == PASSWORD_TITLE]
        assert link, "the password instruction is not among the results"
        click(phone, link[0])
        assert phone.find_element(By.TAG_NAME, "h1").text == PASSWORD_TITLE
        instruction_path = path_of(phone.current_url)
        assert "intra.jarvela.fi" in phone.page_source
        assert not phone.find_elements(By.CSS_SELECTOR, "main a[href$='/edit']"), "an employee may not edit"
        cookies = phone.get_cookies()
    finally:
        phone.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    driver.delete_all_cookies()
    driver.get(base_url + "/sign-in")
    for cookie in cookies:
        driver.add_cookie({key: cookie[key] for key in ("name", "value", "path") if key in cookie})
    for path in ["/", "/instructions", "/instructions?q=salasan", "/instructions?q=%22NEAR(*", instruction_path,
                 "/key-users", "/key-users?q=lapsi", "/digitutors"]:
        checked(library_checker, base_url + path, "tyontekija")


def test_hr_edits_an_instruction_and_keeps_the_key_users(app_ready, base_url, fresh_browser, library_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    checked(library_checker, base_url + "/instructions?review=due", "hr")
    overdue = driver.find_elements(By.CSS_SELECTOR, "main .card .status-overdue")
    assert overdue, "no overdue reviews in the demo"
    driver.get(base_url + "/instructions?q=tulostaminen")
    link = driver.find_element(By.CSS_SELECTOR, "main .card a")
    click(driver, link)
    instruction_path = path_of(driver.current_url)
    checked(library_checker, base_url + instruction_path, "hr")
    checked(library_checker, base_url + instruction_path + "/edit", "hr")
    title = driver.find_element(By.ID, "title")
    new_title = title.get_attribute("value") + " (päivitetty)"
    title.clear()
    title.send_keys(new_title)
    click(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    assert path_of(driver.current_url) == instruction_path
    assert driver.find_element(By.TAG_NAME, "h1").text == new_title
    # A bad address is refused on the form, which says why.
    driver.get(base_url + instruction_path + "/edit")
    links = driver.find_element(By.ID, "links")
    links.clear()
    links.send_keys("Video | javascript:alert(1)")
    click(driver, driver.find_element(By.CSS_SELECTOR, "main form button.primary"))
    assert driver.find_elements(By.CSS_SELECTOR, ".error-summary, [role=alert]"), "no error summary"
    for path in ["/organisations/jarvela/instructions/new", "/key-users", "/organisations/jarvela/key-users/new"]:
        checked(library_checker, base_url + path, "hr")
    driver.get(base_url + "/key-users")
    systems = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href*='/key-user-systems/']")]
    assert len(systems) >= 9, len(systems)
    checked(library_checker, systems[0], "hr")
