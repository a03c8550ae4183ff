import Foundation

/// Field rules that only the staff import needs: language names as HR systems write them, and cells
/// that a spreadsheet would run as formulas.
enum ImportFieldRules {
    /// `fi`, `sv` or `en` for a language code or name in Finnish, Swedish or English; empty means `fi`.
    static func languageCode(_ value: String) -> String? {
        if value.isEmpty { return "fi" }
        var folded = EmployeeColumn.foldedHeader(value)
        // Locale tags such as fi-FI or sv_FI: the language is the part before the region.
        if let separator = value.firstIndex(where: { $0 == "-" || $0 == "_" }) {
            folded = EmployeeColumn.foldedHeader(String(value[..<separator]))
        }
        return languageNames[folded]
    }

    private static let languageNames: [String: String] = {
        let names: [String: [String]] = [
            "fi": ["fi", "fin", "suomi", "suomeksi", "finnish", "finska", "finsk"],
            "sv": ["sv", "swe", "sve", "ruotsi", "ruotsiksi", "svenska", "svensk", "swedish", "se"],
            "en": ["en", "eng", "englanti", "englanniksi", "english", "engelska"],
        ]
        var table: [String: String] = [:]
        for (code, aliases) in names {
            for alias in aliases { table[alias] = code }
        }
        return table
    }()

    /// Whether a cell would start a formula in a spreadsheet that opens a later export of it.
    /// `raw` is the cell before trimming, because a leading tab or carriage return is itself the trigger.
    static func looksLikeFormula(raw: String, trimmed: String, column: EmployeeColumn) -> Bool {
        if let first = raw.unicodeScalars.first, first == "\t" || first == "\r" { return true }
        guard let first = trimmed.first, "=+-@".contains(first) else { return false }
        if column == .phone && FieldRules.isPhoneNumber(trimmed) { return false }
        return true
    }
}
