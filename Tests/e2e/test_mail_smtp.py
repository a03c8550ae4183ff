"""The mail room against a real SMTP server (aiosmtpd, see mail_server.py): `taitotutka mail send`
over STARTTLS with a self-signed certificate (trusted through --smtp-ca-file) and AUTH, a plain
localhost server (--smtp-allow-plain-localhost, for tests only), a server that refuses messages
(retried with back-off, not lost), the server's own background worker, and a sender killed with
SIGKILL in the middle of a batch (every message arrives; at most the one in flight when it died
arrives twice, the bound README states).

Each test makes its own migrated database; messages are queued with the hidden
`taitotutka mail enqueue-test`. Run: Tests/e2e/run.py --binary .build/debug/taitotutka -- -k mail
"""
import email
import email.policy
import os
import signal
import sqlite3
import subprocess
import tempfile
import time
from contextlib import closing
from datetime import datetime, timedelta, timezone

import pytest

from mail_server import Recorder, SMTPServer, make_certificate

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("E2E_ROOT") or os.path.abspath(os.path.join(HERE, "..", ".."))
BINARY = os.environ.get("E2E_BINARY") or os.path.join(ROOT, ".build", "debug", "taitotutka")
SENDER = "taitotutka@jarvela.example"
RECIPIENT = "aino.aalto@jarvela.example"
LOGIN, PASSWORD = "taitotutka-smtp", "Salainen-SMTP-salasana-2026"
EXIT_SYSTEM_FAILURE, EXIT_NOT_CONFIGURED = 4, 7


@pytest.fixture
def folder():
    with tempfile.TemporaryDirectory(prefix="taitotutka-mail-") as path:
        yield path


@pytest.fixture(scope="module")
def certificate():
    with tempfile.TemporaryDirectory(prefix="taitotutka-cert-") as path:
        yield make_certificate(path)


@pytest.fixture
def database(folder):
    path = os.path.join(folder, "mail.sqlite")
    run("migrate", "--database", path)
    return path


@pytest.fixture
def password_file(folder):
    path = os.path.join(folder, "smtp-password")
    with open(path, "w", encoding="utf-8") as file:
        file.write(PASSWORD + "\n")
    os.chmod(path, 0o600)
    return path


def run(*arguments, check=True, timeout=120):
    completed = subprocess.run([BINARY, *arguments, "--root", ROOT], capture_output=True, text=True,
                               timeout=timeout)
    if check:
        assert completed.returncode == 0, f"taitotutka {' '.join(arguments)}: {completed.returncode}\n" \
                                          f"{completed.stdout}{completed.stderr}"
    return completed


def enqueue(database, count, subject="Muistutus: tietosuojakoulutus", key=None):
    arguments = ["mail", "enqueue-test", "--database", database, "--to", RECIPIENT, "--subject", subject,
                 "--count", str(count)]
    if key:
        arguments += ["--key", key]
    run(*arguments)


def smtp_options(server, certificate=None, password_file=None):
    options = ["--smtp-url", server.url, "--mail-from", SENDER]
    if certificate:
        options += ["--smtp-ca-file", certificate[0]]
    else:
        options += ["--smtp-allow-plain-localhost"]
    if password_file:
        options += ["--smtp-user", LOGIN, "--smtp-password-file", password_file]
    return options


def send(database, options, check=True, limit=None):
    extra = ["--limit", str(limit)] if limit else []
    return run("mail", "send", "--database", database, *options, *extra, check=check)


def rows(database, sql="SELECT message_key, state, attempts, next_attempt_at, last_error, claimed_at "
                       "FROM mail_outbox ORDER BY id"):
    with closing(sqlite3.connect(database)) as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql)]


def parsed(raw):
    return email.message_from_bytes(raw, policy=email.policy.default)


def subjects(recorder):
    return [str(parsed(raw)["Subject"]) for _, _, raw in recorder.messages()]


def test_mail_send_refuses_to_run_without_smtp(database):
    enqueue(database, 1)
    result = send(database, [], check=False)
    assert result.returncode == EXIT_NOT_CONFIGURED, result.stderr
    assert "SMTP is not configured" in result.stderr and "Usage:" not in result.stderr
    assert [row["state"] for row in rows(database)] == ["queued"], "a message moved while sending was off"


def test_mail_over_starttls_with_auth_arrives_once_with_both_parts(database, certificate, password_file):
    subject = "Muistutus: tietosuojakoulutuksen määräaika – påminnelse"
    enqueue(database, 3, subject=subject)
    with SMTPServer(Recorder(), certificate=certificate, credentials=(LOGIN, PASSWORD)) as server:
        result = send(database, smtp_options(server, certificate, password_file))
        assert "3 sent" in result.stdout, result.stdout
        assert PASSWORD not in result.stdout + result.stderr
        assert server.logins and all(login == LOGIN for _, login in server.logins), server.logins
        assert {mechanism for mechanism, _ in server.logins} <= {"PLAIN", "LOGIN"}
        # A second run sends nothing again.
        assert "0 claimed" in send(database, smtp_options(server, certificate, password_file)).stdout
        received = server.recorder.messages()
    assert sorted(subjects(server.recorder)) == sorted(f"{subject} #{n}" for n in (1, 2, 3))
    for mail_from, recipients, raw in received:
        assert mail_from == SENDER and recipients == [RECIPIENT]
        message = parsed(raw)
        assert message.get_content_type() == "multipart/alternative"
        parts = [part.get_content_type() for part in message.iter_parts()]
        assert parts == ["text/plain", "text/html"], parts
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "Tämä on Taitotutkan testiviesti" in text and "Åäö – ümlaut = 100 %." in text
        assert "<strong>testiviesti</strong>" in html
        assert text.count("testiviesti") == 1 and html.count("testiviesti") == 1
        assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith("@jarvela.example>")
        assert [address.addr_spec for address in message["To"].addresses] == [RECIPIENT]
        assert message["Auto-Submitted"] == "auto-generated"
        assert all(byte < 0x80 for byte in raw), "the message on the wire must be 7-bit"
    assert len({parsed(raw)["Message-ID"] for _, _, raw in received}) == 3
    assert [row["state"] for row in rows(database)] == ["sent"] * 3
    status = run("mail", "status", "--database", database).stdout
    assert "sent 3" in status and "queued 0" in status


def test_mail_wrong_password_is_retried_later_and_the_password_is_not_recorded(database, certificate, folder):
    wrong = os.path.join(folder, "wrong")
    with open(wrong, "w", encoding="utf-8") as file:
        file.write("Väärä-salasana-1\n")
    enqueue(database, 1)
    with SMTPServer(Recorder(), certificate=certificate, credentials=(LOGIN, PASSWORD)) as server:
        result = send(database, smtp_options(server, certificate, wrong), check=False)
        assert not server.recorder.messages()
    assert result.returncode == EXIT_SYSTEM_FAILURE, result.stdout + result.stderr
    [row] = rows(database)
    assert row["state"] == "queued" and row["attempts"] == 1
    assert row["last_error"] and "Väärä-salasana" not in row["last_error"] and PASSWORD not in row["last_error"]


def test_mail_is_not_sent_in_the_clear_to_a_server_without_starttls(database, certificate):
    enqueue(database, 1)
    with SMTPServer(Recorder()) as server:
        options = ["--smtp-url", server.url, "--mail-from", SENDER, "--smtp-ca-file", certificate[0]]
        result = send(database, options, check=False)
        assert result.returncode == EXIT_SYSTEM_FAILURE, result.stdout + result.stderr
        assert not server.recorder.messages(), "a message went without TLS"
    [row] = rows(database)
    assert row["state"] == "queued" and ("SSL" in row["last_error"] or "TLS" in row["last_error"]), row


def test_mail_to_plain_localhost_only_with_the_test_setting(database):
    enqueue(database, 2)
    with SMTPServer(Recorder()) as server:
        result = send(database, smtp_options(server))
        assert "2 sent" in result.stdout
        assert len(server.recorder.messages()) == 2
    # The setting is refused for any other host.
    refused = send(database, ["--smtp-url", "smtp://mail.jarvela.example", "--mail-from", SENDER,
                              "--smtp-allow-plain-localhost"], check=False)
    assert refused.returncode == 64 and "localhost" in refused.stderr


def test_mail_refused_by_the_server_is_retried_with_back_off_not_lost(database):
    enqueue(database, 2)
    failing = Recorder(failure="451 4.3.0 Mailbox temporarily unavailable")
    with SMTPServer(failing) as server:
        started = datetime.now(timezone.utc)
        result = send(database, smtp_options(server), check=False)
        assert result.returncode == EXIT_SYSTEM_FAILURE, result.stdout + result.stderr
        states = rows(database)
        assert [row["state"] for row in states] == ["queued", "queued"]
        for row in states:
            assert row["attempts"] == 1 and "451" in row["last_error"], row
            due = datetime.fromisoformat(row["next_attempt_at"]).replace(tzinfo=timezone.utc)
            assert timedelta(seconds=55) <= due - started <= timedelta(seconds=90), (due, started)
        # Not due yet: nothing is tried.
        assert "0 claimed" in send(database, smtp_options(server)).stdout
        # Once due (moved back here instead of waiting a minute) and the server works again: each once.
        failing.failure = None
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("UPDATE mail_outbox SET next_attempt_at = '2000-01-01 00:00:00.000'")
        assert "2 sent" in send(database, smtp_options(server)).stdout
        assert sorted(subjects(failing)) == ["Muistutus: tietosuojakoulutus #1", "Muistutus: tietosuojakoulutus #2"]
    assert [(row["state"], row["attempts"]) for row in rows(database)] == [("sent", 2), ("sent", 2)]


def test_mail_killed_mid_batch_delivers_everything_and_repeats_at_most_the_one_in_flight(database):
    count = 8
    enqueue(database, count, subject="Erä")
    # The server keeps each message before it answers and then takes 1 s to answer: a sender killed
    # in that moment has delivered a message it has not recorded (the worst case).
    recorder = Recorder(delay=1.0, record_before_reply=True)
    with SMTPServer(recorder) as server:
        process = subprocess.Popen([BINARY, "mail", "send", "--database", database, "--root", ROOT,
                                    *smtp_options(server)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while len(recorder.messages()) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(recorder.messages()) >= 3, "the sender did not get going"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        in_flight = subjects(recorder)[-1]
        delivered_before = len(recorder.messages())
        states = [row["state"] for row in rows(database)]
        assert "sending" in states and states.count("sent") == delivered_before - 1, states

        # Run again at once: the dead sender's claims are younger than ten minutes, so nothing is
        # taken from a sender that might still be alive.
        recorder.delay = 0
        assert "0 claimed" in send(database, smtp_options(server)).stdout
        assert len(recorder.messages()) == delivered_before

        # Ten minutes later (the claims moved back here instead of waiting): everything goes.
        with closing(sqlite3.connect(database)) as connection, connection:
            connection.execute("UPDATE mail_outbox SET claimed_at = '2000-01-01 00:00:00.000' "
                               "WHERE state = 'sending'")
        send(database, smtp_options(server))
        received = subjects(recorder)
    expected = [f"Erä #{n}" for n in range(1, count + 1)]
    assert sorted(set(received)) == sorted(expected), "a message was lost"
    repeated = {subject for subject in received if received.count(subject) > 1}
    assert repeated <= {in_flight}, f"messages other than the one in flight arrived twice: {repeated}"
    assert all(received.count(subject) <= 2 for subject in expected)
    assert [row["state"] for row in rows(database)] == ["sent"] * count
    # The repeat carries the same Message-ID, so mail programs can show it once.
    ids = {}
    for _, _, raw in recorder.messages():
        message = parsed(raw)
        ids.setdefault(str(message["Subject"]), set()).add(message["Message-ID"])
    assert all(len(values) == 1 for values in ids.values())


def test_mail_the_server_sends_in_the_background_when_smtp_is_configured(database, certificate, password_file):
    enqueue(database, 2, subject="Taustalla")
    with SMTPServer(Recorder(), certificate=certificate, credentials=(LOGIN, PASSWORD)) as server:
        process = subprocess.Popen([BINARY, "serve", "--database", database, "--root", ROOT, "--port", "0",
                                    *smtp_options(server, certificate, password_file)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while len(server.recorder.messages()) < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert sorted(subjects(server.recorder)) == ["Taustalla #1", "Taustalla #2"]
        finally:
            process.send_signal(signal.SIGTERM)
            output, errors = process.communicate(timeout=20)
        assert process.returncode == 0, errors
        assert PASSWORD.encode() not in output + errors
    assert [row["state"] for row in rows(database)] == ["sent", "sent"]


def test_required_training_reminders_arrive_once_and_not_after_completion(folder, database):
    """The demo's reminders: `compliance remind` queues them, `mail send` delivers each once in the
    person's language to the plain local server; a reminder whose person completes the training
    before it is sent is cancelled instead, and a second pass queues nothing new."""
    run("demo", "--database", database, "--employees", "1500", "--seed", "3")
    first = run("compliance", "remind", "--database", database, "--public-url", "https://taitotutka.jarvela.example")
    assert " new in the outbox" in first.stdout, first.stdout
    queued = rows(database, "SELECT id, cause_ref, recipient_address FROM mail_outbox "
                            "WHERE cause_kind = 'compliance' AND state = 'queued' ORDER BY id")
    assert len(queued) >= 2, first.stdout
    # The first person completes the training before the reminder goes.
    requirement, employee, _ = queued[0]["cause_ref"].split("|")
    with closing(sqlite3.connect(database)) as connection:
        training = connection.execute(
            "SELECT t.training_id FROM compliance_requirement_trainings t JOIN compliance_requirement_versions v "
            "ON v.id = t.version_id WHERE v.requirement_id = ? LIMIT 1", (requirement,)).fetchone()[0]
        connection.execute(
            "INSERT INTO training_completions (employee_id, training_id, kind, completed_on, recorded_at) "
            "VALUES (?, ?, 'external', date('now'), datetime('now'))", (employee, training))
        connection.commit()
    again = run("compliance", "remind", "--database", database)
    assert ", 0 new in the outbox" in again.stdout, again.stdout
    with SMTPServer(Recorder()) as server:
        send(database, smtp_options(server), limit=1000)
        received = server.recorder.messages()
    # Reminders, not the Monday digests to supervisors or the demo's own messages.
    reminders = [parsed(raw) for _, _, raw in received
                 if str(parsed(raw)["Subject"]).startswith(("Pakollinen koulutus:", "Obligatorisk utbildning:",
                                                             "Required training:"))]
    assert len(reminders) == len(queued) - 1, (len(reminders), len(queued))
    addresses = [str(message["To"].addresses[0].addr_spec) for message in reminders]
    assert sorted(addresses) == sorted(row["recipient_address"] for row in queued[1:])
    for message in reminders:
        text = message.get_body(("plain",)).get_content()
        assert "https://taitotutka.jarvela.example/trainings" in text
    states = {row["id"]: row["state"] for row in rows(database, "SELECT id, state FROM mail_outbox")}
    assert states[queued[0]["id"]] == "cancelled"
    assert all(states[row["id"]] == "sent" for row in queued[1:])
