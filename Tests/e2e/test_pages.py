"""Every page, found by crawling rather than from a hand-kept list: anonymous pages, then each demo
role's pages after signing in through the real form. Each page must pass axe-core's WCAG 2.1 A/AA
rules and must not scroll sideways at 320 px; all served HTML goes through the Nu validator last."""
import os

import pytest

from accounts import DEMO_PASSWORD, DEMO_SIGN_INS
from harness import SIGN_OUT_SELECTOR, Crawler, path_of, sign_in, wait_until_replaced

MISSING_PAGE = "/e2e-no-such-page"
LANGUAGE_BUTTONS = "form[action$='/language'] button[name=language]"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
REPORT = []


def report(title, crawler):
    """Keeps what a crawl saw for the report file (.build-e2e/last-run/report.txt)."""
    REPORT.append(f"== {title}: {len(crawler.visited)} pages")
    REPORT.extend(f"   {url}" for url in crawler.visited)
    REPORT.extend(f" ! {problem}" for problem in crawler.problems)


def finish(title, crawler):
    """Reports the crawl and fails with every problem it found, page by page."""
    report(title, crawler)
    if crawler.problems:
        pytest.fail(f"{len(crawler.problems)} problem(s) on the pages of {title} "
                    f"({len(crawler.visited)} pages visited):\n" + "\n".join(crawler.problems),
                    pytrace=False)


def test_anonymous_pages(app_ready, base_url, fresh_browser, checker):
    crawler = Crawler(checker, base_url, "anonymous")
    crawler.crawl([base_url + "/", base_url + "/sign-in", base_url + "/accessibility",
                   base_url + MISSING_PAGE],
                  expected_statuses={base_url + MISSING_PAGE: 404})
    visited = {path_of(url) for url in crawler.visited}
    assert {"/sign-in", "/accessibility", MISSING_PAGE} <= visited, crawler.problems
    finish("anonymous visitors", crawler)


def test_anonymous_pages_in_each_language(app_ready, base_url, fresh_browser, checker):
    """The language choice is a form in the footer (buttons named `language`); each choice gets the
    anonymous pages checked again, and <html lang> must follow it."""
    fresh_browser.get(base_url + "/sign-in")
    buttons = fresh_browser.find_elements("css selector", LANGUAGE_BUTTONS)
    codes = [button.get_attribute("value") for button in buttons]
    if not codes:
        pytest.skip("no language choice on /sign-in")
    problems = []
    for code in codes:
        fresh_browser.get(base_url + "/sign-in")
        button = fresh_browser.find_element("css selector", f"{LANGUAGE_BUTTONS}[value='{code}']")
        button.click()
        wait_until_replaced(fresh_browser, button)
        crawler = Crawler(checker, base_url, f"anonymous, language {code}")
        crawler.crawl([base_url + "/sign-in", base_url + "/accessibility"])
        problems += crawler.problems
        language = fresh_browser.execute_script("return document.documentElement.lang")
        if language != code:
            problems.append(f"after choosing language {code}, /accessibility has lang={language!r}")
        report(f"anonymous visitors, language {code}", crawler)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize("login", list(DEMO_SIGN_INS))
def test_role_pages(app_ready, base_url, fresh_browser, checker, login):
    role = f"{login} ({DEMO_SIGN_INS[login]})"
    landed = sign_in(fresh_browser, base_url, login, DEMO_PASSWORD)
    assert path_of(landed) == "/", f"signing in as {role} landed on {landed}"
    assert fresh_browser.find_elements("css selector", SIGN_OUT_SELECTOR), \
        f"no sign-out form ({SIGN_OUT_SELECTOR}) on the home page of {role}"

    def still_signed_in(result):
        if path_of(result.final_url) == "/sign-in" and path_of(result.requested) != "/sign-in":
            result.problems.append("sent to the sign-in page: the session ended during the crawl")

    crawler = Crawler(checker, base_url, login, on_page=still_signed_in)
    crawler.crawl([base_url + "/"])
    assert len(crawler.visited) > 1, f"the home page of {role} links to no page"
    finish(role, crawler)


@pytest.mark.last
def test_served_html_is_valid(collector):
    """The Nu validator over the HTML of every page above, in one run. The harness's good and bad
    fixtures go through the same run, to show the validator really looked."""
    if not collector.urls_by_file:
        pytest.skip("no page was collected")
    good, bad = (os.path.join(FIXTURES, name) for name in ("good.html", "bad.html"))
    errors, control_errors = collector.validate(controls=[good, bad])
    with open(os.path.join(collector.folder, "..", "report.txt"), "w", encoding="utf-8") as file:
        file.write("\n".join(REPORT + ["== Nu validator errors"] + errors) + "\n")
    assert {path for path, _ in control_errors} == {bad}, \
        f"the Nu validator misjudged the harness's fixtures: {control_errors}"
    if errors:
        pytest.fail(f"the Nu validator found {len(errors)} error(s) in served HTML "
                    f"(files in {collector.folder}):\n" + "\n".join(errors), pytrace=False)
