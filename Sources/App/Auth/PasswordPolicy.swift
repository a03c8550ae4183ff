import Foundation

/// What a new password must be, after OWASP ASVS 5.0 §6.2: at least 8 characters; long ones welcome
/// (passphrases up to 1,024 bytes, well past the 64 the standard asks to allow); no rules about
/// character classes; not one of the passwords that breaches show people use most, nor such a word
/// with a year or a few digits added; and not the person's own login, name or e-mail address.
struct PasswordPolicy: Sendable {
    static let minimumLength = 8
    static let maximumBytes = 1024

    enum Problem: String, Sendable {
        case tooShort = "password_error_short"
        case tooLong = "password_error_long"
        case common = "password_error_common"
        case personal = "password_error_personal"
    }

    /// Lower-cased, from `Templates/auth/common-passwords.txt`.
    private let common: Set<String>
    /// Words that are weak with any number after them ("kesä2026", "Password1!").
    private static let weakStems: Set<String> = [
        "salasana", "password", "passw0rd", "lösenord", "tervetuloa", "welcome", "välkommen", "qwerty", "asdf",
        "kevät", "kesä", "syksy", "talvi", "spring", "summer", "autumn", "winter", "vår", "sommar", "höst", "vinter",
        "taitotutka", "abc", "admin",
    ]

    init(common: Set<String>) {
        self.common = common
    }

    /// Reads the list of common passwords: one per line, `#` comments.
    init(listAt path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let words = text.split(whereSeparator: \.isNewline).lazy
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            .map { $0.lowercased() }
        self.init(common: Set(words))
    }

    /// Why `password` may not be used, or nil. `personal` holds the person's login, names and e-mail.
    func problem(_ password: String, personal: [String]) -> Problem? {
        if password.count < Self.minimumLength { return .tooShort }
        if password.utf8.count > Self.maximumBytes { return .tooLong }
        let lowered = password.lowercased()
        if common.contains(lowered) { return .common }
        let stem = String(lowered.reversed().drop { $0.isNumber || $0.isPunctuation || $0.isSymbol || $0 == " " }
            .reversed())
        if Self.weakStems.contains(stem) || (stem.count >= 4 && common.contains(stem)) { return .common }
        if Set(lowered).count <= 2 { return .common }
        for value in personal {
            let part = value.lowercased().split(separator: "@").first.map(String.init) ?? ""
            if part.count >= 4 && lowered.contains(part) { return .personal }
        }
        return nil
    }
}
