"""End-to-end checks of `taitotutka backup`: a mistyped database is refused and not created; the
copy is written under a temporary name and renamed, so a failure (a full disk) leaves nothing
behind and a retry works (issue 11, item 16).

Run by `make test` (standard library only). TAITOTUTKA_BIN names the binary; the default is the
debug build. The full-disk test mounts a small tmpfs in a user namespace (`unshare -rm`) and is
skipped where that is not allowed; the file-size-limit test exercises the same failure anywhere.
"""
import os
import resource
import shlex
import signal
import sqlite3
import subprocess
import tempfile
import unittest
from contextlib import closing

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("TAITOTUTKA_BIN", os.path.join(ROOT, ".build", "debug", "taitotutka"))

EXIT_UNUSABLE_INPUT = 2
EXIT_SYSTEM_FAILURE = 4
EXIT_NO_DATABASE = 5


def run(*arguments, preexec_fn=None):
    """Runs a taitotutka command to completion."""
    return subprocess.run([BINARY, *arguments], capture_output=True, timeout=120, preexec_fn=preexec_fn)


def user_namespaces_work():
    try:
        return subprocess.run(["unshare", "-rm", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def integrity(path):
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


class BackupCommandTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.database = os.path.join(self.folder.name, "live.sqlite")
        migrated = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertEqual(migrated.returncode, 0, migrated.stderr.decode())
        # Enough rows that the copy is several times larger than the small limits below.
        with closing(sqlite3.connect(self.database)) as connection, connection:
            connection.executemany(
                "INSERT INTO organisations (slug, name, created_at) VALUES (?, ?, '2026-01-01')",
                [(f"org-{n}", f"Organisation {n} " + "x" * 200) for n in range(2000)])
        self.target_folder = os.path.join(self.folder.name, "backups")
        os.mkdir(self.target_folder)
        self.target = os.path.join(self.target_folder, "copy.sqlite")

    def tearDown(self):
        self.folder.cleanup()

    def backup(self, target=None, database=None, preexec_fn=None):
        return run("backup", target or self.target, "--root", ROOT, "--database", database or self.database,
                   preexec_fn=preexec_fn)

    def assert_one_line_error(self, result, status, text):
        message = result.stderr.decode()
        self.assertEqual(result.returncode, status, message)
        self.assertIn(text, message)
        self.assertEqual(message.count("\n"), 1, message)
        self.assertNotIn("Usage:", message)
        self.assertNotIn("Backed up", result.stdout.decode())

    def test_a_missing_database_is_refused_and_not_created(self):
        typo = os.path.join(self.folder.name, "live.sqlit")
        result = self.backup(database=typo)
        self.assert_one_line_error(result, EXIT_NO_DATABASE, f"There is no database at {typo}")
        self.assertIn("taitotutka migrate", result.stderr.decode())
        self.assertEqual([name for name in os.listdir(self.folder.name) if name.startswith("live.sqlit")
                          and not name.startswith("live.sqlite")], [])
        self.assertEqual(os.listdir(self.target_folder), [])
        self.assertEqual([name for name in os.listdir(self.folder.name) if name.endswith(".key")], ["taitotutka.key"])

    def test_a_missing_database_in_a_missing_folder_creates_no_folder(self):
        typo = os.path.join(self.folder.name, "dta", "live.sqlite")
        self.assert_one_line_error(self.backup(database=typo), EXIT_NO_DATABASE, "There is no database")
        self.assertFalse(os.path.exists(os.path.dirname(typo)))

    def test_a_complete_copy_under_the_name_asked_for_and_nothing_else(self):
        result = self.backup()
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(os.listdir(self.target_folder), ["copy.sqlite"])
        self.assertEqual(integrity(self.target), "ok")
        with closing(sqlite3.connect(self.target)) as connection:
            self.assertEqual(connection.execute("SELECT count(*) FROM organisations").fetchone(), (2000,))

    def test_an_existing_target_is_refused_and_kept(self):
        with open(self.target, "wb") as file:
            file.write(b"someone else's file")
        self.assert_one_line_error(self.backup(), EXIT_UNUSABLE_INPUT, "exists already")
        with open(self.target, "rb") as file:
            self.assertEqual(file.read(), b"someone else's file")
        self.assertEqual(os.listdir(self.target_folder), ["copy.sqlite"])

    def test_partial_files_left_by_a_killed_backup_do_not_block_one(self):
        leftovers = [".copy.sqlite.partial-1a2b3c4d", ".copy.sqlite.partial", ".copy.sqlite.partial-1a2b3c4d-journal"]
        for name in leftovers:
            with open(os.path.join(self.target_folder, name), "wb") as file:
                file.write(b"half a backup")
        result = self.backup()
        self.assertEqual(result.returncode, 0, result.stderr.decode())
        self.assertEqual(integrity(self.target), "ok")
        self.assertEqual(sorted(os.listdir(self.target_folder)), sorted(leftovers + ["copy.sqlite"]))

    def test_a_journal_or_log_beside_the_target_name_is_refused_and_kept(self):
        """SQLite would apply a stale journal or log of that name to the new copy when it is opened."""
        for suffix in ("-journal", "-wal"):
            with self.subTest(suffix):
                stale = self.target + suffix
                with open(stale, "wb") as file:
                    file.write(b"an earlier database's log")
                self.assert_one_line_error(self.backup(), EXIT_UNUSABLE_INPUT, f"{stale} exists already")
                self.assertFalse(os.path.exists(self.target))
                os.remove(stale)

    def test_a_missing_target_folder_is_a_clear_failure(self):
        target = os.path.join(self.folder.name, "no-such-folder", "copy.sqlite")
        self.assert_one_line_error(self.backup(target=target), EXIT_SYSTEM_FAILURE, "there is no folder")
        self.assertFalse(os.path.exists(os.path.dirname(target)))

    def test_a_write_failure_leaves_nothing_and_the_retry_works(self):
        """A file-size limit makes the copy's writes fail as a full disk does, unprivileged."""
        def small_files():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (96 * 1024, 96 * 1024))

        failed = self.backup(preexec_fn=small_files)
        self.assert_one_line_error(failed, EXIT_SYSTEM_FAILURE, f"The backup to {self.target} failed")
        self.assertEqual(os.listdir(self.target_folder), [])
        retried = self.backup()
        self.assertEqual(retried.returncode, 0, retried.stderr.decode())
        self.assertEqual(integrity(self.target), "ok")

    @unittest.skipUnless(user_namespaces_work(), "needs unshare -rm to mount a small tmpfs")
    def test_a_full_disk_leaves_nothing_and_the_retry_works(self):
        """A real full disk: a 64 KiB tmpfs, then the same tmpfs made large enough."""
        script = f"""
            set -u
            mount -t tmpfs -o size=64k none {shlex.quote(self.target_folder)} || exit 100
            {shlex.quote(BINARY)} backup {shlex.quote(self.target)} --root {shlex.quote(ROOT)} \\
                --database {shlex.quote(self.database)}
            echo "status=$?"
            echo "left=$(ls -A {shlex.quote(self.target_folder)} | tr '\\n' ' ')"
            mount -o remount,size=16m {shlex.quote(self.target_folder)}
            {shlex.quote(BINARY)} backup {shlex.quote(self.target)} --root {shlex.quote(ROOT)} \\
                --database {shlex.quote(self.database)} > /dev/null
            echo "retry=$?"
            python3 -c 'import sqlite3, sys; print("check=" + sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' {shlex.quote(self.target)}
        """
        result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, timeout=120)
        if result.returncode == 100:
            self.skipTest("cannot mount tmpfs here: " + result.stderr.decode())
        report = dict(line.split("=", 1) for line in result.stdout.decode().splitlines() if "=" in line)
        errors = result.stderr.decode()
        self.assertEqual(report.get("status"), str(EXIT_SYSTEM_FAILURE), errors)
        self.assertIn("the disk is full", errors)
        self.assertNotIn("Usage:", errors)
        self.assertEqual(report.get("left").strip(), "", "a failed backup left files behind")
        self.assertEqual(report.get("retry"), "0", errors)
        self.assertEqual(report.get("check"), "ok")


if __name__ == "__main__":
    unittest.main()
