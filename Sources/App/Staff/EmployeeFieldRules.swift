import Foundation

/// The rules for single employee fields — dates, e-mail, language, formulas, whitespace — shared by
/// the staff import and the employee edit form, so both accept and refuse the same values.
enum EmployeeFieldRules {
    /// A calendar date as `YYYY-MM-DD`, read from `2024-03-01`, `1.3.2024` or `01.03.2024`.
    enum DateReading: Equatable {
        case date(String)
        case malformed
        case impossible
    }

    static func readDate(_ value: String) -> DateReading {
        let parts: [Substring]
        let year: Substring, month: Substring, day: Substring
        if value.contains("-") {
            parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 else { return .malformed }
            (year, month, day) = (parts[0], parts[1], parts[2])
        } else {
            parts = value.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                  parts[2].count == 4 else { return .malformed }
            (day, month, year) = (parts[0], parts[1], parts[2])
        }
        guard let y = number(year), let m = number(month), let d = number(day) else { return .malformed }
        guard (1900...2199).contains(y), (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else {
            return .impossible
        }
        return .date(String(format: "%04d-%02d-%02d", y, m, d))
    }

    private static func number(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A plausible address: one @, something before it, a dotted domain after it, no spaces.
    static func isEmailShaped(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              !local.isEmpty, local.count <= 64, domain.count <= 253 else { return false }
        guard !value.contains(where: { $0.isWhitespace }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

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
        if column == .phone && isPhoneNumber(trimmed) { return false }
        return true
    }

    /// Digits, spaces, `+`, `-` and parentheses only, with at least one digit: +358 40 123 4567.
    static func isPhoneNumber(_ value: String) -> Bool {
        value.contains(where: { $0.isASCII && $0.isNumber })
            && value.allSatisfy { ($0.isASCII && $0.isNumber) || " +-()".contains($0) }
    }

    /// Whether the cell holds a control character other than plain whitespace.
    static func hasControlCharacter(_ value: String) -> Bool {
        value.unicodeScalars.contains { scalar in
            scalar.properties.generalCategory == .control && !scalar.properties.isWhitespace
        }
    }

    /// Trimmed, with every run of whitespace (line breaks from quoted cells too) made one space, so
    /// "Päiväkoti  Metsä" and "Päiväkoti Metsä" name the same unit.
    static func normalisedText(_ value: String) -> String {
        value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
