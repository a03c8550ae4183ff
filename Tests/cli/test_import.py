"""End-to-end checks of `taitotutka import employees`: the real binary on a fresh migrated database.

Run by `make test` after the Swift tests (standard library only). TAITOTUTKA_BIN names the binary;
the default is the debug build.
"""
import os
import sqlite3
import subprocess
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("TAITOTUTKA_BIN", os.path.join(ROOT, ".build", "debug", "taitotutka"))
FIXTURES = os.path.join(ROOT, "Tests", "AppTests", "Fixtures", "import")


def run(*arguments):
    """Runs a taitotutka command to completion; returns (exit status, stdout, stderr)."""
    result = subprocess.run([BINARY, *arguments], capture_output=True, timeout=120)
    return result.returncode, result.stdout.decode(), result.stderr.decode()


class ImportEmployeesCommandTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.database = os.path.join(self.folder.name, "test.sqlite")
        status, _, stderr = run("migrate", "--root", ROOT, "--database", self.database)
        self.assertEqual(status, 0, stderr)
        with sqlite3.connect(self.database) as connection:
            connection.execute("INSERT INTO organisations (slug, name, created_at) "
                               "VALUES ('esikunta', 'Esimerkin kunta', '2025-01-01 00:00:00.000')")

    def tearDown(self):
        self.folder.cleanup()

    def write(self, name, text):
        path = os.path.join(self.folder.name, name)
        with open(path, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        return path

    def import_employees(self, path, *flags, organisation="esikunta"):
        return run("import", "employees", path, "--organisation", organisation,
                   "--root", ROOT, "--database", self.database, *flags)

    def query(self, sql):
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql).fetchall()

    def employee_count(self):
        return self.query("SELECT count(*) FROM employees")[0][0]

    def test_new_start_dates_get_onboarding_checklists(self):
        with sqlite3.connect(self.database) as connection:
            connection.execute("""
                INSERT INTO onboarding_templates (organisation_id, layer, name, created_at, updated_at)
                SELECT id, 'organisation', 'Digiperehdytys', '2025-01-01', '2025-01-01' FROM organisations""")
            connection.execute("""
                INSERT INTO onboarding_template_versions (template_id, version, changelog, created_at)
                SELECT id, 1, '', '2025-01-01' FROM onboarding_templates""")
            connection.executemany("""
                INSERT INTO onboarding_template_items (version_id, item_key, position, title_fi, responsible, offset_days)
                SELECT id, ?, ?, ?, 'employee', ? FROM onboarding_template_versions""",
                [("email", 0, "Sähköposti", 0), ("teams", 1, "Teams", 3)])
        import datetime
        recent = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
        path = self.write("new.csv", "Henkilönumero;Etunimi;Sukunimi;Yksikkö;Alkupäivä\n"
                          f"5001;Uusi;Aloittaja;Päiväkoti Metsätähti;{recent}\n"
                          "5002;Vanha;Konkari;Päiväkoti Metsätähti;2010-08-01\n")
        status, out, err = self.import_employees(path)
        self.assertEqual(status, 0, err)
        self.assertEqual(self.query("""
            SELECT e.hr_number, c.started_how, count(i.id) FROM onboarding_checklists c
            JOIN employees e ON e.id = c.employee_id JOIN onboarding_checklist_items i ON i.checklist_id = c.id
            GROUP BY c.id"""), [("5001", "import", 2)])
        self.assertEqual(self.query("SELECT detail FROM audit_log WHERE action = 'onboarding.start'"), [("1 checklists",)])

    def test_dry_run_reports_and_changes_nothing(self):
        fixture = os.path.join(FIXTURES, "employees-fi-semicolon-bom.csv")
        status, out, err = self.import_employees(fixture, "--dry-run")
        self.assertEqual(status, 0, err)
        self.assertIn("UTF-8 (with byte order mark), separated by semicolon (;), 4 rows", out)
        self.assertIn("New: 4", out)
        self.assertIn("Rejected: 0", out)
        self.assertIn("Sectors to create: Varhaiskasvatus, Tekninen toimi, Hallinto", out)
        self.assertIn("Units to create: Päiväkoti Metsätähti, Kiinteistöpalvelut, itä, Henkilöstöpalvelut", out)
        self.assertIn("Dry run: nothing was changed.", out)
        self.assertEqual(self.employee_count(), 0)
        self.assertEqual(self.query("SELECT count(*) FROM sectors")[0][0], 0)
        self.assertEqual(self.query("SELECT count(*) FROM audit_log")[0][0], 0)

    def test_apply_then_reapply_is_idempotent_and_audited(self):
        fixture = os.path.join(FIXTURES, "employees-windows-1252.csv")
        status, out, err = self.import_employees(fixture)
        self.assertEqual(status, 0, err)
        self.assertIn("Windows-1252", out)
        self.assertIn("Imported: 2 new, 0 changed, 0 unchanged, 0 deactivated.", out)
        self.assertEqual(self.query("SELECT hr_number, last_name, job_title FROM employees ORDER BY hr_number"),
                         [("3001", "Hämäläinen", "Kokki – €-vastaava"), ("3002", "Öberg", "Siivooja")])

        status, out, err = self.import_employees(fixture)
        self.assertEqual(status, 0, err)
        self.assertIn("Imported: 0 new, 0 changed, 2 unchanged, 0 deactivated.", out)
        self.assertEqual(self.employee_count(), 2)
        self.assertEqual(self.query("SELECT count(*) FROM units")[0][0], 1)
        audit = self.query("SELECT action, target, detail FROM audit_log ORDER BY id")
        self.assertEqual([(action, target) for action, target, _ in audit],
                         [("import.employees", "esikunta"), ("import.employees", "esikunta")])
        self.assertIn("2 new", audit[0][2])
        self.assertIn("2 unchanged", audit[1][2])

    def test_missing_employees_are_deactivated_only_when_asked_and_confirmed(self):
        header = "HR number,First name,Last name\n"
        full = self.write("full.csv", header + "1,Aino,Virtanen\n2,Matti,Mäkinen\n")
        self.assertEqual(self.import_employees(full)[0], 0)
        partial = self.write("partial.csv", header + "1,Aino,Virtanen\n")

        # Keeping them is the default: a file of some people is not a claim that the others left.
        status, out, _ = self.import_employees(partial)
        self.assertEqual(status, 0)
        self.assertIn("0 deactivated", out)
        self.assertEqual(self.query("SELECT hr_number FROM employees WHERE active = 1 ORDER BY 1"), [("1",), ("2",)])
        status, out, _ = self.import_employees(partial, "--keep-missing")
        self.assertEqual(status, 0)
        self.assertIn("0 deactivated", out)

        # Half the staff is more than a tenth: said, listed, and refused without the number.
        status, out, err = self.import_employees(partial, "--deactivate-missing")
        self.assertEqual(status, 6)
        self.assertIn("WARNING: this import deactivates 1 of 2 active employees (50.0 %)", out)
        self.assertIn("2  Mäkinen Matti  (not in the file)", out)
        self.assertIn("--confirm-deactivations 1", err)
        self.assertEqual(self.query("SELECT hr_number FROM employees WHERE active = 1 ORDER BY 1"), [("1",), ("2",)])
        status, _, _ = self.import_employees(partial, "--deactivate-missing", "--confirm-deactivations", "2")
        self.assertEqual(status, 6)

        status, out, _ = self.import_employees(partial, "--deactivate-missing", "--confirm-deactivations", "1")
        self.assertEqual(status, 0)
        self.assertIn("1 deactivated", out)
        self.assertEqual(self.query("SELECT hr_number FROM employees WHERE active = 1"), [("1",)])
        # Recorded like a web import, so HR can undo it from the import page.
        self.assertEqual(self.query("SELECT source, file_name, deactivated FROM employee_imports ORDER BY id DESC LIMIT 1"),
                         [("command line", "partial.csv", 1)])
        self.assertEqual(self.query("SELECT reason FROM employee_import_deactivations"), [("missing",)])

    def test_rejected_rows_exit_1_and_apply_nothing(self):
        fixture = os.path.join(FIXTURES, "employees-with-errors.csv")
        status, out, _ = self.import_employees(fixture)
        self.assertEqual(status, 1)
        self.assertIn("Rejected: 5", out)
        self.assertIn("line 3: HR number is empty", out)
        self.assertIn("line 4: HR number 4001 appears already on line 2", out)
        self.assertIn("line 5: Start date \"31.2.2024\" does not exist in the calendar", out)
        self.assertIn("line 6: First name \"=HYPERLINK(\"http://x\")\" starts like a spreadsheet formula", out)
        self.assertIn("line 7: expected 8 fields as in the header, found 3", out)
        self.assertIn("nothing was imported", out)
        self.assertEqual(self.employee_count(), 0)
        self.assertEqual(self.query("SELECT count(*) FROM audit_log")[0][0], 0)

    def test_unusable_files_and_unknown_organisation_exit_2(self):
        fixture = os.path.join(FIXTURES, "employees-en-comma.csv")
        status, _, err = self.import_employees(fixture, organisation="nowhere")
        self.assertEqual(status, 2)
        self.assertIn('no organisation with the slug "nowhere"', err)

        status, _, err = self.import_employees(os.path.join(FIXTURES, "employees-utf16.csv"))
        self.assertEqual(status, 2)
        self.assertIn("UTF-16", err)

        status, _, err = self.import_employees(self.write("cols.csv", "Etunimi;Sukunimi\nAino;Virtanen\n"))
        self.assertEqual(status, 2)
        self.assertIn("lacks required columns: Henkilönumero / HR number", err)

        status, _, err = self.import_employees(os.path.join(self.folder.name, "absent.csv"))
        self.assertEqual(status, 2)
        self.assertIn("Cannot read", err)
        self.assertEqual(self.employee_count(), 0)

    def test_a_ten_megabyte_line_or_ten_thousand_columns_are_refused_in_a_line(self):
        """Issue 11, item 17: refused before the CSV parser, with a message of one short line."""
        cases = (
            ("one-line.csv", "x" * (10 * 1024 * 1024), "Line 1 is longer than 64 KB"),
            ("wide.csv", ";".join(f"column {n}" for n in range(1, 10001)) + "\n1\n", "10000 columns"),
            ("missing.csv", ";".join(f"Sarake {n}" for n in range(1, 451)) + "\n1\n", "and 442 more"),
        )
        for name, text, expected in cases:
            with self.subTest(name):
                status, out, err = self.import_employees(self.write(name, text))
                self.assertEqual(status, 2, err)
                self.assertIn(expected, err)
                self.assertLess(len(err), 800)
                self.assertEqual(err.count("\n"), 1)
                self.assertNotIn("Usage:", err)
                self.assertEqual(out, "")
        self.assertEqual(self.employee_count(), 0)

    def test_large_file_prints_progress_to_stderr(self):
        rows = "".join(f"{n},First{n},Last{n}\n" for n in range(1, 12001))
        path = self.write("large.csv", "HR number,First name,Last name\n" + rows)
        status, out, err = self.import_employees(path, "--dry-run")
        self.assertEqual(status, 0, err)
        self.assertIn("Read 5000 of 12000 rows\nRead 10000 of 12000 rows\nRead 12000 of 12000 rows\n", err)
        self.assertIn("New: 12000", out)


if __name__ == "__main__":
    unittest.main()
