"""End-to-end checks of the `taitotutka serve` command: the real binary, real sockets, real signals.

Run by `make test` after the Swift tests (standard library only: no packages to install).
TAITOTUTKA_BIN names the binary; the default is the debug build.
"""
import os
import resource
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("TAITOTUTKA_BIN", os.path.join(ROOT, ".build", "debug", "taitotutka"))


def http_get(host, port, path, family=socket.AF_INET, timeout=5):
    """One GET over a fresh connection; returns (status, headers text, body bytes)."""
    with socket.socket(family, socket.SOCK_STREAM) as client:
        client.settimeout(timeout)
        client.connect((host, port))
        client.sendall(f"GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := client.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, head.decode("latin-1"), body


def run(*arguments):
    """Runs a taitotutka command to completion."""
    return subprocess.run([BINARY, *arguments], capture_output=True, timeout=60)


class Server:
    """Migrates a fresh database, starts `taitotutka serve --port 0 ...` on it and reads the
    address it prints."""

    def __init__(self, *arguments, limit_files=None):
        def lower_limit():
            if limit_files:
                resource.setrlimit(resource.RLIMIT_NOFILE, (limit_files, limit_files))

        self.folder = tempfile.TemporaryDirectory()
        self.database = os.path.join(self.folder.name, "test.sqlite")
        migrated = run("migrate", "--root", ROOT, "--database", self.database)
        assert migrated.returncode == 0, migrated.stderr.decode()
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--root", ROOT, "--database", self.database, *arguments],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=lower_limit)
        line = self.process.stdout.readline().decode()
        if "serving http://" not in line:
            self.process.kill()
            self.process.wait()
            message = self.process.stderr.read().decode()
            self.process.stdout.close()
            self.process.stderr.close()
            raise AssertionError(f"no address printed: {line!r} {message}")
        address = line.strip().split("http://", 1)[1].rstrip("/")
        self.host, _, port = address.rpartition(":")
        self.host = self.host.strip("[]")
        self.port = int(port)

    def stop(self, sig=signal.SIGTERM, timeout=10):
        self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        self.stderr = self.process.stderr.read().decode()
        self.process.stdout.close()
        self.process.stderr.close()
        self.folder.cleanup()
        return code


class ServeCommandTests(unittest.TestCase):
    def test_serves_health_and_static_files_and_exits_zero_on_sigterm(self):
        server = Server()
        try:
            status, _, body = http_get(server.host, server.port, "/healthz")
            self.assertEqual((status, body), (200, b"ok"))
            status, head, _ = http_get(server.host, server.port, "/static/css/site.css")
            self.assertEqual(status, 200)
            self.assertIn("Content-Type: text/css", head)
            self.assertEqual(http_get(server.host, server.port, "/static/../Package.swift")[0], 404)
        finally:
            code = server.stop()
        self.assertEqual(code, 0)
        self.assertIn("GET /healthz 200", server.stderr)  # the access log reached standard error

    def test_sigint_also_stops_gracefully(self):
        server = Server()
        self.assertEqual(server.stop(signal.SIGINT), 0)

    def test_missing_root_folders_are_a_clear_error(self):
        result = run("serve", "--root", "/nonexistent-root")
        self.assertNotEqual(result.returncode, 0)
        message = result.stderr.decode()
        self.assertIn("missing Public, Templates, Migrations", message)
        self.assertIn("--root", message)

    def test_invalid_port_is_refused(self):
        result = run("serve", "--port", "70000")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--port", result.stderr.decode())

    def test_ipv6_loopback(self):
        try:
            with socket.socket(socket.AF_INET6) as probe:
                probe.bind(("::1", 0))
        except OSError:
            self.skipTest("this machine has no IPv6 loopback")
        server = Server("--host", "::1")
        try:
            self.assertEqual(server.host, "::1")
            status, _, body = http_get("::1", server.port, "/healthz", family=socket.AF_INET6)
            self.assertEqual((status, body), (200, b"ok"))
        finally:
            self.assertEqual(server.stop(), 0)

    def test_running_out_of_descriptors_backs_off_and_recovers(self):
        # With only 48 descriptors, 80 connections exhaust them: accept fails with EMFILE. The
        # server must pause accepting rather than spin or crash, and serve again once they close.
        server = Server("--workers", "2", limit_files=48)
        clients = []
        try:
            for _ in range(80):
                client = socket.create_connection((server.host, server.port), timeout=5)
                clients.append(client)
            time.sleep(0.5)
            self.assertIsNone(server.process.poll(), "the server died when descriptors ran out")
            for client in clients:
                client.close()
            clients.clear()
            deadline = time.time() + 10
            while True:
                try:
                    status, _, body = http_get(server.host, server.port, "/healthz", timeout=2)
                    break
                except OSError:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.2)
            self.assertEqual((status, body), (200, b"ok"))
        finally:
            for client in clients:
                client.close()
            code = server.stop()
        self.assertEqual(code, 0)
        self.assertIn("accept failed; pausing", server.stderr)


class DatabaseCommandTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.database = os.path.join(self.folder.name, "data", "t.sqlite")

    def tearDown(self):
        self.folder.cleanup()

    def test_migrate_creates_then_reports_up_to_date(self):
        first = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertEqual(first.returncode, 0, first.stderr.decode())
        self.assertIn("Applied: 0001_", first.stdout.decode())
        second = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertIn("up to date", second.stdout.decode())

    def test_serve_refuses_an_unmigrated_database(self):
        result = run("serve", "--port", "0", "--root", ROOT, "--database", self.database)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("taitotutka migrate", result.stderr.decode())

    def test_serve_and_migrate_refuse_a_database_from_a_newer_version(self):
        run("migrate", "--root", ROOT, "--database", self.database)
        with sqlite3.connect(self.database) as connection:
            connection.execute("INSERT INTO grdb_migrations (identifier) VALUES ('0999_future')")
        for command in (["serve", "--port", "0"], ["migrate"]):
            result = run(*command, "--root", ROOT, "--database", self.database)
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("newer version", result.stderr.decode())

    def test_backup_while_serving_is_a_complete_copy(self):
        server = Server()
        try:
            with sqlite3.connect(server.database) as connection:
                connection.execute(
                    "INSERT INTO organisations (slug, name, created_at) VALUES ('kallio', 'Kallio', '2026-01-01')")
            copy = os.path.join(self.folder.name, "backup.sqlite")
            result = run("backup", copy, "--root", ROOT, "--database", server.database)
            self.assertEqual(result.returncode, 0, result.stderr.decode())
            with sqlite3.connect(copy) as connection:
                self.assertEqual(connection.execute("SELECT slug FROM organisations").fetchall(), [("kallio",)])
                self.assertEqual(connection.execute("PRAGMA integrity_check").fetchone(), ("ok",))
            again = run("backup", copy, "--root", ROOT, "--database", server.database)
            self.assertNotEqual(again.returncode, 0)
            self.assertIn("exists already", again.stderr.decode())
        finally:
            self.assertEqual(server.stop(), 0)


if __name__ == "__main__":
    unittest.main()
