"""A real SMTP server for the mail tests: aiosmtpd in a thread of the test process, with STARTTLS on a
self-signed certificate, AUTH PLAIN/LOGIN, a delay per message, and temporary failures on demand.
Every message it accepts is kept (raw bytes) in `received`."""
import asyncio
import os
import socket
import ssl
import subprocess
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_certificate(folder):
    """A self-signed certificate for 127.0.0.1 and localhost; returns (certificate, key) paths, the
    certificate doubling as the CA file the client is told to trust."""
    certificate, key = os.path.join(folder, "smtp-cert.pem"), os.path.join(folder, "smtp-key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", key, "-out", certificate, "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, capture_output=True, timeout=60)
    return certificate, key


class Recorder:
    """The handler: keeps each accepted message. `record_before_reply` keeps it before the delay, as a
    server that has committed the message but whose reply has not reached the client yet."""

    def __init__(self, delay=0.0, failure=None, record_before_reply=False):
        self.delay = delay
        self.failure = failure
        self.record_before_reply = record_before_reply
        self.received = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        if self.failure:
            return self.failure
        if self.record_before_reply:
            self._keep(envelope)
        if self.delay:
            await asyncio.sleep(self.delay)
        if not self.record_before_reply:
            self._keep(envelope)
        return "250 2.0.0 Message accepted"

    def _keep(self, envelope):
        with self.lock:
            self.received.append((envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))

    def messages(self):
        with self.lock:
            return list(self.received)


class SMTPServer:
    """Starts aiosmtpd on a free loopback port. `certificate` turns on STARTTLS (required when given);
    `credentials` (login, password) turns on AUTH (over TLS only, as aiosmtpd requires by default)."""

    def __init__(self, recorder, certificate=None, credentials=None):
        self.recorder = recorder
        self.port = free_port()
        parameters = {}
        if certificate:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*certificate)
            parameters.update(tls_context=context, require_starttls=True)
        self.logins = []
        if credentials:
            def authenticate(server, session, envelope, mechanism, auth_data):
                login, password = auth_data.login.decode(), auth_data.password.decode()
                self.logins.append((mechanism, login))
                return AuthResult(success=(login, password) == credentials)
            parameters.update(authenticator=authenticate, auth_require_tls=True)
        self.controller = Controller(recorder, hostname="127.0.0.1", port=self.port, **parameters)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *_):
        self.controller.stop()

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"
