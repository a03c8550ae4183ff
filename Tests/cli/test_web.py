"""The web application over a real socket: the real binary serving demo data, driven with
http.client (standard library only). Sign-in, cookies, CSRF, origin checks and headers as a browser
or an attacker would meet them.
"""
import http.client
import os
import re
import subprocess
import tempfile
import time
import unittest
import urllib.parse

# The server counts days in Helsinki; so do the tests' `date.today()` (test_surveys imports this).
os.environ["TZ"] = "Europe/Helsinki"
time.tzset()

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("TAITOTUTKA_BIN", os.path.join(ROOT, ".build", "debug", "taitotutka"))
PASSWORD = "demo-salasana-2026"


class DemoServer:
    def __init__(self):
        self.folder = tempfile.TemporaryDirectory()
        database = os.path.join(self.folder.name, "web.sqlite")
        for command in (["migrate"], ["demo", "--employees", "300"]):
            done = subprocess.run([BINARY, *command, "--root", ROOT, "--database", database],
                                  capture_output=True, timeout=120)
            assert done.returncode == 0, done.stderr.decode()
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--root", ROOT, "--database", database, "--second-factor-optional"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        line = self.process.stdout.readline().decode()
        assert "serving http://" in line, line
        self.port = int(line.strip().rstrip("/").rsplit(":", 1)[1])

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process.stdout.close()
        self.process.stderr.close()
        self.folder.cleanup()


class Client:
    """One browser: a cookie jar and the CSRF token of the last page."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.token = ""

    def request(self, method, path, fields=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        all_headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers.update(headers or {})
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            cookie_value = rest.split(";", 1)[0]
            if cookie_value and "Max-Age=0" not in value:
                self.cookies[name] = cookie_value
            else:
                self.cookies.pop(name, None)
        match = re.search(r'name="csrf_token" value="([^"]*)"', text)
        if match:
            self.token = match.group(1)
        connection.close()
        return response, text

    def sign_in(self, login):
        self.request("GET", "/sign-in")
        return self.request("POST", "/sign-in", {"login": login, "password": PASSWORD, "next": "/",
                                                 "csrf_token": self.token})


class WebOverSocketTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DemoServer()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def test_sign_in_sets_a_hardened_cookie_and_signed_in_pages_are_not_stored(self):
        client = Client(self.server.port)
        response, _ = client.sign_in("hr")
        self.assertEqual(response.status, 303)
        cookie = next(v for v in response.headers.get_all("Set-Cookie") if v.startswith("tt_session="))
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        response, text = client.request("GET", "/organisations/jarvela/employees?q=a")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.headers["Cache-Control"], "no-store")
        self.assertIn('<html lang="fi">', text)

    def test_foreign_origin_and_missing_token_are_refused(self):
        client = Client(self.server.port)
        client.sign_in("hr")
        client.request("GET", "/")
        response, _ = client.request("POST", "/sign-out", {"csrf_token": client.token},
                                     headers={"Origin": "https://attacker.example"})
        self.assertEqual(response.status, 403)
        response, _ = client.request("POST", "/sign-out", {})
        self.assertEqual(response.status, 403)
        response, _ = client.request("GET", "/")
        self.assertEqual(response.status, 200, "still signed in")

    def test_other_organisations_records_look_like_missing_ones(self):
        client = Client(self.server.port)
        client.sign_in("hr.koskenkyla")
        foreign, _ = client.request("GET", "/organisations/jarvela/employees")
        missing, _ = client.request("GET", "/organisations/no-such-place/employees")
        self.assertEqual(foreign.status, 404)
        self.assertEqual(missing.status, 404)

    def test_every_kind_of_response_carries_the_security_headers(self):
        client = Client(self.server.port)
        for path in ["/sign-in", "/static/css/site.css", "/no-such-page", "/healthz"]:
            response, _ = client.request("GET", path)
            policy = response.headers["Content-Security-Policy"] or ""
            self.assertIn("frame-ancestors 'none'", policy, path)
            self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff", path)
        # A request the parser refuses still gets them.
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        connection.putrequest("GET", "/", skip_host=True)
        connection.endheaders()
        response = connection.getresponse()
        self.assertEqual(response.status, 400)
        self.assertIn("frame-ancestors 'none'", response.headers["Content-Security-Policy"] or "")
        connection.close()


if __name__ == "__main__":
    unittest.main()
