"""Training calendars and posters in a real browser, and every feed parsed by a real iCalendar library.

The trainings are written straight into the served database (the demo has none yet): one training
for the whole organisation with sessions on both sides of the next spring daylight-saving change at
14:00 Helsinki time, and a month of short sessions for the poster. Changes that HR would make (moving
a session, cancelling one) are written the way `TrainingSessionStore` writes them: the sequence grows
and a cancellation keeps the record with its time.

Checked: the person's calendar page (axe, 320 px, Nu) makes a personal and a catalogue feed address;
each feed and the single-event `.ics` parse with Python's `icalendar`; the events keep 14:00 in
Europe/Helsinki across the change (UTC 12:00 before, 11:00 after), and the feed's own VTIMEZONE gives
the same offsets as the IANA database; an update raises SEQUENCE under the same UID; a cancellation
shows as STATUS:CANCELLED and one older than 30 days leaves the feed; a renewed or revoked address
answers 404; the unit and series posters pass axe, 320 px and Nu, print to exactly one A4 page, and
their QR codes decode to the session pages shown and to the calendar pages."""
import base64
import datetime
import os
import shutil
import sqlite3
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zoneinfo

import icalendar
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select

from accounts import DEMO_PASSWORD
from harness import HtmlCollector, fetch_raw, nu_errors, path_of, sign_in, wait_until_replaced

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
UTC = datetime.timezone.utc
EMPLOYEE = "tyontekija"
SUPERVISOR = "esihenkilo"
HR = "hr"
POSTER_SESSIONS = 18


def need(tool):
    path = shutil.which(tool)
    assert path, f"{tool} is missing: run scripts/e2e-setup.sh (make e2e-deps)"
    return path


def database():
    path = os.environ.get("E2E_DATABASE")
    if not path:
        pytest.skip("E2E_DATABASE is not set: run the browser tests with Tests/e2e/run.py")
    connection = sqlite3.connect(path, timeout=30)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def stamp(instant):
    """An instant as GRDB stores dates: UTC, `YYYY-MM-DD HH:MM:SS.SSS`."""
    instant = instant.astimezone(UTC)
    return instant.strftime("%Y-%m-%d %H:%M:%S.") + f"{instant.microsecond // 1000:03d}"


def helsinki(day, hour, minute=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=HELSINKI)


def next_spring_change(today):
    """The next last Sunday of March at least a week away: Helsinki moves from +02 to +03."""
    for year in (today.year, today.year + 1):
        day = datetime.date(year, 3, 31)
        while day.weekday() != 6:
            day -= datetime.timedelta(days=1)
        if day > today + datetime.timedelta(days=7):
            return day
    raise AssertionError("no spring change ahead")


class Data:
    """What the tests wrote: ids by name, and the poster month."""

    def __init__(self):
        self.sessions = {}
        self.uids = {}


@pytest.fixture(scope="module")
def calendar_data(app_ready):
    now = datetime.datetime.now(UTC)
    data = Data()
    with database() as db:
        employee, organisation, unit = db.execute(
            "SELECT e.id, e.organisation_id, e.unit_id FROM users u JOIN employees e ON e.id = u.employee_id "
            "WHERE u.login = ?", (EMPLOYEE,)).fetchone()
        data.employee, data.organisation, data.unit = employee, organisation, unit
        created = stamp(now - datetime.timedelta(days=2))

        def training(title_fi, title_sv, fmt="remote", series=None):
            cursor = db.execute(
                "INSERT INTO trainings (organisation_id, series_id, title_fi, title_sv, title_en, description_fi, "
                "duration_minutes, format, language, active, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, '', ?, 15, ?, 'fi', 1, ?, ?)",
                (organisation, series, title_fi, title_sv, "Lyhyt vinkki; kokeile itse, heti.", fmt, created, created))
            return cursor.lastrowid

        def session(name, training_id, start, minutes=15, place="", meeting="https://teams.microsoft.com/l/meetup-join/e2e",
                    enrolment="open"):
            uid = str(uuid.uuid4())
            cursor = db.execute(
                "INSERT INTO training_sessions (training_id, uid, starts_at, ends_at, place, meeting_url, trainer_name, "
                "enrolment, check_in_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'Tiina Kouluttaja', ?, ?, ?, ?)",
                (training_id, uid, stamp(start), stamp(start + datetime.timedelta(minutes=minutes)), place, meeting,
                 enrolment, uuid.uuid4().hex, created, created))
            data.sessions[name] = cursor.lastrowid
            data.uids[name] = uid
            return cursor.lastrowid

        change = next_spring_change(now.astimezone(HELSINKI).date())
        data.change = change
        data.month = f"{change.year:04d}-{change.month:02d}"
        series = db.execute(
            "INSERT INTO training_series (organisation_id, title_fi, title_sv, created_at) VALUES (?, ?, ?, ?)",
            (organisation, f"Digivinkkituokio e2e {uuid.uuid4().hex[:6]}", "Digitipspaus e2e", created)).lastrowid
        data.series = series
        teams = training("Teams-kokous sujuvasti", "Smidiga Teams-möten")
        tips = training("Digivinkki: pikanäppäimet ja muut aikaa säästävät temput arjen työhön", "Digitips: kortkommandon",
                        series=series)
        on_site = training("Tulostimen käyttö yksikössä", "Skrivaren i enheten", fmt="on_site")
        session("before", teams, helsinki(change - datetime.timedelta(days=2), 14))
        session("after", teams, helsinki(change + datetime.timedelta(days=1), 14))
        session("enrolled", teams, helsinki(change + datetime.timedelta(days=2), 9, 30), enrolment="registration")
        session("moved", teams, helsinki(change + datetime.timedelta(days=3), 12, 30))
        session("cancelled", teams, helsinki(change + datetime.timedelta(days=4), 12, 30))
        session("cancelled_long_ago", teams, helsinki(change - datetime.timedelta(days=5), 12, 30))
        day = datetime.date(change.year, change.month, 2)
        poster = 6
        while poster < POSTER_SESSIONS:
            if day not in (change, change - datetime.timedelta(days=2), change + datetime.timedelta(days=1)):
                if poster % 3 == 0:
                    session(f"poster{poster}", on_site, helsinki(day, 13), place="Päiväkodin taukotila", meeting=None)
                else:
                    session(f"poster{poster}", tips, helsinki(day, 12, 30))
                poster += 1
            day += datetime.timedelta(days=1)
        db.execute("INSERT INTO training_enrolments (session_id, employee_id, kind, state, enrolled_at, changed_at) "
                   "VALUES (?, ?, 'registered', 'enrolled', ?, ?)", (data.sessions["enrolled"], employee, created, created))
        for name in ("before", "after", "moved", "cancelled", "cancelled_long_ago"):
            db.execute("INSERT INTO training_follows (employee_id, session_id) VALUES (?, ?)",
                       (employee, data.sessions[name]))
    return data


def change_session(name, data, *, move_hours=0, cancelled_days_ago=None):
    """Moves or cancels a session as the store does: sequence + 1, updated now."""
    now = datetime.datetime.now(UTC)
    with database() as db:
        if move_hours:
            db.execute("UPDATE training_sessions SET starts_at = ?, ends_at = ?, sequence = sequence + 1, updated_at = ? "
                       "WHERE id = ?", (*[stamp(datetime.datetime.fromisoformat(value).replace(tzinfo=UTC)
                                                + datetime.timedelta(hours=move_hours))
                                          for value in db.execute("SELECT starts_at, ends_at FROM training_sessions "
                                                                  "WHERE id = ?", (data.sessions[name],)).fetchone()],
                                        stamp(now), data.sessions[name]))
        if cancelled_days_ago is not None:
            db.execute("UPDATE training_sessions SET status = 'cancelled', cancel_reason = 'Kouluttaja sairastui', "
                       "cancelled_at = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?",
                       (stamp(now - datetime.timedelta(days=cancelled_days_ago)), stamp(now), data.sessions[name]))


def fetch(url, cookies=None):
    """(status, headers, body bytes) of a GET, without following the browser."""
    request = urllib.request.Request(url)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def parse_feed(body):
    """The calendar, after checking the raw text as RFC 5545 wants it: CRLF lines of at most 75 octets."""
    assert body.endswith(b"\r\n")
    for line in body.split(b"\r\n")[:-1]:
        assert len(line) <= 75, f"a line of {len(line)} octets: {line[:80]!r}"
        line.decode("utf-8")
    assert b"\n" not in body.replace(b"\r\n", b""), "a bare line feed"
    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["CALSCALE"]) == "GREGORIAN" and "PRODID" in calendar
    for event in calendar.walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "STATUS"):
            assert name in event, f"an event without {name}"
        assert "ATTENDEE" not in event and "ORGANIZER" not in event
    return calendar


def events_by_uid(calendar):
    return {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


def assert_helsinki_wall_clock(calendar, events, data):
    """Both sides of the spring change at 14:00 Helsinki; the feed's VTIMEZONE agrees with IANA's."""
    before, after = events[data.uids["before"]], events[data.uids["after"]]
    start_before, start_after = before["DTSTART"].dt, after["DTSTART"].dt
    assert before["DTSTART"].params.get("TZID") == "Europe/Helsinki"
    assert (start_before.hour, start_before.minute) == (14, 0) and (start_after.hour, start_after.minute) == (14, 0)
    assert start_before.astimezone(UTC).hour == 12, start_before.astimezone(UTC)
    assert start_after.astimezone(UTC).hour == 11, start_after.astimezone(UTC)
    assert start_before.utcoffset() == datetime.timedelta(hours=2)
    assert start_after.utcoffset() == datetime.timedelta(hours=3)
    zones = calendar.walk("VTIMEZONE")
    assert len(zones) == 1 and str(zones[0]["TZID"]) == "Europe/Helsinki"
    own = zones[0].to_tz()
    for event in calendar.walk("VEVENT"):
        wall = event["DTSTART"].dt.replace(tzinfo=None)
        assert own.utcoffset(wall) == wall.replace(tzinfo=HELSINKI).utcoffset(), (wall, own.utcoffset(wall))
    for month in range(1, 13):
        wall = datetime.datetime(data.change.year, month, 15, 12)
        assert own.utcoffset(wall) == wall.replace(tzinfo=HELSINKI).utcoffset(), wall


def check_page(checker, collector, label, url, body):
    """axe and 320 px on the page in the browser; the served HTML kept for Nu."""
    collector.add(label, url, body)
    return [f"{label}: {p}" for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]


def calendar_page_address(driver, scope):
    """Presses the scope's make/renew button and returns the address the page shows once."""
    form = driver.find_element(By.CSS_SELECTOR, f"form input[name=scope][value={scope}]").find_element(
        By.XPATH, "./ancestor::form[contains(@action, '/renew')]")
    button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    wait_until_replaced(driver, button)
    address = driver.find_element(By.ID, f"feed-address-{scope}").get_attribute("value")
    webcal = driver.find_element(By.CSS_SELECTOR, "a[href^='webcal://']").get_attribute("href")
    assert webcal == "webcal://" + address.split("://", 1)[1]
    return address


def post_raw(url, fields, driver, base_url):
    """A form POST with the browser's session, for the served HTML of a POST result (for Nu)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode(),
                                     headers={"Cookie": cookies, "Origin": base_url})
    with urllib.request.urlopen(request, timeout=15) as response:
        return response.geturl(), response.read()


def test_calendar_feeds_parse_and_follow_changes(calendar_data, base_url, fresh_browser, checker):
    driver, data = fresh_browser, calendar_data
    collector = HtmlCollector(os.path.join(os.environ.get("E2E_ARTIFACTS", tempfile.gettempdir()), "calendar-html"))
    problems = []
    sign_in(driver, base_url, EMPLOYEE, DEMO_PASSWORD)
    page = base_url + "/my-trainings/calendar"
    driver.get(page)
    raw = fetch_raw(page, driver.get_cookies())
    assert raw.status == 200
    problems += check_page(checker, collector, "calendar page", page, raw.body)
    token = driver.find_element(By.CSS_SELECTOR, "input[name=csrf_token]").get_attribute("value")
    url, body = post_raw(base_url + "/my-trainings/calendar/renew", {"csrf_token": token, "scope": "catalogue"},
                         driver, base_url)
    collector.add("calendar page, address made", url, body)

    driver.get(page)
    personal = calendar_page_address(driver, "personal")
    # (Its served HTML, a POST result, went to Nu above.)
    problems += [f"calendar page with a fresh address: {p}"
                 for p in checker.axe_violations() + checker.sideways_scroll_at_narrow_width()]
    catalogue = calendar_page_address(driver, "catalogue")
    assert personal.startswith(base_url + "/calendar/feed.ics?t=") and catalogue != personal

    # Every feed parses; the person's holds their place and what they follow, in Helsinki time.
    status, headers, body = fetch(personal)
    assert status == 200 and headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Set-Cookie" not in headers
    calendar = parse_feed(body)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in body
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in body
    events = events_by_uid(calendar)
    # The demo gives the same person sessions of their own too: the test's are all among them.
    expected = {data.uids[name] for name in ("before", "after", "enrolled", "moved", "cancelled", "cancelled_long_ago")}
    assert expected <= set(events), events.keys()
    assert_helsinki_wall_clock(calendar, events, data)
    assert str(events[data.uids["enrolled"]]["URL"]) == f"{base_url}/training-sessions/{data.sessions['enrolled']}"
    assert "Tiina" not in body.decode() and "Kouluttaja" not in body.decode()

    status, _, body = fetch(catalogue)
    catalogue_events = events_by_uid(parse_feed(body))
    assert {data.uids[name] for name in data.uids if name != "cancelled_long_ago"} <= set(catalogue_events)
    assert_helsinki_wall_clock(parse_feed(body), catalogue_events, data)

    # An update raises the sequence under the same UID; a cancellation stays 30 days, then goes.
    old = events[data.uids["moved"]]
    change_session("moved", data, move_hours=1)
    change_session("cancelled", data, cancelled_days_ago=1)
    change_session("cancelled_long_ago", data, cancelled_days_ago=31)
    for address in (personal, catalogue):
        updated = events_by_uid(parse_feed(fetch(address)[2]))
        moved = updated[data.uids["moved"]]
        assert str(moved["UID"]) == str(old["UID"])
        assert int(moved["SEQUENCE"]) == int(old["SEQUENCE"]) + 1
        assert moved["DTSTART"].dt - old["DTSTART"].dt == datetime.timedelta(hours=1)
        assert moved["DTSTAMP"].dt > old["DTSTAMP"].dt
        cancelled = updated[data.uids["cancelled"]]
        assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
        assert "sairastui" not in str(cancelled.get("DESCRIPTION", ""))
        assert data.uids["cancelled_long_ago"] not in updated

    # "Add to calendar": one event, an attachment, parsed the same way.
    status, headers, body = fetch(f"{base_url}/training-sessions/{data.sessions['after']}/event.ics",
                                  driver.get_cookies())
    assert status == 200 and headers["Content-Disposition"].startswith("attachment;")
    single = parse_feed(body)
    assert [str(e["UID"]).split("@")[0] for e in single.walk("VEVENT")] == [data.uids["after"]]
    assert single.walk("VEVENT")[0]["DTSTART"].dt.astimezone(UTC).hour == 11

    # A renewed address replaces the old one; a revoked one answers 404.
    renewed = calendar_page_address(driver, "personal")
    assert fetch(personal)[0] == 404 and fetch(renewed)[0] == 200
    form = driver.find_element(By.CSS_SELECTOR, "form[action$='/revoke'] input[name=scope][value=personal]").find_element(
        By.XPATH, "./ancestor::form")
    button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    wait_until_replaced(driver, button)
    assert path_of(driver.current_url) == "/my-trainings/calendar"
    assert driver.find_element(By.CSS_SELECTOR, "main .notice").text
    problems += check_page(checker, collector, "calendar page, feed stopped", driver.current_url,
                           fetch_raw(driver.current_url, driver.get_cookies()).body)
    assert fetch(renewed)[0] == 404 and fetch(catalogue)[0] == 200
    assert fetch(base_url + "/calendar/feed.ics?t=" + "A" * 43)[0] == 404

    problems += [f"Nu: {line}" for line in collector.validate()[0]]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def print_pdf(driver, path):
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    options.margin_top = options.margin_bottom = options.margin_left = options.margin_right = 1.5
    options.background = False
    with open(path, "wb") as file:
        file.write(base64.b64decode(driver.print_page(options)))


def pdf_page_count(path):
    output = subprocess.run([need("pdfinfo"), path], capture_output=True, check=True, timeout=60).stdout.decode()
    return int(next(line.split()[-1] for line in output.splitlines() if line.startswith("Pages:")))


def decoded_qr_codes(pdf, folder):
    subprocess.run([need("pdftoppm"), "-r", "200", "-png", pdf, os.path.join(folder, "page")], check=True, timeout=120)
    found = []
    for image in sorted(f for f in os.listdir(folder) if f.startswith("page") and f.endswith(".png")):
        done = subprocess.run([need("zbarimg"), "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable",
                               os.path.join(folder, image)], capture_output=True, timeout=120)
        found += [line for line in done.stdout.decode().splitlines() if line]
    return found


def check_poster(driver, base_url, checker, collector, label, folder):
    """The poster on the screen and on paper: axe, 320 px, Nu; one A4 page whose QR codes decode to
    the sessions the poster shows and to the calendar pages."""
    problems = check_page(checker, collector, label, driver.current_url,
                          fetch_raw(driver.current_url, driver.get_cookies()).body)
    shown = [urllib.parse.urljoin(base_url, a.get_attribute("href"))
             for a in driver.find_elements(By.CSS_SELECTOR, ".poster-session-title a")]
    pdf = os.path.join(folder, label.replace(" ", "-") + ".pdf")
    print_pdf(driver, pdf)
    pages = pdf_page_count(pdf)
    if pages != 1:
        problems.append(f"{label}: the poster prints on {pages} pages")
    images = os.path.join(folder, label.replace(" ", "-"))
    os.makedirs(images)
    decoded = decoded_qr_codes(pdf, images)
    wanted = sorted(shown + [base_url + "/trainings", base_url + "/my-trainings/calendar"])
    if sorted(decoded) != wanted:
        problems.append(f"{label}: the QR codes decode to {sorted(decoded)}, expected {wanted}")
    return problems, shown


def test_calendar_posters_print_on_one_page_with_working_qr_codes(calendar_data, base_url, fresh_browser, checker):
    driver, data = fresh_browser, calendar_data
    collector = HtmlCollector(os.path.join(os.environ.get("E2E_ARTIFACTS", tempfile.gettempdir()), "poster-html"))
    folder = tempfile.mkdtemp(prefix="posters-", dir=os.environ.get("E2E_ARTIFACTS"))
    problems = []
    sign_in(driver, base_url, SUPERVISOR, DEMO_PASSWORD)
    # The supervisor's way there: my units → the unit → its poster → the month.
    driver.get(base_url + "/units/" + str(data.unit))
    link = driver.find_element(By.CSS_SELECTOR, "main a[href$='/training-poster']")
    link.click()
    wait_until_replaced(driver, link)
    assert path_of(driver.current_url) == f"/units/{data.unit}/training-poster"
    driver.get(driver.current_url + "?month=" + data.month)
    found, shown = check_poster(driver, base_url, checker, collector, "unit poster fi", folder)
    problems += found
    # Twelve at most, the month's earliest first, and a word about the rest.
    assert len(shown) == 12, f"{len(shown)} sessions on the poster"
    assert driver.find_element(By.CSS_SELECTOR, ".poster-more").text
    with database() as db:
        starts = [db.execute("SELECT starts_at, status FROM training_sessions WHERE id = ?",
                             (int(href.rsplit("/", 1)[1]),)).fetchone() for href in shown]
    assert starts == sorted(starts) and all(status == "scheduled" for _, status in starts)
    assert all(start[:7] in (data.month, f"{data.change.year:04d}-{data.change.month - 1:02d}") for start, _ in starts)
    assert f"{base_url}/training-sessions/{data.sessions['poster6']}" in shown

    # The same month in Swedish, chosen with the form.
    Select(driver.find_element(By.ID, "poster-lang")).select_by_value("sv")
    button = driver.find_element(By.CSS_SELECTOR, "form.poster-form button[type=submit]")
    button.click()
    wait_until_replaced(driver, button)
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)
    assert query == {"month": [data.month], "lang": ["sv"]}, query
    assert driver.find_element(By.CSS_SELECTOR, "article.poster").get_attribute("lang") == "sv"
    sheet = driver.find_element(By.CSS_SELECTOR, "article.poster").text
    assert "Välkommen på utbildning!" in sheet and "Digitips: kortkommandon" in sheet, sheet[:400]
    found, _ = check_poster(driver, base_url, checker, collector, "unit poster sv", folder)
    problems += found

    # A series' poster, for HR.
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    sign_in(driver, base_url, HR, DEMO_PASSWORD)
    driver.get(f"{base_url}/training-series/{data.series}/poster?month={data.month}")
    found, shown = check_poster(driver, base_url, checker, collector, "series poster", folder)
    problems += found
    assert shown and all(f"{base_url}/training-sessions/{data.sessions[name]}" not in shown
                         for name in ("before", "after")), "a session of another training on the series poster"

    problems += [f"Nu: {line}" for line in collector.validate()[0]]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
