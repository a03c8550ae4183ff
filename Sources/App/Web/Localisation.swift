import Foundation

/// A language the pages are written in. Finnish is the default, Swedish the second official language.
public enum Language: String, Sendable, CaseIterable {
    case fi, sv, en

    public static let standard = Language.fi

    /// The best supported language for an `Accept-Language` header (RFC 9110 §12.5.4), or the default.
    public static func negotiate(acceptLanguage header: String?) -> Language {
        guard let header else { return standard }
        var best: (language: Language, quality: Double)?
        for element in header.split(separator: ",") {
            let parts = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let range = parts.first?.lowercased(), !range.isEmpty else { continue }
            let primary = range.split(separator: "-").first.map(String.init) ?? range
            guard let language = Language(rawValue: primary) else { continue }
            let quality = parts.dropFirst().compactMap(Self.quality).first ?? 1
            if quality > 0, quality > (best?.quality ?? 0) {
                best = (language, quality)
            }
        }
        return best?.language ?? standard
    }

    private static func quality(_ parameter: String) -> Double? {
        guard parameter.lowercased().hasPrefix("q=") else { return nil }
        return Double(parameter.dropFirst(2))
    }
}

/// The strings of one language, read from `Templates/locales/LANG.json` (a flat object of keys to
/// text). Templates read them as `{{t.key}}`; Swift code calls `text(_:)` or `format(_:_:)`.
public struct Strings: Sendable {
    public let language: Language
    public let table: [String: String]

    public init(language: Language, table: [String: String]) {
        self.language = language
        self.table = table
    }

    /// The text for `key`; the key itself when missing, so a gap shows on the page instead of a blank
    /// (a test checks that every key used exists in every language).
    public func text(_ key: String) -> String {
        table[key] ?? key
    }

    /// The text for `key` with each `{name}` in it replaced by `values[name]`.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var result = text(key)
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }

    /// A calendar date (`YYYY-MM-DD`) as the reader writes it: 3.1.2026 in Finnish and Swedish,
    /// 3 January 2026 in English. Unparseable input is returned as given.
    public func date(_ isoDate: String?) -> String {
        guard let isoDate else { return "" }
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return isoDate }
        switch language {
        case .fi, .sv:
            return "\(parts[2]).\(parts[1]).\(parts[0])"
        case .en:
            return "\(parts[2]) \(text("month_\(parts[1])")) \(parts[0])"
        }
    }

    /// A date and time, in the server's local time zone, as the reader writes it.
    public func dateTime(_ date: Date) -> String {
        let components = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let iso = String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
        let time = String(format: "%02d.%02d", components.hour ?? 0, components.minute ?? 0)
        let clock = language == .en ? time.replacingOccurrences(of: ".", with: ":") : time
        return "\(self.date(iso)) \(clock)"
    }

    /// A decimal with `digits` fractional digits and the reader's decimal mark: 3,4 in Finnish and
    /// Swedish, 3.4 in English; a minus sign for negatives.
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let magnitude = abs(rounded)
        let whole = Int(magnitude)
        let fraction = Int(((magnitude - Double(whole)) * scale).rounded())
        var text = number(whole)
        if digits > 0 {
            let padded = String(repeating: "0", count: max(0, digits - String(fraction).count)) + String(fraction)
            text += (language == .en ? "." : ",") + padded
        }
        return rounded < 0 ? "−" + text : text
    }

    /// A signed change such as +0,3 or −0,2; zero has no sign.
    public func signedDecimal(_ value: Double, digits: Int = 1) -> String {
        let text = decimal(value, digits: digits)
        return text.hasPrefix("−") || decimal(abs(value), digits: digits) == decimal(0, digits: digits) ? text : "+" + text
    }

    /// A share 0…1 as a whole percentage with the reader's spacing: 34 % in Finnish and Swedish, 34% in
    /// English.
    public func percent(_ share: Double) -> String {
        let value = Int((share * 100).rounded())
        return language == .en ? "\(value)%" : "\(value)\u{00A0}%"
    }

    /// An integer with the reader's digit grouping: 40 000 in Finnish and Swedish, 40,000 in English.
    public func number(_ value: Int) -> String {
        let separator = language == .en ? "," : "\u{00A0}"
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 {
                grouped += separator
            }
            grouped.append(character)
        }
        return value < 0 ? "−" + grouped : grouped
    }
}

/// All languages' strings, loaded once at start-up.
public struct Localisation: Sendable {
    private let tables: [Language: Strings]

    /// Reads, per language, `DIRECTORY/LANG.json` and every `DIRECTORY/FEATURE.LANG.json` (one file
    /// per feature keeps edits apart). A key defined twice is an error, not a silent override.
    public init(directory: String) throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var tables: [Language: Strings] = [:]
        for language in Language.allCases {
            let suffix = "." + language.rawValue + ".json"
            let names = files.filter { $0 == language.rawValue + ".json" || $0.hasSuffix(suffix) }.sorted()
            guard !names.isEmpty else { throw LocalisationError.missingTable(directory + "/" + language.rawValue + ".json") }
            var merged: [String: String] = [:]
            for name in names {
                let path = directory + "/" + name
                guard let data = FileManager.default.contents(atPath: path),
                      let table = try? JSONDecoder().decode([String: String].self, from: data)
                else { throw LocalisationError.unreadableTable(path) }
                for (key, value) in table {
                    guard merged.updateValue(value, forKey: key) == nil else {
                        throw LocalisationError.duplicateKey(key, path)
                    }
                }
            }
            tables[language] = Strings(language: language, table: merged)
        }
        self.tables = tables
    }

    public func strings(_ language: Language) -> Strings {
        tables[language] ?? Strings(language: language, table: [:])
    }
}

public enum LocalisationError: Error, CustomStringConvertible {
    case missingTable(String)
    case unreadableTable(String)
    case duplicateKey(String, String)

    public var description: String {
        switch self {
        case .missingTable(let path): return "The localisation table \(path) is missing."
        case .unreadableTable(let path): return "The localisation table \(path) is not a JSON object of strings."
        case .duplicateKey(let key, let path): return "The string \(key) in \(path) is defined in another table too."
        }
    }
}
