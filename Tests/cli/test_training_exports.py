"""The attendance and completion exports of trainings read back as a spreadsheet reads them: Python's
csv module with Excel's dialect and LibreOffice Calc headless, as in test_exports.py. Figures (present
as 1 or 0, the duration, entry numbers) are numbers to Calc in both variants; text that a spreadsheet
would run as a formula (a note starting with "=") stays text, shown as typed with an apostrophe.

The demo has no trainings yet, so the test writes a training and a session into the served database
through SQLite (as the stores would) and then works through the pages as HR: marks attendance and
records external evidence.
"""
import csv
import datetime
import io
import os
import re
import sqlite3
import subprocess
import tempfile
import unittest
import uuid

from test_exports import SOFFICE, VARIANTS, calc_cells
from test_web import BINARY, Client, DemoServer

# Columns holding figures, by their Finnish headings.
NUMBER_COLUMNS = {"Paikalla (1 = kyllä)", "Kesto (min)", "Merkintä", "Korjaa merkinnän"}
# An identifier that may look like a number: either is fine.
IDENTIFIER_COLUMNS = {"Henkilönumero"}
FORMULA_NOTE = "=SUMMA(1;2)"


def stamp(instant):
    return instant.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.000")


@unittest.skipIf(not os.path.exists(BINARY), "build the binary first")
class TrainingExportsTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DemoServer()
        cls.folder = tempfile.TemporaryDirectory()
        database = os.path.join(cls.server.folder.name, "web.sqlite")
        now = datetime.datetime.now(datetime.timezone.utc)
        with sqlite3.connect(database, timeout=30) as db:
            organisation = db.execute("SELECT id FROM organisations WHERE slug = 'jarvela'").fetchone()[0]
            training = db.execute(
                "INSERT INTO trainings (organisation_id, title_fi, duration_minutes, format, language, created_at, "
                "updated_at) VALUES (?, 'Tietoturvan perusteet', 30, 'on_site', 'fi', ?, ?)",
                (organisation, stamp(now), stamp(now))).lastrowid
            cls.session = db.execute(
                "INSERT INTO training_sessions (training_id, uid, starts_at, ends_at, place, trainer_name, enrolment, "
                "check_in_key, created_at, updated_at) VALUES (?, ?, ?, ?, 'Sali', 'Tiina', 'registration', 'k', ?, ?)",
                (training, str(uuid.uuid4()), stamp(now - datetime.timedelta(hours=2)),
                 stamp(now - datetime.timedelta(hours=1)), stamp(now), stamp(now))).lastrowid
            cls.people = [row[0] for row in db.execute(
                "SELECT id FROM employees WHERE organisation_id = ? AND active = 1 ORDER BY id LIMIT 6", (organisation,))]
            for person in cls.people:
                db.execute("INSERT INTO training_enrolments (session_id, employee_id, kind, state, enrolled_at, changed_at) "
                           "VALUES (?, ?, 'registered', 'enrolled', ?, ?)", (cls.session, person, stamp(now), stamp(now)))
        cls.training = training
        hr = Client(cls.server.port)
        hr.sign_in("hr")
        attendance = f"/training-sessions/{cls.session}/attendance"
        hr.request("GET", attendance)
        fields = [("listed", str(p)) for p in cls.people] + [("present", str(p)) for p in cls.people[:4]]
        response, _ = hr.request("POST", attendance, fields + [("csrf_token", hr.token)])
        assert response.status == 303, response.status
        completions = f"/employees/{cls.people[5]}/completions"
        hr.request("GET", completions)
        response, text = hr.request("POST", completions, {
            "form": "external", "training": str(training), "date": "2025-05-02", "note": FORMULA_NOTE,
            "csrf_token": hr.token})
        assert response.status == 303, (response.status, text[-2000:])
        cls.exports = {}
        for name, path in (("attendance", attendance + ".csv"),
                           ("completions", f"/organisations/jarvela/training-completions.csv?from=2025-01-01&to=2099-12-31")):
            for variant in VARIANTS:
                separator = "&" if "?" in path else "?"
                query = separator + "separator=semicolon" if variant == "semicolon" else ""
                raw = cls.get_bytes(hr, path + query)
                file = os.path.join(cls.folder.name, variant, f"{name}-{variant}.csv")
                os.makedirs(os.path.dirname(file), exist_ok=True)
                with open(file, "wb") as handle:
                    handle.write(raw)
                cls.exports[file] = variant

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.folder.cleanup()

    @staticmethod
    def get_bytes(client, path):
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", client.port, timeout=10)
        connection.request("GET", path, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items())})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == 200, (path, response.status, body[:500])
        assert response.getheader("Content-Type") == "text/csv; charset=utf-8"
        return body

    def read(self, path):
        with open(path, "rb") as file:
            raw = file.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), f"{path}: UTF-8 byte-order mark for Excel")
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), dialect="excel",
                               delimiter=VARIANTS[self.exports[path]][0]))

    def table(self, path):
        """The header row and the data rows (after the title line, an empty line and the caption)."""
        rows = [row for row in self.read(path)[1:] if any(row)]
        return rows[1], rows[2:]

    def test_figures_are_plain_numbers_and_formulas_are_text(self):
        for path, variant in self.exports.items():
            number = VARIANTS[variant][3]
            header, rows = self.table(path)
            self.assertTrue(rows, f"{path} has rows")
            for row in rows:
                self.assertEqual(len(row), len(header), f"{path}: {row} under {header}")
                for name, cell in zip(header, row):
                    if name in NUMBER_COLUMNS and cell:
                        self.assertRegex(cell, f"^{number.pattern}$", f"{path}: {name} = {cell!r}")
            if "attendance" in path:
                present = [row[header.index("Paikalla (1 = kyllä)")] for row in rows]
                self.assertEqual(sorted(present), ["0", "0", "1", "1", "1", "1"], path)
            else:
                notes = [row[header.index("Selvitys")] for row in rows]
                self.assertIn("'" + FORMULA_NOTE, notes, f"{path}: the formula is made text")
                self.assertEqual({row[header.index("Kesto (min)")] for row in rows}, {"30"})
                self.assertEqual(len(rows), 5, f"{path}: four attended and one external")

    def test_libreoffice_reads_figures_as_numbers_and_notes_as_text(self):
        self.assertIsNotNone(SOFFICE, "LibreOffice Calc is missing: run scripts/e2e-setup.sh (make e2e-deps)")
        profile = tempfile.TemporaryDirectory()
        self.addCleanup(profile.cleanup)
        converted = os.path.join(self.folder.name, "calc")
        numbers = 0
        for variant, (separator, code, language, pattern) in VARIANTS.items():
            files = sorted(path for path, kind in self.exports.items() if kind == variant)
            options = f"CSV:{code},34,76,1,,{language},false,false"
            done = subprocess.run(
                [SOFFICE, f"-env:UserInstallation=file://{profile.name}", "--headless", "--norestore",
                 f"--infilter={options}", "--convert-to", "fods", "--outdir", os.path.join(converted, variant), *files],
                capture_output=True, timeout=300)
            self.assertEqual(done.returncode, 0, done.stderr.decode())
            for path in files:
                grid = [row for row in calc_cells(os.path.join(converted, variant,
                                                               os.path.splitext(os.path.basename(path))[0] + ".fods")) if row]
                header, rows = self.table(path)
                calc_rows = grid[3:]
                self.assertEqual(len(calc_rows), len(rows), path)
                for row, cells in zip(rows, calc_rows):
                    for index, (name, text) in enumerate(zip(header, row)):
                        kind, value, shown = cells[index] if index < len(cells) else (None, None, "")
                        if name in IDENTIFIER_COLUMNS or not text:
                            continue
                        if name in NUMBER_COLUMNS:
                            self.assertEqual(kind, "float", f"{path}: {name} = {text!r} is not a number to Calc")
                            self.assertAlmostEqual(float(value), float(text.replace(",", ".")))
                            numbers += 1
                        elif not re.fullmatch(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?", text):
                            self.assertEqual(kind, "string", f"{path}: {name} = {text!r}")
                            self.assertEqual(shown, text, f"{path}: Calc shows {shown!r} for {text!r}")
        self.assertGreaterEqual(numbers, 2 * (6 + 5 * 3 - 5), "the exports hold figures")


if __name__ == "__main__":
    unittest.main()
