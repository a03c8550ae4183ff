import Crypto
import Foundation

/// One-time survey codes printed on slips for staff without a sign-in.
///
/// The alphabet is Crockford's base 32: the digits and the letters without I, L, O and U. A printed
/// code therefore never shows a letter that looks like 0 or 1, and `normalise` reads the look-alikes a
/// person may type for them (O → 0, I and L → 1) and U as V, so a misread slip still works. Ten
/// symbols carry 50 random bits: with the typing throttle, guessing one of even thousands of live
/// codes is hopeless. Only `hash` of a code is stored.
enum SurveyCode {
    /// The 32 symbols a code is made of.
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Symbols in a code (5 bits each).
    static let length = 10

    /// Letters a person may type for a symbol they read: the symbol they must have meant.
    private static let lookAlikes: [Character: Character] = ["O": "0", "I": "1", "L": "1", "U": "V"]

    private static let symbols = Set(alphabet)

    /// A new random code, formatted `XXXXX-XXXXX` for the slip.
    static func generate() -> String {
        // 32 divides 256, so taking five bits of each random byte keeps every symbol equally likely.
        let picked = SecureRandom.bytes(length).map { alphabet[Int($0 & 0x1F)] }
        return format(String(picked))
    }

    /// `ABCDEFGHJK` → `ABCDE-FGHJK`.
    static func format(_ normalised: String) -> String {
        let half = normalised.index(normalised.startIndex, offsetBy: normalised.count / 2)
        return String(normalised[..<half]) + "-" + String(normalised[half...])
    }

    /// The code as stored (upper case, no separators, look-alikes read), or nil when what was typed is
    /// not ten symbols of the alphabet.
    static func normalise(_ typed: String) -> String? {
        var result: [Character] = []
        for character in typed.uppercased() {
            if character == "-" || character.isWhitespace { continue }
            let symbol = lookAlikes[character] ?? character
            guard symbols.contains(symbol), result.count < length else { return nil }
            result.append(symbol)
        }
        return result.count == length ? String(result) : nil
    }

    /// The SHA-256 of a normalised code: what the database keeps.
    static func hash(_ normalised: String) -> Data {
        Data(SHA256.hash(data: Data(normalised.utf8)))
    }
}
