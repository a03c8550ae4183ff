/// The rules an e-mail address must pass before it goes into a message's header or the SMTP
/// envelope: plain ASCII `local@domain`, nothing that could end a header line or add a recipient.
public enum MailAddress {
    /// Whether `address` is a single plain address: ASCII only, no spaces, control characters,
    /// angle brackets, commas or quotes; one `@`; a dot-atom local part of at most 64 characters; a
    /// domain of letters, digits and hyphens in dot-separated labels; at most 254 characters.
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard (3...254).contains(bytes.count), bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        guard (1...64).contains(local.utf8.count), isDotAtom(local, allowed: localCharacters) else { return false }
        guard (1...253).contains(domain.utf8.count), isDotAtom(domain, allowed: domainCharacters) else { return false }
        return domain.split(separator: ".").allSatisfy { !$0.hasPrefix("-") && !$0.hasSuffix("-") && $0.utf8.count <= 63 }
    }

    /// The part after the `@`, for the Message-ID.
    static func domain(of address: String) -> String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    /// RFC 5322 atext: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
    private static let domainCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)

    /// Runs of allowed characters separated by single dots, with none at either end.
    private static func isDotAtom(_ text: Substring, allowed: Set<UInt8>) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in !label.isEmpty && label.utf8.allSatisfy { allowed.contains($0) } }
    }
}
