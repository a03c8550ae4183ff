import Foundation

/// The rules for single typed fields — dates, e-mail, phone numbers, control characters, whitespace —
/// shared by the staff import and every form, so all of them accept and refuse the same values.
enum FieldRules {
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
