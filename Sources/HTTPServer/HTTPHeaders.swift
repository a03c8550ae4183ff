/// An ordered list of header fields. Lookup ignores case; duplicates are kept in arrival order,
/// because some fields (Set-Cookie, Vary) legitimately repeat and because a proxy-safe server must
/// be able to see that a field such as Content-Length was sent twice.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Field: Sendable, Hashable {
        public let name: String
        public let value: String
    }

    public private(set) var fields: [Field] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }

    /// The first value of the named field, or nil.
    public subscript(name: String) -> String? {
        fields.first { $0.name.asciiCaseInsensitiveEquals(name) }?.value
    }

    /// Every value of the named field, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { $0.name.asciiCaseInsensitiveEquals(name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.asciiCaseInsensitiveEquals(name) }
    }

    /// Adds a field, keeping any existing ones of the same name.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field of that name with one field.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { $0.name.asciiCaseInsensitiveEquals(name) }
    }

    /// Whether any value of the field lists `token` (ASCII case-insensitive) among its
    /// comma-separated elements. Allocation-free, for checks made on every request.
    public func containsToken(_ name: String, _ token: String) -> Bool {
        for field in fields where field.name.asciiCaseInsensitiveEquals(name) {
            for element in field.value.utf8.split(separator: UInt8(ascii: ",")) {
                var start = element.startIndex, end = element.endIndex
                while start < end, element[start] == 0x20 || element[start] == 0x09 { start = element.index(after: start) }
                while end > start, element[element.index(before: end)] == 0x20 || element[element.index(before: end)] == 0x09 {
                    end = element.index(before: end)
                }
                if ASCII.caseInsensitiveEquals(element[start..<end], token.utf8) { return true }
            }
        }
        return false
    }

    /// The comma-separated tokens of every value of the field, trimmed and lower-cased
    /// (for fields such as Connection, Transfer-Encoding and Accept-Encoding).
    public func tokens(_ name: String) -> [String] {
        values(name).flatMap { value in
            value.split(separator: ",").map { $0.trimmingOWS().lowercased() }.filter { !$0.isEmpty }
        }
    }
}

extension String {
    /// ASCII case-insensitive comparison, which is what HTTP field names and tokens use.
    func asciiCaseInsensitiveEquals(_ other: String) -> Bool {
        ASCII.caseInsensitiveEquals(utf8, other.utf8)
    }
}

enum ASCII {
    /// Compares two byte sequences, ignoring the case of ASCII letters only.
    static func caseInsensitiveEquals<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            guard (x | 0x20) == (y | 0x20), (x | 0x20) >= 0x61, (x | 0x20) <= 0x7A else { return false }
        }
        return true
    }

    /// Whether `bytes` ends with `suffix`, ignoring ASCII case.
    static func hasSuffixIgnoringCase<A: Collection>(_ bytes: A, _ suffix: String) -> Bool where A.Element == UInt8 {
        bytes.count >= suffix.utf8.count && caseInsensitiveEquals(bytes.suffix(suffix.utf8.count), suffix.utf8)
    }

    /// Whether `bytes` starts with `prefix`, ignoring ASCII case.
    static func hasPrefixIgnoringCase<A: Collection>(_ bytes: A, _ prefix: String) -> Bool where A.Element == UInt8 {
        bytes.count >= prefix.utf8.count && caseInsensitiveEquals(bytes.prefix(prefix.utf8.count), prefix.utf8)
    }
}

extension StringProtocol {
    /// Trims optional whitespace (space and horizontal tab) as defined by RFC 9110 §5.6.3.
    func trimmingOWS() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
