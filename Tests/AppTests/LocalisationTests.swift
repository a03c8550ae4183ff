import Foundation
import Testing
@testable import App

@Suite("Localisation")
struct LocalisationTests {
    @Test func acceptLanguagePicksTheBestSupported() {
        #expect(Language.negotiate(acceptLanguage: nil) == .fi)
        #expect(Language.negotiate(acceptLanguage: "sv-FI,sv;q=0.9,en;q=0.5") == .sv)
        #expect(Language.negotiate(acceptLanguage: "de-DE, en;q=0.7, fi;q=0.8") == .fi)
        #expect(Language.negotiate(acceptLanguage: "en-GB") == .en)
        #expect(Language.negotiate(acceptLanguage: "de, fr") == .fi)
        #expect(Language.negotiate(acceptLanguage: "sv;q=0, en;q=0.1") == .en)
        #expect(Language.negotiate(acceptLanguage: ";;,,q=") == .fi)
    }

    @Test func everyLanguageHasTheSameKeys() throws {
        let localisation = try Localisation(directory: packageRoot + "/Templates/locales")
        let finnish = Set(localisation.strings(.fi).table.keys)
        for language in Language.allCases {
            let keys = Set(localisation.strings(language).table.keys)
            #expect(keys == finnish, "\(language): missing \(finnish.subtracting(keys)), extra \(keys.subtracting(finnish))")
            #expect(localisation.strings(language).table.values.allSatisfy { !$0.isEmpty })
        }
    }

    /// Every `{{t.key}}` a template uses exists, so no page shows a raw key.
    @Test func everyKeyTheTemplatesUseExists() throws {
        let localisation = try Localisation(directory: packageRoot + "/Templates/locales")
        let keys = Set(localisation.strings(.fi).table.keys)
        let enumerator = FileManager.default.enumerator(atPath: packageRoot + "/Templates")
        var missing: [String] = []
        while let file = enumerator?.nextObject() as? String {
            guard file.hasSuffix(".mustache") else { continue }
            let text = try String(contentsOfFile: packageRoot + "/Templates/" + file, encoding: .utf8)
            let regex = try Regex(#"\{\{\s*t\.([A-Za-z0-9_]+)\s*\}\}"#)
            for match in text.matches(of: regex) {
                if let key = match.output[1].substring.map(String.init), !keys.contains(key) {
                    missing.append("\(file): \(key)")
                }
            }
        }
        #expect(missing.isEmpty, "\(missing)")
    }

    @Test func datesAndNumbersFollowTheReader() throws {
        let localisation = try Localisation(directory: packageRoot + "/Templates/locales")
        #expect(localisation.strings(.fi).date("2026-03-01") == "1.3.2026")
        #expect(localisation.strings(.sv).date("2026-03-01") == "1.3.2026")
        #expect(localisation.strings(.en).date("2026-03-01") == "1 March 2026")
        #expect(localisation.strings(.fi).number(40000) == "40\u{00A0}000")
        #expect(localisation.strings(.en).number(1234567) == "1,234,567")
        #expect(localisation.strings(.en).number(999) == "999")
    }
}
