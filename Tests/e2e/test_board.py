"""Digivinkit on the demo data: an employee on a 360 x 640 phone with JavaScript switched off posts a
tip and searches; the board's pages (front, search, filters, the forms of each kind, a thread, a
practice with its adoptions, a solved question, the moderators' page and the digitutor's unanswered
questions) pass axe (WCAG 2.1 A/AA), the 320 px check and the Nu validator."""
import os
import tempfile

import pytest
from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD, demo_database as database
from harness import HtmlCollector, PageChecker, path_of, sign_in, wait_until_replaced

PHONE = {"width": 360, "height": 640, "deviceScaleFactor": 2, "mobile": True}


@pytest.fixture
def board_checker(driver):
    folder = tempfile.mkdtemp(prefix="e2e-board-")
    collector = HtmlCollector(os.path.join(folder, "html"))
    yield PageChecker(driver, collector)
    errors, _ = collector.validate()
    assert not errors, "the Nu validator found errors in the board's pages:\n" + "\n".join(errors)


def checked(checker, url, label):
    result = checker.check(url, label)
    assert not result.problems, f"{label} {url}:\n" + "\n".join(result.problems)


def click(driver, element):
    element.click()
    wait_until_replaced(driver, element)


def first_post(where):
    connection = database()
    try:
        row = connection.execute(f"""
            SELECT p.id FROM board_posts p JOIN organisations o ON o.id = p.organisation_id
            WHERE o.slug = 'jarvela' AND p.hidden = 0 AND {where} ORDER BY p.created_at DESC LIMIT 1""").fetchone()
        assert row, f"no demo post where {where}"
        return row[0]
    finally:
        connection.close()


def test_employee_posts_a_tip_on_a_phone_without_javascript(app_ready, base_url, nojs_driver, driver, board_checker):
    phone = nojs_driver
    phone.execute_cdp_cmd("Network.clearBrowserCookies", {})
    phone.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        sign_in(phone, base_url, "tyontekija", DEMO_PASSWORD)
        phone.get(base_url + "/board")
        click(phone, phone.find_element(By.CSS_SELECTOR, "main a[href='/board/new?kind=tip']"))
        # Title and text first; everything else is folded away.
        fields = [element.get_attribute("name") for element in phone.find_elements(By.CSS_SELECTOR, "main form input, main form textarea")
                  if element.get_attribute("type") not in ("hidden",) and element.is_displayed()]
        assert fields[:2] == ["title", "body"], fields
        phone.find_element(By.ID, "title").send_keys("Tulostin jumissa? Katkaise virta 10 sekunniksi")
        phone.find_element(By.ID, "body").send_keys("Useimmiten tukos lähtee, kun laitteen käynnistää uudelleen.")
        click(phone, phone.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
        assert phone.find_element(By.TAG_NAME, "h1").text == "Tulostin jumissa? Katkaise virta 10 sekunniksi"
        assert "Julkaistu" in phone.page_source or "Published" in phone.page_source
        post_path = path_of(phone.current_url).split("?")[0]
        # Search with an inflected prefix: "tulosti" finds "Tulostin".
        phone.get(base_url + "/board")
        phone.find_element(By.ID, "q").send_keys("tulosti")
        click(phone, phone.find_element(By.CSS_SELECTOR, "main form.search-form button[type=submit]"))
        assert "Tulostin jumissa?" in phone.find_element(By.TAG_NAME, "main").text
        cookies = phone.get_cookies()
    finally:
        phone.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    driver.delete_all_cookies()
    driver.get(base_url + "/sign-in")
    for cookie in cookies:
        driver.add_cookie({key: cookie[key] for key in ("name", "value", "path") if key in cookie})
    practice = first_post("p.kind = 'practice' AND p.adoption_count > 0")
    solved = first_post("p.kind = 'question' AND p.solved = 1")
    for path in ["/board", "/board?q=salasan", "/board?kind=question&state=unsolved&sort=useful", "/board?kind=practice&sort=adopted",
                 "/board?q=%22NEAR(*", "/board/new?kind=tip", "/board/new?kind=question", "/board/new?kind=practice",
                 post_path, f"/board/{practice}", f"/board/{solved}", "/board?page=2"]:
        checked(board_checker, base_url + path, "tyontekija")
    driver.get(base_url + f"/board/{practice}")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert ("Otettu käyttöön" in main and "organisaatiossa" in main) or ("Adopted in" in main and "organisations" in main), main[:500]


def test_moderator_and_digitutor_pages(app_ready, base_url, fresh_browser, board_checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    anonymous = first_post("p.anonymous = 1")
    checked(board_checker, base_url + "/organisations/jarvela/board-moderation", "hr")
    checked(board_checker, base_url + f"/board/{anonymous}", "hr")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "kysyi nimettömänä" in main or "asked anonymously" in main, main[:300]
    assert driver.find_elements(By.CSS_SELECTOR, "main form[action$='/hidden']"), "no moderation form for HR"
    driver.delete_all_cookies()
    sign_in(driver, base_url, "digitutor", DEMO_PASSWORD)
    checked(board_checker, base_url + "/my-digitutor-log", "digitutor")
    section = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=board-questions-heading]")
    assert section.find_elements(By.CSS_SELECTOR, ".card a[href^='/board/']"), "no unanswered questions for the digitutor: " + section.text
    checked(board_checker, base_url + f"/board/{anonymous}", "digitutor")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Nimetön kysyjä" in main or "Anonymous asker" in main, main[:300]
