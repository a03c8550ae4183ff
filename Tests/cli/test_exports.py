"""The CSV exports read back as a spreadsheet reads them, not compared as strings: Python's csv
module with Excel's dialect, and LibreOffice Calc headless (Debian's libreoffice-calc-nogui, installed
by scripts/e2e-setup.sh), which converts each export to a flat OpenDocument spreadsheet whose cells
say whether they are numbers or text. The semicolon variant is opened as Finnish Excel would (decimal
comma, fi-FI), the comma variant as English (decimal point, en-US), both with special-number
detection off, so only plain numbers count as numbers.
"""
import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ElementTree

from test_web import Client, DemoServer

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"

# Columns whose cells are words, not figures (the demo reads the pages in Finnish).
TEXT_COLUMNS = {"Vastausten jakauma", "95 %:n luottamusväli", "Osa-alue"}
# What a hidden group shows instead of its figures (the anonymity rule).
SUPPRESSED = re.compile(r"Alle [0-9]+ vastausta")
VARIANTS = {
    # separator, LibreOffice's code for it, the locale it is opened in, a plain number there
    "semicolon": (";", 59, 1035, re.compile(r"-?[0-9]+(,[0-9]+)?")),
    "comma": (",", 44, 1033, re.compile(r"-?[0-9]+(\.[0-9]+)?")),
}


def blocks(rows):
    """The title line, then per table: caption, header row and its rows, tables apart by empty lines."""
    tables, current = [], None
    for row in rows[1:]:
        if not any(row):
            current = None
            continue
        if current is None:
            current = {"caption": row, "header": None, "rows": []}
            tables.append(current)
        elif current["header"] is None:
            current["header"] = row
        else:
            current["rows"].append(row)
    return tables


def calc_cells(path):
    """Each row of the first sheet of a flat ODS file as (value type, value, text) per cell."""
    tree = ElementTree.parse(path)
    sheet = tree.find(f".//{TABLE}table")
    grid = []
    for row in sheet.iter(f"{TABLE}table-row"):
        cells = []
        for cell in row.findall(f"{TABLE}table-cell"):
            repeat = int(cell.get(f"{TABLE}number-columns-repeated", "1"))
            kind = cell.get(f"{OFFICE}value-type")
            text = "\n".join("".join(p.itertext()) for p in cell.findall(f"{TEXT}p"))
            cells.extend([(kind, cell.get(f"{OFFICE}value"), text)] * min(repeat, 64))
        while cells and cells[-1][0] is None:
            cells.pop()
        repeat = int(row.get(f"{TABLE}number-rows-repeated", "1"))
        grid.extend([cells] * min(repeat, 4))
    while grid and not grid[-1]:
        grid.pop()
    return grid


@unittest.skipIf(not os.path.exists(os.environ.get("TAITOTUTKA_BIN", os.path.join(
    os.path.dirname(__file__), "..", "..", ".build", "debug", "taitotutka"))), "build the binary first")
class ExportsInASpreadsheetTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DemoServer()
        cls.folder = tempfile.TemporaryDirectory()
        cls.exports = cls.download_exports()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.folder.cleanup()

    @classmethod
    def download_exports(cls):
        """Every export of the demo's HR: organisation dashboards, one unit's, an open round's progress."""
        hr = Client(cls.server.port)
        hr.sign_in("hr")
        _, index = hr.request("GET", "/results")
        dashboards = sorted(set(re.findall(r'href="(/rounds/[0-9]+/results)"', index)))
        assert len(dashboards) >= 2, index
        pages = list(dashboards)
        for dashboard in dashboards:
            _, page = hr.request("GET", dashboard)
            units = re.findall(r'href="(/rounds/[0-9]+/results/units/[0-9]+)"', page)
            pages.extend(units[:2])
        exports = {}
        for page in pages:
            for variant, query in (("comma", ""), ("semicolon", "?separator=semicolon")):
                raw = cls.get_bytes(hr, page + "/export.csv" + query)
                name = re.sub(r"[^0-9a-z]+", "-", page.strip("/")) + "-" + variant + ".csv"
                path = os.path.join(cls.folder.name, variant, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as file:
                    file.write(raw)
                exports[path] = variant
        return exports

    @staticmethod
    def get_bytes(client, path):
        import http.client
        connection = http.client.HTTPConnection("127.0.0.1", client.port, timeout=10)
        connection.request("GET", path, headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items())})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == 200, (path, response.status)
        assert response.getheader("Content-Type") == "text/csv; charset=utf-8"
        return body

    def read(self, path):
        separator = VARIANTS[self.exports[path]][0]
        with open(path, "rb") as file:
            raw = file.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), f"{path}: UTF-8 byte-order mark for Excel")
        return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), dialect="excel",
                               delimiter=separator))

    def test_headers_sit_over_their_columns_and_figures_are_plain_numbers(self):
        negative = positive = 0
        for path, variant in self.exports.items():
            number = VARIANTS[variant][3]
            for table in blocks(self.read(path)):
                header, caption = table["header"], table["caption"][0]
                self.assertIsNotNone(header, f"{path}: {caption} has a header row")
                self.assertTrue(header[0], f"{path}: {caption}: the header starts with the label column's name")
                self.assertTrue(all(header), f"{path}: {caption}: no empty header cell {header}")
                for row in table["rows"]:
                    self.assertEqual(len(row), len(header), f"{path}: {caption}: {row} under {header}")
                    for name, cell in zip(header[1:], row[1:]):
                        if name in TEXT_COLUMNS or cell == "" or SUPPRESSED.fullmatch(cell):
                            continue
                        self.assertRegex(cell, f"^{number.pattern}$",
                                         f"{path}: {caption}: {name} = {cell!r} is not a plain number")
                        if name in ("Muutos edelliseen", "Ero tavoitteeseen"):
                            value = float(cell.replace(",", "."))
                            negative += value < 0
                            positive += value > 0
                    self.assertFalse(any(cell.startswith("'") and re.match(r"'[-+]?[0-9]", cell) for cell in row),
                                     f"{path}: a figure written as text: {row}")
        self.assertGreater(negative, 0, "the demo's exports have negative changes or gaps")
        self.assertGreater(positive, 0, "the demo's exports have positive changes or gaps")

    def test_libreoffice_reads_figures_as_numbers_under_their_headers(self):
        self.assertIsNotNone(SOFFICE, "LibreOffice Calc is missing: run scripts/e2e-setup.sh (make e2e-deps)")
        profile = tempfile.TemporaryDirectory()
        self.addCleanup(profile.cleanup)
        converted = os.path.join(self.folder.name, "calc")
        numbers = 0
        for variant, (separator, code, language, pattern) in VARIANTS.items():
            files = sorted(path for path, kind in self.exports.items() if kind == variant)
            # Separator, quote, UTF-8, from line 1, standard cells, the locale; quoted fields and
            # special numbers (dates, percentages) are not detected, so only plain numbers are numbers.
            options = f"CSV:{code},34,76,1,,{language},false,false"
            done = subprocess.run(
                [SOFFICE, f"-env:UserInstallation=file://{profile.name}", "--headless", "--norestore",
                 f"--infilter={options}", "--convert-to", "fods", "--outdir", os.path.join(converted, variant),
                 *files], capture_output=True, timeout=300)
            self.assertEqual(done.returncode, 0, done.stderr.decode())
            for path in files:
                name = os.path.splitext(os.path.basename(path))[0] + ".fods"
                grid = calc_cells(os.path.join(converted, variant, name))
                rows = self.read(path)
                self.assertEqual(len([r for r in grid if r]), len([r for r in rows if any(r)]), path)
                calc_rows = iter(r for r in grid if r)
                for row in (r for r in rows if any(r)):
                    cells = next(calc_rows)
                    self.assertLessEqual(len(cells), len(row), f"{path}: Calc has more cells than {row}")
                    for index, text in enumerate(row):
                        kind, value, shown = cells[index] if index < len(cells) else (None, None, "")
                        if pattern.fullmatch(text):
                            self.assertEqual(kind, "float", f"{path}: {text!r} in {row} is not a number to Calc")
                            self.assertAlmostEqual(float(value), float(text.replace(",", ".")), places=9)
                            numbers += 1
                        elif text:
                            self.assertEqual(kind, "string", f"{path}: {text!r} in {row}")
                            self.assertEqual(shown, text, f"{path}: Calc shows {shown!r} for {text!r}")
                        else:
                            self.assertIsNone(kind, f"{path}: an empty cell in {row} at {index}")
        self.assertGreater(numbers, 500, "the exports hold figures")


if __name__ == "__main__":
    unittest.main()
