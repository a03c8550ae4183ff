"""The attendance and completion exports of trainings read back as a spreadsheet reads them: Python's
csv module with Excel's dialect and LibreOffice Calc headless, as in test_exports.py. Figures (present
as 1 or 0, the duration, entry numbers) are numbers to Calc in both variants; text that a spreadsheet
would run as a formula (a note starting with "=") stays text, shown as typed with an apostrophe.

HR puts a training of its own and a session of yesterday into the demo's catalogue through the pages,
assigns six people, marks four of them present and records external evidence; then both exports are
downloaded in both variants.
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
import urllib.parse
import zoneinfo

from test_exports import SOFFICE, VARIANTS, calc_cells
from test_web import BINARY, Client, DemoServer

# Columns holding figures, by their Finnish headings.
NUMBER_COLUMNS = {"Paikalla (1 = kyllä)", "Kesto (min)", "Merkintä", "Korjaa merkinnän"}
# An identifier that may look like a number: either is fine.
IDENTIFIER_COLUMNS = {"Henkilönumero"}
FORMULA_NOTE = "=SUMMA(1;2)"
HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


@unittest.skipIf(not os.path.exists(BINARY), "build the binary first")
class TrainingExportsTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DemoServer()
        cls.folder = tempfile.TemporaryDirectory()
        hr = Client(cls.server.port)
        hr.sign_in("hr")
        # A training and an assigned session of yesterday, through the catalogue pages.
        _, page = hr.request("GET", "/organisations/jarvela/trainings/new")
        area = re.search(r'name="area_codes" type="checkbox" value="([^"]+)"', page).group(1)
        response, _ = hr.request("POST", "/organisations/jarvela/trainings/new", [
            ("title_fi", "Tietoturvan perusteet"), ("duration_minutes", "30"), ("format", "on_site"), ("language", "fi"),
            ("area_codes", area), ("active", "yes"), ("csrf_token", hr.token)])
        training_path = urllib.parse.urlsplit(response.getheader("Location") or "").path
        assert re.fullmatch(r"/trainings/\d+", training_path), (response.status, training_path)
        cls.training = int(training_path.rsplit("/", 1)[1])
        yesterday = (datetime.datetime.now(HELSINKI) - datetime.timedelta(days=1)).date().isoformat()
        hr.request("GET", training_path + "/sessions/new")
        response, _ = hr.request("POST", training_path + "/sessions/new", [
            ("date", yesterday), ("start_time", "12:00"), ("end_time", "12:30"), ("place", "Sali"), ("meeting_url", ""),
            ("trainer_name", "Tiina"), ("capacity", ""), ("enrolment", "assigned"), ("unit_names", ""),
            ("csrf_token", hr.token)])
        session_path = urllib.parse.urlsplit(response.getheader("Location") or "").path
        assert re.fullmatch(r"/training-sessions/\d+", session_path), (response.status, session_path)
        cls.session = int(session_path.rsplit("/", 1)[1])
        # Six of Järvelä's staff (read from the database), assigned by HR number.
        with sqlite3.connect(os.path.join(cls.server.folder.name, "web.sqlite"), timeout=30) as db:
            staff = db.execute("SELECT id, hr_number FROM employees WHERE active = 1 AND organisation_id = "
                               "(SELECT id FROM organisations WHERE slug = 'jarvela') ORDER BY id LIMIT 6").fetchall()
        cls.people = [person for person, _ in staff]
        hr.request("GET", session_path + "/assign")
        response, _ = hr.request("POST", session_path + "/assign", [
            ("hr_numbers", "\n".join(number for _, number in staff)), ("csrf_token", hr.token)])
        assert response.status == 303, response.status
        attendance = f"/training-sessions/{cls.session}/attendance"
        hr.request("GET", attendance)
        fields = [("listed", str(p)) for p in cls.people] + [("present", str(p)) for p in cls.people[:4]]
        response, _ = hr.request("POST", attendance, fields + [("csrf_token", hr.token)])
        assert response.status == 303, response.status
        completions = f"/employees/{cls.people[5]}/completions"
        hr.request("GET", completions)
        response, text = hr.request("POST", completions, {
            "form": "external", "training": str(cls.training), "date": "2025-05-02", "note": FORMULA_NOTE,
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
                ours = [row for row in rows if row[header.index("Koulutus")] == "Tietoturvan perusteet"]
                notes = [row[header.index("Selvitys")] for row in ours]
                self.assertIn("'" + FORMULA_NOTE, notes, f"{path}: the formula is made text")
                self.assertEqual({row[header.index("Kesto (min)")] for row in ours}, {"30"})
                self.assertEqual(len(ours), 5, f"{path}: four attended and one external")

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
        self.assertGreaterEqual(numbers, 2 * (6 + 5 * 2), "the exports hold figures")


if __name__ == "__main__":
    unittest.main()
