"""Every page, found by crawling rather than from a hand-kept list: anonymous pages, then each demo
role's pages after signing in through the real form. Each page must pass axe-core's WCAG 2.1 A/AA
rules and must not scroll sideways at 320 px; all served HTML goes through the Nu validator last."""
import os

import pytest

from accounts import DEMO_PASSWORD, DEMO_SIGN_INS
from harness import SIGN_OUT_SELECTOR, Crawler, path_of, sign_in

MISSING_PAGE = "/e2e-no-such-page"
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
REPORT = []


def report(title, crawler):
    """Keeps what a crawl saw, for the report file and for failure messages."""
    REPORT.append(f"== {title}: {len(crawler.visited)} pages")
    REPORT.extend(f"   {url}" for url in crawler.visited)
    REPORT.extend(f" ! {problem}" for problem in crawler.problems)
    return (f"{len(crawler.problems)} problem(s) on the pages of {title} "
            f"({len(crawler.visited)} pages visited):\n" + "\n".join(crawler.problems))


def test_anonymous_pages(app_ready, base_url, fresh_browser, checker):
    crawler = Crawler(checker, base_url, "anonymous")
    crawler.crawl([base_url + "/", base_url + "/sign-in", base_url + "/accessibility",
                   base_url + MISSING_PAGE],
                  expected_statuses={base_url + MISSING_PAGE: 404})
    visited = {path_of(url) for url in crawler.visited}
    assert {"/sign-in", "/accessibility", MISSING_PAGE} <= visited, crawler.problems
    assert not crawler.problems, report("anonymous visitors", crawler)
    report("anonymous visitors", crawler)


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
    assert not crawler.problems, report(role, crawler)
    report(role, crawler)


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
    assert not errors, (f"the Nu validator found {len(errors)} error(s) in served HTML "
                        f"(files in {collector.folder}):\n" + "\n".join(errors))
