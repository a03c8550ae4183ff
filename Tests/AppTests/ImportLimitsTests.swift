import Foundation
import HTTPServer
import Testing
@testable import App

/// Pathological files: refused before the CSV parser sees them, with a message of a few lines
/// however many columns the file has (issue 11, item 17: a 10 MB line once took 20 s, 400 MB and
/// answered with a 16 MB page naming every column).
@Suite("Employee CSV import: line and column limits")
struct ImportLimitsTests {
    static let tenMegabytes = 10 * 1_048_576
    /// No message about a whole file needs more than this, whatever the file.
    static let messageBound = 600

    @Test func aTenMegabyteSingleLineIsRefusedWithAShortMessage() {
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: Self.tenMegabytes)
        let error = ImportFixtures.refusal(line)
        #expect(error == .lineTooLong(line: 1, limit: 64 * 1024))
        #expect((error?.description.count ?? .max) < Self.messageBound)
    }

    @Test func aTenMegabyteLineOfSeparatorsIsRefusedForItsColumns() {
        let line = [UInt8](repeating: UInt8(ascii: ";"), count: Self.tenMegabytes) + Array("\n1\n".utf8)
        let error = ImportFixtures.refusal(line)
        #expect(error == .tooManyColumns(found: Self.tenMegabytes + 1, limit: 500))
        #expect((error?.description.count ?? .max) < Self.messageBound)
    }

    @Test func tenThousandColumnsAreRefusedWithoutNamingThem() {
        let header = (1...10_000).map { "column \($0)" }.joined(separator: ",")
        let error = ImportFixtures.refusal(header + "\n" + String(repeating: "x,", count: 9_999) + "x\n")
        #expect(error == .tooManyColumns(found: 10_000, limit: 500))
        let message = error?.description ?? ""
        #expect(message.count < Self.messageBound)
        #expect(message.contains("10000 columns"))
        #expect(!message.contains("column 1,"))
    }

    @Test func aLongLineLaterInTheFileIsNamedByItsNumber() {
        let text = ImportFixtures.minimalHeader + "\r\n1;A;B\r\n2;" + String(repeating: "y", count: 70_000) + ";C\r\n"
        #expect(ImportFixtures.refusal(text) == .lineTooLong(line: 3, limit: 64 * 1024))
        let limits = EmployeeCSVReader.Limits(maxLineBytes: 70_005)
        #expect(ImportFixtures.refusal(Array(text.utf8), limits: limits) == nil)
    }

    @Test func limitsAreInclusive() {
        // The header is 31 bytes (ö takes two), and so is the first row.
        let limits = EmployeeCSVReader.Limits(maxColumns: 3, maxLineBytes: 31)
        let text = ImportFixtures.minimalHeader + "\n1;A;" + String(repeating: "b", count: 27) + "\n"
        #expect(ImportFixtures.refusal(Array(text.utf8), limits: limits) == nil)
        #expect(ImportFixtures.refusal(Array((text + "2;A;" + String(repeating: "b", count: 28) + "\n").utf8),
                                       limits: limits) == .lineTooLong(line: 3, limit: 31))
        #expect(ImportFixtures.refusal(Array(("x;" + text).utf8), limits: limits) == .tooManyColumns(found: 4, limit: 3))
    }

    @Test func aQuotedSeparatorOrLineBreakInTheHeaderIsNotAColumn() {
        #expect(EmployeeCSVReader.Limits.headerFieldCount(Array("a;\"b;c\r\nd\";e\nf;g;h;i;j".utf8)) == 3)
        #expect(EmployeeCSVReader.Limits.headerFieldCount(Array("a,b,\"c;d;e\"\n".utf8)) == 3)
        #expect(EmployeeCSVReader.Limits.headerFieldCount([]) == 1)
    }

    @Test func missingColumnsNameOnlyAFewOfTheColumnsFound() {
        let header = (1...400).map { "Extra \($0) " + String(repeating: "z", count: 100) }.joined(separator: ";")
        let error = ImportFixtures.refusal(header + "\n" + String(repeating: "1;", count: 399) + "1\n")
        guard case .missingColumns(_, let found) = error else {
            Issue.record("expected missing columns, got \(String(describing: error))")
            return
        }
        #expect(found.count == 400)
        let message = error?.description ?? ""
        #expect(message.count < Self.messageBound + 400)
        #expect(message.contains("and 392 more"))
        #expect(!message.contains(String(repeating: "z", count: 41)))
    }

    @Test func ignoredColumnsAreSummarisedInTheNotice() throws {
        let extras = (1...300).map { "Lisätieto \($0)" }
        let header = ([ImportFixtures.minimalHeader] + extras).joined(separator: ";")
        let row = "1;Aino;Aalto" + String(repeating: ";", count: 300)
        let preview = try ImportFixtures.read(header + "\n" + row + "\n")
        #expect(preview.employees.count == 1)
        let notice = try #require(preview.notices.first)
        #expect(notice == .ignoredColumns(extras))
        #expect(notice.description.count < Self.messageBound)
        #expect(notice.description.hasSuffix("Lisätieto 8 and 292 more."))
    }

    @Test func everyRejectedRowOfANormalFileIsStillReported() throws {
        let rows = (1...500).map { "\($0);;Aalto" }.joined(separator: "\n")
        let preview = try ImportFixtures.read(ImportFixtures.minimalHeader + "\n" + rows + "\n")
        #expect(preview.rejected.count == 500)
        #expect(preview.rejected.last?.description == "line 501: First name is empty")
    }

    @Test func shownNamesCutLongNamesAndCountTheRest() {
        #expect(ShownNames(["a", "b"]).english == "a, b")
        let many = ShownNames((1...20).map { "n\($0)" })
        #expect(many.english == "n1, n2, n3, n4, n5, n6, n7, n8 and 12 more")
        #expect(ShownNames([String(repeating: "w", count: 100)]).english == String(repeating: "w", count: 40) + "…")
    }
}

@Suite("Staff import pages: pathological files")
struct ImportLimitPageTests {
    /// The page that refuses a file stays small however large or wide the file.
    static let pageBound = 20_000

    @Test func aTenMegabyteSingleLineIsAnsweredWithASmallPage() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let file = String(repeating: "Henkilönumero", count: ImportLimitsTests.tenMegabytes / 14)
        let response = try ImportPageTests().upload(&hr, "/organisations/jarvela/import", file: file)
        #expect(response.status.code == 422)
        #expect(response.text.utf8.count < Self.pageBound)
        #expect(response.text.contains("Rivi 1 on yli 64 kt pitkä"))
    }

    @Test func tenThousandColumnsAreAnsweredWithASmallPage() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let header = (1...10_000).map { "c\($0)" }.joined(separator: ";")
        let response = try ImportPageTests().upload(&hr, "/organisations/jarvela/import", file: header + "\n1\n")
        #expect(response.status.code == 422)
        #expect(response.text.utf8.count < Self.pageBound)
        #expect(response.text.contains("Otsikkorivillä on 10\u{00A0}000 saraketta"))
    }

    @Test func missingColumnsPageNamesAFewAndCountsTheRest() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.signIn("hr")
        try hr.get("/organisations/jarvela/import")
        let header = (1...450).map { "Sarake \($0)" }.joined(separator: ";")
        let response = try ImportPageTests().upload(&hr, "/organisations/jarvela/import", file: header + "\n1\n")
        #expect(response.status.code == 422)
        #expect(response.text.utf8.count < Self.pageBound)
        #expect(response.text.contains("Sarake 8 ja 442 muuta"))
        #expect(!response.text.contains("Sarake 450"))
    }
}
