"""End-to-end checks of how commands fail (issue 11, item 19): a run-time problem is one line on
standard error, never the usage text, with an exit status per kind of problem (README: Exit
status). Usage errors keep ArgumentParser's usage text and status 64.

Run by `make test` (standard library only). TAITOTUTKA_BIN names the binary; the default is the
debug build.
"""
import os
import resource
import signal
import sqlite3
import subprocess
import tempfile
import unittest
from contextlib import closing

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("TAITOTUTKA_BIN", os.path.join(ROOT, ".build", "debug", "taitotutka"))

EXIT_UNUSABLE_INPUT = 2
EXIT_DATABASE_PROBLEM = 3
EXIT_SYSTEM_FAILURE = 4
EXIT_NO_DATABASE = 5
EXIT_USAGE = 64


def run(*arguments, preexec_fn=None):
    """Runs a taitotutka command to completion."""
    return subprocess.run([BINARY, *arguments], capture_output=True, timeout=120, preexec_fn=preexec_fn)


class ExitStatusTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.database = os.path.join(self.folder.name, "test.sqlite")
        self.csv = os.path.join(self.folder.name, "staff.csv")
        with open(self.csv, "w", encoding="utf-8") as file:
            file.write("Henkilönumero;Etunimi;Sukunimi\n1;Aino;Aalto\n")

    def tearDown(self):
        self.folder.cleanup()

    def migrate(self):
        result = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertEqual(result.returncode, 0, result.stderr.decode())

    def commands(self, database):
        """Every command that opens an existing database, with arguments that would otherwise work."""
        options = ["--root", ROOT, "--database", database]
        return {
            "serve": ["serve", "--port", "0", *options],
            "backup": ["backup", os.path.join(self.folder.name, "copy.sqlite"), *options],
            "demo": ["demo", "--employees", "100", *options],
            "import": ["import", "employees", self.csv, "--organisation", "esikunta", *options],
        }

    def assert_one_line_error(self, result, status, text):
        message = result.stderr.decode()
        self.assertEqual(result.returncode, status, message)
        self.assertIn(text, message)
        self.assertEqual(message.count("\n"), 1, message)
        self.assertTrue(message.startswith("Error: "), message)
        self.assertNotIn("Usage:", message)
        self.assertNotIn("--help", message)

    def test_a_database_from_a_newer_version_exits_3_in_one_line(self):
        self.migrate()
        with closing(sqlite3.connect(self.database)) as connection, connection:
            connection.execute("INSERT INTO grdb_migrations (identifier) VALUES ('0999_future')")
        commands = self.commands(self.database)
        del commands["backup"]  # a copy of a newer database is still a good copy
        commands["migrate"] = ["migrate", "--root", ROOT, "--database", self.database]
        for name, arguments in commands.items():
            with self.subTest(name):
                self.assert_one_line_error(run(*arguments), EXIT_DATABASE_PROBLEM, "written by a newer version")

    def test_an_unmigrated_database_exits_3_with_advice(self):
        with closing(sqlite3.connect(self.database)) as connection:
            connection.execute("CREATE TABLE t (x)")
        for name, arguments in self.commands(self.database).items():
            if name == "backup":
                continue
            with self.subTest(name):
                self.assert_one_line_error(run(*arguments), EXIT_DATABASE_PROBLEM, "taitotutka migrate")

    def test_a_missing_database_exits_5_and_nothing_is_created(self):
        typo = os.path.join(self.folder.name, "tset.sqlite")
        for name, arguments in self.commands(typo).items():
            with self.subTest(name):
                self.assert_one_line_error(run(*arguments), EXIT_NO_DATABASE, f"There is no database at {typo}")
                self.assertEqual(os.listdir(self.folder.name), ["staff.csv"])

    def test_migrate_creates_a_missing_database_and_says_so(self):
        result = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertIn(f"Created a new database at {self.database}.", result.stdout.decode())
        again = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertNotIn("Created", again.stdout.decode())

    def test_a_write_failure_exits_4_in_one_line(self):
        """A file-size limit fails SQLite's writes as a full disk does, without privileges."""
        def small_files():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

        result = run("migrate", "--root", ROOT, "--database", self.database, preexec_fn=small_files)
        self.assert_one_line_error(result, EXIT_SYSTEM_FAILURE, "Migration failed: the disk")

    def test_an_unwritable_target_exits_4_in_one_line(self):
        self.migrate()
        target = os.path.join(self.folder.name, "no-such-folder", "copy.sqlite")
        result = run("backup", target, "--root", ROOT, "--database", self.database)
        self.assert_one_line_error(result, EXIT_SYSTEM_FAILURE, f"The backup to {target} failed")

    def test_an_existing_backup_target_exits_2(self):
        self.migrate()
        result = run("backup", self.database, "--root", ROOT, "--database", self.database)
        self.assert_one_line_error(result, EXIT_UNUSABLE_INPUT, "exists already")

    def test_demo_into_a_database_with_data_exits_3(self):
        self.migrate()
        with closing(sqlite3.connect(self.database)) as connection, connection:
            connection.execute("INSERT INTO organisations (slug, name, created_at) VALUES ('a', 'A', '2026-01-01')")
        result = run("demo", "--employees", "100", "--root", ROOT, "--database", self.database)
        self.assert_one_line_error(result, EXIT_DATABASE_PROBLEM, "has organisations already")

    def test_a_root_without_the_project_folders_is_a_usage_error_in_one_line(self):
        result = run("migrate", "--root", self.folder.name, "--database", self.database)
        self.assert_one_line_error(result, EXIT_USAGE, "is not a Taitotutka root")
        self.assertFalse(os.path.exists(self.database))

    def test_mistakes_in_the_command_line_still_show_the_usage(self):
        for arguments in (["serve", "--port", "70000"], ["backup"], ["migrate", "--no-such-option"]):
            with self.subTest(" ".join(arguments)):
                result = run(*arguments)
                self.assertEqual(result.returncode, EXIT_USAGE)
                self.assertIn("Usage:", result.stderr.decode())

    def test_every_command_documents_its_exit_status(self):
        for command in (["migrate"], ["backup"], ["serve"], ["demo"], ["import", "employees"], ["mail", "send"]):
            with self.subTest(" ".join(command)):
                result = run(*command, "--help")
                self.assertEqual(result.returncode, 0)
                self.assertIn("Exit status (README: Exit status):\n  0  done\n", result.stdout.decode())


if __name__ == "__main__":
    unittest.main()
