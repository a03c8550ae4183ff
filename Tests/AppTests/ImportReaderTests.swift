import Foundation
import Storage
import Testing
@testable import App

@Suite("Employee CSV import: encodings, delimiters, headers")
struct ImportFileTests {
    @Test func utf8WithByteOrderMarkFinnishHeadersAndSemicolons() throws {
        let preview = try EmployeeCSVReader().read(try ImportFixtures.bytes("employees-fi-semicolon-bom.csv"))
        #expect(preview.encoding == .utf8WithByteOrderMark)
        #expect(preview.delimiter == .semicolon)
        #expect(preview.columns == EmployeeColumn.allCases)
        #expect(preview.rejected == [])
        #expect(preview.employees.map(\.hrNumber) == ["1001", "1002", "1003", "1004"])
        let aino = try #require(preview.employees.first)
        #expect(aino == ImportedEmployee(
            hrNumber: "1001", firstName: "Aino", lastName: "Virtanen", email: "aino.virtanen@example.fi",
            phone: "+358 40 123 4567", sectorName: "Varhaiskasvatus", unitName: "Päiväkoti Metsätähti",
            jobTitle: "Lastentarhanopettaja", jobGroup: "Opetushenkilöstö", startDate: "2019-08-01", endDate: nil,
            language: "fi"))
        // A delimiter inside quotes is data; a line break inside quotes becomes a space.
        #expect(preview.employees[1].jobTitle == "Varhaiskasvatuksen opettaja; erityis")
        #expect(preview.employees[1].language == "sv")
        #expect(preview.employees[2].unitName == "Kiinteistöpalvelut, itä")
        #expect(preview.employees[2].startDate == "2015-03-01")
        #expect(preview.employees[2].endDate == "2030-12-31")
        #expect(preview.employees[3].language == "fi")
    }

    @Test func plainUTF8EnglishHeadersAndCommas() throws {
        let preview = try EmployeeCSVReader().read(try ImportFixtures.bytes("employees-en-comma.csv"))
        #expect(preview.encoding == .utf8)
        #expect(preview.delimiter == .comma)
        #expect(preview.rejected == [])
        #expect(preview.employees.map(\.jobTitle) == ["Developer, senior", "Support specialist"])
        #expect(preview.employees.map(\.language) == ["en", "fi"])
        #expect(preview.employees.map(\.startDate) == ["2022-05-02", "2023-01-02"])
    }

    @Test func windows1252WithScandinavianLettersAndEuroSign() throws {
        let bytes = try ImportFixtures.bytes("employees-windows-1252.csv")
        #expect(bytes.contains(0xE4) && bytes.contains(0x80))  // ä and € as single Windows-1252 bytes
        let preview = try EmployeeCSVReader().read(bytes)
        #expect(preview.encoding == .windows1252)
        #expect(preview.rejected == [])
        #expect(preview.employees.map(\.lastName) == ["Hämäläinen", "Öberg"])
        #expect(preview.employees[0].jobTitle == "Kokki – €-vastaava")
        #expect(preview.employees[1].firstName == "Åsa")
        #expect(preview.employees[0].unitName == "Keittiö Pöllö")
    }

    @Test func utf16IsRefusedWithAnExplanation() throws {
        let error = ImportFixtures.refusal(try ImportFixtures.bytes("employees-utf16.csv"))
        #expect(error == .utf16)
        #expect(error?.description.contains("CSV UTF-8") == true)
        // Big-endian and BOM-less UTF-16 are refused too.
        #expect(ImportFixtures.refusal([0xFE, 0xFF, 0x00, 0x48]) == .utf16)
        #expect(ImportFixtures.refusal(Array("Henkilönumero".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
            == .notText)
    }

    @Test func spreadsheetWorkbooksAndEmptyFilesAreRefused() {
        #expect(ImportFixtures.refusal([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) == .spreadsheetWorkbook)
        #expect(ImportFixtures.refusal([]) == .empty)
        #expect(ImportFixtures.refusal(" \r\n\r\n") == .empty)
        #expect(ImportFixtures.refusal([0xEF, 0xBB, 0xBF, 0x41, 0xFF]) == .invalidUTF8AfterByteOrderMark)
        #expect(ImportFixtures.refusal(ImportFixtures.minimalHeader + "\n") == .noRows)
    }

    @Test func missingRequiredColumnsListWhatIsMissingAndWhatWasFound() {
        let error = ImportFixtures.refusal("Etunimi;Nimike;Sähköposti\nAino;Opettaja;a@example.fi\n")
        #expect(error == .missingColumns(missing: [.hrNumber, .lastName], found: ["Etunimi", "Nimike", "Sähköposti"]))
        let message = error?.description ?? ""
        #expect(message.contains("Henkilönumero / HR number"))
        #expect(message.contains("Sukunimi / Last name"))
        #expect(message.contains("\"Nimike\""))
    }

    @Test func headersMatchIgnoringCaseAccentsSpacesAndPunctuation() throws {
        let preview = try ImportFixtures.read(
            " HENKILONUMERO ,etunimi,Last-Name,E-MAIL,tyoyksikko,Huomautus\n7,Aino,Virtanen,a@example.fi,Kirjasto,x\n")
        #expect(preview.columns == [.hrNumber, .firstName, .lastName, .email, .unit])
        #expect(preview.notices == [.ignoredColumns(["Huomautus"])])
        #expect(preview.employees.first?.unitName == "Kirjasto")
    }

    @Test func aColumnNamedTwiceIsRefused() {
        #expect(ImportFixtures.refusal("HR number;Etunimi;Sukunimi;Henkilönumero\n1;A;B;1\n")
            == .duplicateColumn(.hrNumber, firstPosition: 1, secondPosition: 4))
    }

    @Test func delimiterIsTheOneUsedOutsideQuotesInTheHeader() {
        #expect(EmployeeCSVReader.delimiter(ofFirstLineIn: "a;b;\"c,d,e\"\n1,2") == .semicolon)
        #expect(EmployeeCSVReader.delimiter(ofFirstLineIn: "a,b,\"c;d;e\"\n1;2;3;4;5") == .comma)
        #expect(EmployeeCSVReader.delimiter(ofFirstLineIn: "single") == .comma)
    }

    @Test func sizeAndRowCapsRefuseTheFile() {
        let text = ImportFixtures.minimalHeader + "\n1;A;B\n2;C;D\n3;E;F\n"
        let small = EmployeeCSVReader.Limits(maxBytes: 20, maxRows: 100)
        #expect(ImportFixtures.refusal(Array(text.utf8), limits: small) == .tooLarge(bytes: text.utf8.count, limit: 20))
        let fewRows = EmployeeCSVReader.Limits(maxRows: 2)
        #expect(ImportFixtures.refusal(Array(text.utf8), limits: fewRows) == .tooManyRows(limit: 2))
        #expect(EmployeeImportError.tooLarge(bytes: 26_738_688, limit: 20 * 1_048_576).description
            == "The file is 25.5 MB; the largest accepted is 20 MB.")
    }

    @Test func brokenQuotingRefusesTheFileWithALine() {
        #expect(ImportFixtures.refusal(ImportFixtures.minimalHeader + "\n1;A;B\n2;\"C\"x;D\n") == .malformedQuotes(line: 3))
        #expect(ImportFixtures.refusal(ImportFixtures.minimalHeader + "\n1;A;B\n2;\"C;D\n3;E;F\n") == .unclosedQuote(line: 3))
    }

    @Test func fortyThousandRowsAreReadWithProgress() throws {
        var text = "HR number,First name,Last name,Email,WorkUnit,Start date,Language\n"
        for number in 1...40_000 {
            text += "\(100_000 + number),First\(number),Last\(number),p\(number)@example.fi,WorkUnit \(number % 50),"
                + "\(number % 28 + 1).\(number % 12 + 1).2020,\(["fi", "sv", "en"][number % 3])\n"
        }
        var reports: [(Int, Int)] = []
        let preview = try EmployeeCSVReader().read(Array(text.utf8)) { read, total in reports.append((read, total)) }
        #expect(preview.rejected == [])
        #expect(preview.employees.count == 40_000)
        #expect(preview.employees.last?.hrNumber == "140000")
        #expect(preview.employees.last?.startDate == "2020-05-17")
        #expect(Set(preview.employees.map(\.unitName)).count == 50)
        #expect(reports.count == 9)
        #expect(reports.first.map { $0 == (5_000, 40_000) } == true)
        #expect(reports.last.map { $0 == (40_000, 40_000) } == true)
    }
}

@Suite("Employee CSV import: rows")
struct ImportRowTests {
    private func rejected(_ rows: String, header: String = ImportFixtures.minimalHeader) throws -> [RejectedEmployeeRow] {
        try ImportFixtures.read(header + "\n" + rows).rejected
    }

    @Test func theErrorFixtureRejectsEachBadRowWithItsLine() throws {
        let preview = try EmployeeCSVReader().read(try ImportFixtures.bytes("employees-with-errors.csv"))
        #expect(preview.employees.map(\.hrNumber) == ["4001"])
        #expect(preview.rejected.map(\.line) == [3, 4, 5, 6, 7])
        #expect(preview.rejected[0].problems == [.missingValue(column: .hrNumber)])
        #expect(preview.rejected[1].problems == [.duplicateHRNumber("4001", firstLine: 2)])
        #expect(preview.rejected[2].problems == [.impossibleDate(column: .startDate, value: "31.2.2024")])
        #expect(preview.rejected[3].problems == [.possibleFormula(column: .firstName, value: "=HYPERLINK(\"http://x\")")])
        #expect(preview.rejected[4].problems == [.wrongFieldCount(expected: 8, found: 3)])
        #expect(preview.rejected[4].hrNumber == "4005")
        #expect(preview.rejected[1].description == "line 4: HR number 4001 appears already on line 2")
    }

    @Test func lineNumbersCountLinesInsideQuotedFields() throws {
        let rows = "1;\"Two\nline\";Name\n2;;X\n3;\"A\r\nB\r\nC\";Y\n\n4;Z;\n"
        let found = try rejected(rows)
        // Row 1 spans lines 2-3, row 2 is line 4, row 3 spans 5-7, line 8 is blank, row 4 is line 9.
        #expect(found.map(\.line) == [4, 9])
        #expect(found.map(\.hrNumber) == ["2", "4"])
        #expect(found.map(\.problems) == [[.missingValue(column: .firstName)], [.missingValue(column: .lastName)]])
    }

    @Test func lineNumbersCountAnIgnoredMultiLineColumn() throws {
        let header = "Henkilönumero;Etunimi;Sukunimi;Lisätieto"
        let found = try rejected("1;A;B;\"huom:\nkaksi\nriviä\"\n1;C;D;\n", header: header)
        #expect(found == [RejectedEmployeeRow(line: 5, hrNumber: "1", problems: [.duplicateHRNumber("1", firstLine: 2)])])
    }

    @Test func blankLinesAndEmptyRowsAreSkippedWithANotice() throws {
        let preview = try ImportFixtures.read(ImportFixtures.minimalHeader + "\n1;A;B\n\n;;\n2;C;D\n\n")
        #expect(preview.employees.map(\.hrNumber) == ["1", "2"])
        #expect(preview.notices == [.blankLinesSkipped(3)])
    }

    @Test func fieldsAreTrimmedAndInnerWhitespaceCollapsed() throws {
        let preview = try ImportFixtures.read(ImportFixtures.minimalHeader + ";Yksikkö\n  12 ;\" Aino \";Virtanen  ;Päiväkoti   Metsä\n")
        #expect(preview.employees.first.map { [$0.hrNumber, $0.firstName, $0.lastName, $0.unitName] }
            == ["12", "Aino", "Virtanen", "Päiväkoti Metsä"])
    }

    @Test func datesInIsoAndFinnishFormsAndImpossibleOnes() throws {
        let header = ImportFixtures.minimalHeader + ";Alkupäivä;Loppupäivä"
        let preview = try ImportFixtures.read(header + "\n"
            + "1;A;B;2024-03-01;01.03.2025\n"
            + "2;A;B;29.2.2024;\n"
            + "3;A;B;29.2.2023;\n"
            + "4;A;B;2024/03/01;\n"
            + "5;A;B;1.3.24;\n"
            + "6;A;B;2024-13-01;\n"
            + "7;A;B;1.3.2024;28.2.2024\n")
        #expect(preview.employees.map { [$0.startDate, $0.endDate] } == [["2024-03-01", "2025-03-01"], ["2024-02-29", nil]])
        #expect(preview.rejected.map(\.problems) == [
            [.impossibleDate(column: .startDate, value: "29.2.2023")],
            [.badDate(column: .startDate, value: "2024/03/01")],
            [.badDate(column: .startDate, value: "1.3.24")],
            [.impossibleDate(column: .startDate, value: "2024-13-01")],
            [.endBeforeStart(start: "2024-03-01", end: "2024-02-28")],
        ])
    }

    @Test func formulaLookingCellsAreRejectedButPhoneNumbersPass() throws {
        let header = ImportFixtures.minimalHeader + ";Puhelin;Tehtävänimike"
        let preview = try ImportFixtures.read(header + "\n"
            + "1;A;B;+358 40 123 4567;Opettaja\n"
            + "2;A;B;(09) 123-456;Opettaja\n"
            + "3;A;B;+1+cmd|' /C calc'!A0;Opettaja\n"
            + "4;A;B;;=1+2\n"
            + "5;@SUM(A1);B;;\n"
            + "6;A;-2+3;;\n"
            + "7;A;B;;\"\tTab\"\n"
            + "8;A;B;;\"\r=1\"\n"
            + "+9;A;B;;\n")
        #expect(preview.employees.map(\.phone) == ["+358 40 123 4567", "(09) 123-456"])
        // The carriage return inside row 8's quotes is a line break of its own, so row 9 is on line 11.
        #expect(preview.rejected.map(\.line) == [4, 5, 6, 7, 8, 9, 11])
        #expect(preview.rejected.map(\.problems) == [
            [.possibleFormula(column: .phone, value: "+1+cmd|' /C calc'!A0")],
            [.possibleFormula(column: .jobTitle, value: "=1+2")],
            [.possibleFormula(column: .firstName, value: "@SUM(A1)")],
            [.possibleFormula(column: .lastName, value: "-2+3")],
            [.possibleFormula(column: .jobTitle, value: "Tab")],
            [.possibleFormula(column: .jobTitle, value: "=1")],
            [.possibleFormula(column: .hrNumber, value: "+9")],
        ])
    }

    @Test func emailsLanguagesAndControlCharacters() throws {
        let header = ImportFixtures.minimalHeader + ";Sähköposti;Kieli"
        let preview = try ImportFixtures.read(header + "\n"
            + "1;A;B;a.b@example.fi;Svenska\n"
            + "2;A;B;;ENGLANTI\n"
            + "3;A;B;;sv-FI\n"
            + "4;A;B;not-an-address;fi\n"
            + "5;A;B;a@b;fi\n"
            + "6;A;B;;saksa\n"
            + "7;A\u{7};B;;\n")
        #expect(preview.employees.map(\.language) == ["sv", "en", "sv"])
        #expect(preview.rejected.map(\.problems) == [
            [.badEmail("not-an-address")],
            [.badEmail("a@b")],
            [.unknownLanguage("saksa")],
            [.controlCharacter(column: .firstName)],
        ])
    }

    @Test func aRowWithSeveralProblemsListsThemAll() throws {
        let header = ImportFixtures.minimalHeader + ";Alkupäivä;Kieli"
        let found = try rejected("9;;;1.13.2024;ranska\n", header: header)
        #expect(found.first?.problems == [
            .missingValue(column: .firstName), .missingValue(column: .lastName),
            .impossibleDate(column: .startDate, value: "1.13.2024"), .unknownLanguage("ranska"),
        ])
        #expect(found.first?.reason == "First name is empty; Last name is empty; "
            + "Start date \"1.13.2024\" does not exist in the calendar; Language \"ranska\" is not one of fi, sv, en")
    }

    @Test func overlongCellsAreRejected() throws {
        let preview = try ImportFixtures.read(ImportFixtures.minimalHeader + "\n1;\(String(repeating: "a", count: 201));B\n")
        #expect(preview.rejected.first?.problems == [.tooLong(column: .firstName, limit: 200)])
    }
}

@Suite("Employee CSV import: the all-or-nothing batch")
struct ImportBatchTests {
    @Test func aFileWithRejectedRowsNeverBecomesABatch() throws {
        let preview = try EmployeeCSVReader().read(try ImportFixtures.bytes("employees-with-errors.csv"))
        #expect(throws: EmployeeImportError.rowsRejected(count: 5)) {
            try preview.batch(forOrganisation: 1, today: "2025-01-01", deactivateMissing: true)
        }
        // The preview batch still shows what the accepted rows would do.
        #expect(preview.previewBatch(forOrganisation: 1, today: "2025-01-01", deactivateMissing: true).employees.count == 1)
    }

    @Test func aCleanFileBecomesTheWholeBatch() throws {
        let preview = try EmployeeCSVReader().read(try ImportFixtures.bytes("employees-en-comma.csv"))
        let batch = try preview.batch(forOrganisation: 7, today: "2025-01-01", deactivateMissing: false)
        #expect(batch.organisationID == 7)
        #expect(batch.employees == preview.employees)
        #expect(batch.deactivateMissing == false)
        #expect(batch.today == "2025-01-01")
    }
}
