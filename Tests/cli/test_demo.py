"""Checks of the `taitotutka demo` command: the real binary on real database files.

Run by `make test` (standard library only). TAITOTUTKA_BIN names the binary; the default is the
debug build.
"""
import os
import sqlite3
import subprocess
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("TAITOTUTKA_BIN", os.path.join(ROOT, ".build", "debug", "taitotutka"))
LOGINS = ["admin", "hr", "hr.koskenkyla", "koordinaattori", "esihenkilo", "esihenkilo2", "tyontekija", "digitutor"]


def run(*arguments):
    """Runs a taitotutka command to completion."""
    return subprocess.run([BINARY, *arguments], capture_output=True, timeout=120)


def rows(database, sql):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql).fetchall()


def employee_rows(database, timestamps=False):
    columns = ("id, organisation_id, hr_number, first_name, last_name, email, phone, unit_id, job_title, job_group, "
               "start_date, end_date, language, active")
    if timestamps:
        columns += ", created_at, updated_at"
    return rows(database, f"SELECT {columns} FROM employees ORDER BY id")


class DemoCommandTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def migrated(self, name="demo.sqlite"):
        database = os.path.join(self.folder.name, name)
        result = run("migrate", "--root", ROOT, "--database", database)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        return database

    def demo(self, database, *arguments):
        return run("demo", "--root", ROOT, "--database", database, "--employees", "300", *arguments)

    def test_if_empty_loads_once_then_leaves_the_data_alone(self):
        database = self.migrated()
        first = self.demo(database, "--if-empty")
        self.assertEqual(first.returncode, 0, first.stderr.decode())
        output = first.stdout.decode()
        for login in LOGINS:
            self.assertIn(f"  {login} ", output)
        self.assertIn("demo-salasana-2026", output)
        self.assertIn("Demo data: 300 / 300 employees", first.stderr.decode())
        self.assertEqual(rows(database, "SELECT slug, name FROM organisations ORDER BY id"),
                         [("jarvela", "Järvelän kaupunki"), ("koskenkyla", "Koskenkylän kunta"),
                          ("solvik", "Solviks kommun")])
        self.assertEqual(rows(database, "SELECT COUNT(*) FROM employees"), [(300,)])
        # The demo sign-ins; the board's writers sign in through the identity provider (no password).
        self.assertEqual(sorted(login for (login,) in rows(
            database, "SELECT login FROM users WHERE password_hash != '!identity-provider'")), sorted(LOGINS))
        # One line says the demo was loaded; the rest are its made-up history for the audit log viewer.
        self.assertEqual(rows(database, "SELECT action FROM audit_log WHERE action LIKE 'demo.%'"), [("demo.load",)])
        self.assertGreater(rows(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'sign_in.success'")[0][0], 50)
        before = employee_rows(database, timestamps=True)

        second = self.demo(database, "--if-empty")
        self.assertEqual(second.returncode, 0, second.stderr.decode())
        lines = second.stdout.decode().splitlines()
        self.assertEqual(lines[0], "The database has data already; demo data not loaded.")
        # make run still shows how to sign in to an existing demo database.
        self.assertIn("Demo sign-ins (password demo-salasana-2026):", lines)
        for login in LOGINS:
            self.assertIn(f"  {login} ", second.stdout.decode())
        self.assertEqual(employee_rows(database, timestamps=True), before)
        self.assertEqual(rows(database, "SELECT COUNT(*) FROM users WHERE password_hash != '!identity-provider'"),
                         [(len(LOGINS),)])

    def test_without_if_empty_a_database_with_data_is_refused(self):
        database = self.migrated()
        self.assertEqual(self.demo(database).returncode, 0)
        before = employee_rows(database, timestamps=True)
        again = self.demo(database)
        self.assertEqual(again.returncode, 3)  # the database cannot be used for this (README: Exit status)
        self.assertIn("has organisations already", again.stderr.decode())
        self.assertEqual(employee_rows(database, timestamps=True), before)

    def test_the_same_seed_gives_the_same_employees(self):
        first, second, other = self.migrated("a.sqlite"), self.migrated("b.sqlite"), self.migrated("c.sqlite")
        for database, seed in ((first, "5"), (second, "5"), (other, "6")):
            result = self.demo(database, "--seed", seed)
            self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(len(employee_rows(first)), 300)
        self.assertEqual(employee_rows(first), employee_rows(second))
        self.assertNotEqual(employee_rows(first), employee_rows(other))

    def test_an_unmigrated_database_is_refused_with_advice(self):
        database = os.path.join(self.folder.name, "empty.sqlite")
        result = self.demo(database)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("taitotutka migrate", result.stderr.decode())

    def test_an_employee_count_out_of_range_is_refused(self):
        result = run("demo", "--root", ROOT, "--database", self.migrated(), "--employees", "5")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("--employees must be between", result.stderr.decode())


if __name__ == "__main__":
    unittest.main()
