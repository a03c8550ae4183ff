"""The harness checks itself: each check must pass a good page and catch a known-bad one, so a
green run means the checks ran, not that they were broken. Also runs against what the server
serves without the app's pages (/healthz, a static page)."""
import os
import pathlib

import harness

from harness import Crawler, HtmlCollector, PageChecker, fetch_raw, page_shape

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
GOOD = (FIXTURES / "good.html").as_uri()
BAD = (FIXTURES / "bad.html").as_uri()


def local_checker(driver, tmp_path):
    return PageChecker(driver, HtmlCollector(str(tmp_path / "html")))


def test_good_page_passes_every_check(fresh_browser, tmp_path):
    result = local_checker(fresh_browser, tmp_path).check(GOOD)
    assert result.problems == []
    assert BAD in result.links


def test_bad_page_fails_each_check(fresh_browser, tmp_path):
    problems = "\n".join(local_checker(fresh_browser, tmp_path).check(BAD).problems)
    assert "axe image-alt" in problems
    assert "axe html-has-lang" in problems
    assert "no lang attribute" in problems
    assert "scrolls sideways" in problems and "div" in problems


def test_collector_names_the_urls_of_each_invalid_file(tmp_path, monkeypatch):
    # The Nu validator itself is checked against these fixtures in test_served_html_is_valid, in
    # the run's single JVM start; here only the bookkeeping around it.
    collector = HtmlCollector(str(tmp_path / "html"))
    collector.add("role", "http://x/good", (FIXTURES / "good.html").read_bytes())
    collector.add("role", "http://x/bad", (FIXTURES / "bad.html").read_bytes())
    collector.add("other", "http://x/bad-again", (FIXTURES / "bad.html").read_bytes())
    assert len(collector.urls_by_file) == 2
    bad_copy = next(path for path, urls in collector.urls_by_file.items() if "bad" in urls[0])
    control = str(FIXTURES / "bad.html")
    monkeypatch.setattr(harness, "nu_errors",
                        lambda paths: [(path, "an error") for path in paths
                                       if "<h1>Bad page" in pathlib.Path(path).read_text()])
    errors, control_errors = collector.validate(controls=[control])
    assert errors == [f"{os.path.basename(bad_copy)} = http://x/bad (role), "
                      f"http://x/bad-again (other)\n    an error"]
    assert control_errors == [(control, "an error")]


def test_crawler_follows_links_and_skips_downloads(fresh_browser, tmp_path):
    crawler = Crawler(local_checker(fresh_browser, tmp_path), "file://", "fixture")
    crawler.crawl([GOOD])
    assert crawler.visited == [GOOD, BAD]
    assert any(BAD in problem and "image-alt" in problem for problem in crawler.problems)


def test_crawler_limits():
    crawler = Crawler(None, "http://h:1", "x")
    assert crawler.wanted("http://h:1/a?page=2#top") == "http://h:1/a?page=2"
    assert crawler.wanted("http://h:1/a?page=3") is None
    assert crawler.wanted("http://h:1/static/css/site.css") is None
    assert crawler.wanted("http://h:1/sign-out") is None
    assert crawler.wanted("http://h:1/report.csv") is None
    assert crawler.wanted("http://other:1/") is None
    assert page_shape("/units/12/employees/7") == "/units/{id}/employees/{id}"


def test_javascript_can_be_switched_off(nojs_driver, driver):
    nojs_driver.get(GOOD)
    assert nojs_driver.find_element("id", "script-ran").text == "no"
    driver.get(GOOD)
    assert driver.find_element("id", "script-ran").text == "yes"


def test_server_health_and_static_page(base_url, fresh_browser, checker):
    assert fetch_raw(base_url + "/healthz", []).status == 200
    result = checker.check(base_url + "/static/bench-8k.html", "anonymous")
    assert result.status == 200
    assert result.problems == []
