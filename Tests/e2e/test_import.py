"""The staff import's safety pages in the browser: a file of three new hires sent as a full staff
list previews with a prominent warning (how many, what share, who) and no way to apply it in one
click; the second step is a page of its own. Both pages are POST results, so no crawl reaches them:
they go through axe, the 320 px check and (their served HTML) the Nu validator here."""
import os
import re
import tempfile
import urllib.parse
import urllib.request
import uuid

from selenium.webdriver.common.by import By

from accounts import DEMO_PASSWORD
from harness import sign_in, wait_until_replaced

NEW_HIRES = "Henkilönumero;Etunimi;Sukunimi\n990001;Uusi;Yksi\n990002;Uusi;Kaksi\n990003;Uusi;Kolme\n"


def post_raw(url, fields, cookies, base_url, files=None):
    """A form POST outside the browser with the browser's cookies; returns (final URL, body)."""
    headers = {"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in cookies), "Origin": base_url}
    if files:
        boundary = "----e2e-" + uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n')
        for name, (filename, content) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: text/csv\r\n\r\n{content}\r\n")
        data = ("".join(parts) + f"--{boundary}--\r\n").encode()
        headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"
    else:
        data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data=data, headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.geturl(), response.read()


def test_a_large_deactivation_is_shown_and_needs_a_second_step(app_ready, base_url, fresh_browser, checker):
    driver = fresh_browser
    sign_in(driver, base_url, "hr", DEMO_PASSWORD)
    # The import is reached through links, as HR would find it.
    driver.get(base_url + "/organisations/jarvela")
    driver.find_element(By.CSS_SELECTOR, "main a[href$='/import']").click()
    assert driver.current_url.endswith("/organisations/jarvela/import")
    box = driver.find_element(By.ID, "deactivate_missing")
    assert not box.is_selected(), "deactivating people missing from the file must not be the default"

    folder = tempfile.mkdtemp(prefix="import-", dir=os.environ.get("E2E_ARTIFACTS"))
    path = os.path.join(folder, "uudet.csv")
    with open(path, "w", encoding="utf-8") as file:
        file.write(NEW_HIRES)
    driver.find_element(By.ID, "file").send_keys(path)
    box.click()
    button = driver.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]")
    button.click()
    wait_until_replaced(driver, button)

    warning = driver.find_element(By.CSS_SELECTOR, "section.warning")
    # How many and what share, in whichever language the browser asked for.
    assert re.search(r"\b\d[\d\s,.]* ?%", warning.text), warning.text
    assert not driver.find_elements(By.NAME, "confirm_deactivations"), "a large deactivation applied in one step"
    problems = [f"preview: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]

    token = driver.find_element(By.NAME, "csrf_token").get_attribute("value")
    url, body = post_raw(base_url + "/organisations/jarvela/import",
                         {"csrf_token": token, "deactivate_missing": "1"}, driver.get_cookies(), base_url,
                         files={"file": ("uudet.csv", NEW_HIRES)})
    checker.collector.add("hr, import preview with deactivations", url, body)

    continue_button = driver.find_element(By.CSS_SELECTOR, "form[action$='/import/confirm'] button")
    pending = driver.find_element(By.CSS_SELECTOR, "form[action$='/import/confirm'] input[name=pending]")
    pending_id = pending.get_attribute("value")
    continue_button.click()
    wait_until_replaced(driver, continue_button)
    assert driver.find_element(By.ID, "typed_count").get_attribute("required") is not None
    problems += [f"confirm: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    url, body = post_raw(base_url + "/organisations/jarvela/import/confirm",
                         {"csrf_token": token, "pending": pending_id}, driver.get_cookies(), base_url)
    checker.collector.add("hr, import confirmation", url, body)
    assert not problems, "\n".join(problems)
