"""Password self-service pages that no crawl reaches (POST results and one-time links): HR's
one-time set-password link, the page the link opens, and printed sign-in slips for a unit. Each goes
through axe, the 320 px check and (its served HTML) the Nu validator. Nothing here changes a
password: the link is opened, not used."""
import re
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import fetch_raw, sign_in, wait_until_replaced


def post_raw(url, fields, cookies, base_url):
    headers = {"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies), "Origin": base_url}
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.geturl(), response.read()


def test_password_link_and_sign_in_slips(app_ready, base_url, fresh_browser, checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    problems = []

    # HR makes a one-time link for the demo coordinator, from the user's page.
    driver.get(base_url + "/organisations/jarvela/users")
    driver.find_element(By.XPATH, "//main//a[normalize-space()='koordinaattori']").click()
    form = driver.find_element(By.CSS_SELECTOR, "form[action$='/password-link']")
    action = form.get_attribute("action")
    token = form.find_element(By.NAME, "csrf_token").get_attribute("value")
    button = form.find_element(By.CSS_SELECTOR, "button")
    button.click()
    wait_until_replaced(driver, button)
    link = driver.find_element(By.CSS_SELECTOR, ".slip-address").text.strip()
    assert re.search(r"/set-password\?t=[A-Za-z0-9_-]{20,}$", link), link
    assert driver.find_elements(By.CSS_SELECTOR, ".slip-qr svg"), "no QR code on the link page"
    problems += [f"link page: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    url, body = post_raw(action, {"csrf_token": token}, driver.get_cookies(), base_url)
    checker.collector.add("hr, set-password link", url, body)

    # The link opens the form, for someone not signed in (a link made afterwards ended this one,
    # so the raw copy for Nu is the expired-link page; both are checked).
    fresh_link = re.search(rb"/set-password\?t=[A-Za-z0-9_-]+", body).group(0).decode()
    cookies = driver.get_cookies()
    driver.delete_all_cookies()
    result = checker.check(base_url + fresh_link, label="anyone, set-password form")
    problems += [f"set-password: {p}" for p in result.problems]
    assert driver.find_elements(By.ID, "new_password"), "the link did not open the form"
    expired = fetch_raw(link, [])
    assert expired.status == 410, expired.status
    checker.collector.add("anyone, expired set-password link", link, expired.body)
    for cookie in cookies:
        driver.add_cookie({"name": cookie["name"], "value": cookie["value"], "path": "/"})

    # Printed sign-in slips for a unit: the first units may be too big for one print; take the first that fits.
    driver.get(base_url + "/organisations/jarvela")
    driver.find_element(By.CSS_SELECTOR, "main a[href$='/sign-in-slips']").click()
    problems += [f"slip form: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    values = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "select#group option")
              if (o.get_attribute("value") or "").startswith("unit-")]
    printed = False
    for value in values[:15]:
        driver.get(base_url + "/organisations/jarvela/sign-in-slips")
        options = driver.find_elements(By.CSS_SELECTOR, f"select#group option[value='{value}']")
        assert options, driver.current_url + "\n" + driver.page_source[:3000]
        options[0].click()
        button = driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
        button.click()
        wait_until_replaced(driver, button)
        if driver.find_elements(By.CSS_SELECTOR, "li.slip"):
            printed = True
            break
    assert printed, "no unit small enough for one print among the first ones"
    problems += [f"slips: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    assert not problems, "\n".join(problems)
