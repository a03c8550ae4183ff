import Testing
@testable import App

/// The QR codes on the survey-code slips, made by libqrencode.
@Suite("QR codes")
struct QRCodeTests {
    /// "HELLO WORLD" at level M: version 1 (21 × 21) in alphanumeric mode. The expected matrix is
    /// libqrencode 4.1.1's (`qrencode -t ASCII -m 0 -l M "HELLO WORLD"`), which zbarimg decodes back to
    /// the text; the structural checks below hold for any correct symbol.
    static let helloWorld = [
        "111111100010101111111",
        "100000101110001000001",
        "101110100010101011101",
        "101110100010101011101",
        "101110101011101011101",
        "100000100111001000001",
        "111111101010101111111",
        "000000000000000000000",
        "101010100100100010010",
        "011110001001000010001",
        "000111111101001011000",
        "111101011001110101110",
        "010011110101001110101",
        "000000001010001000101",
        "111111100000100101100",
        "100000100110001101000",
        "101110101100101111111",
        "101110100011010100010",
        "101110101111011101001",
        "100000100001110001011",
        "111111101101011100001",
    ]

    @Test func knownTextGivesTheKnownMatrix() throws {
        let code = try #require(QRCode("HELLO WORLD"))
        #expect(code.size == 21)
        let rows = (0..<code.size).map { y in
            String((0..<code.size).map { x in code.isDark(x: x, y: y) ? "1" : "0" })
        }
        #expect(rows == Self.helloWorld)
    }

    /// Finder patterns in three corners, timing patterns, the dark module, and format information that
    /// is a valid BCH code word saying level M, the same in both copies.
    @Test(arguments: ["HELLO WORLD", "http://127.0.0.1:8080/k?code=ABCDE-FGHJK",
                      "https://taitotutka.example.fi/k?code=0123456789"])
    func symbolHasTheStandardStructure(_ text: String) throws {
        let code = try #require(QRCode(text))
        let size = code.size
        #expect((size - 17) % 4 == 0 && size >= 21)
        for (left, top) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    #expect(code.isDark(x: left + x, y: top + y) == (ring != 2), "finder at \(left),\(top)")
                }
            }
        }
        for index in 8..<(size - 8) {
            #expect(code.isDark(x: index, y: 6) == (index % 2 == 0))
            #expect(code.isDark(x: 6, y: index) == (index % 2 == 0))
        }
        #expect(code.isDark(x: 8, y: size - 8), "the dark module")
        // Format information (ISO 18004 §7.9), listed from bit 0: up column 8 and left along row 8 beside
        // the top-left finder; the copy along row 8 under the top-right finder and down column 8 beside
        // the bottom-left one.
        let around: [(Int, Int)] = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8),
                                    (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
        let copy: [(Int, Int)] = (0..<8).map { (size - 1 - $0, 8) } + (0..<7).map { (8, size - 7 + $0) }
        func word(_ places: [(Int, Int)]) -> Int {
            places.enumerated().reduce(0) { $0 | (code.isDark(x: $1.element.0, y: $1.element.1) ? 1 << $1.offset : 0) }
        }
        let first = word(around)
        let second = word(copy)
        #expect(first == second)
        let unmasked = first ^ 0b101010000010010
        #expect(Self.bchRemainder(unmasked) == 0, "a valid format code word")
        #expect(unmasked >> 13 == 0b00, "error correction level M")
    }

    @Test func svgDrawsEveryDarkModuleOnceWithAQuietZone() throws {
        let code = try #require(QRCode("HELLO WORLD"))
        let svg = code.svg(label: "QR <koodi>")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" viewBox=\"0 0 29 29\""))
        #expect(svg.contains("aria-label=\"QR &lt;koodi&gt;\""))
        // Each run is "Mx yhNv1h-Nz": the widths add up to the dark modules, drawn from x ≥ 4.
        let runs = svg.components(separatedBy: "M").dropFirst().compactMap { part -> (Int, Int, Int)? in
            let numbers = part.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            return numbers.count >= 3 ? (numbers[0], numbers[1], numbers[2]) : nil
        }
        let dark = Self.helloWorld.joined().filter { $0 == "1" }.count
        #expect(runs.map(\.2).reduce(0, +) == dark)
        #expect(runs.allSatisfy { $0.0 >= 4 && $0.1 >= 4 && $0.0 + $0.2 <= 25 && $0.1 < 25 })
    }

    @Test func emptyOrOversizedTextGivesNoSymbol() {
        #expect(QRCode("") == nil)
        #expect(QRCode(String(repeating: "x", count: 5000)) == nil)
    }

    /// The remainder of a 15-bit format word divided by the generator x¹⁰+x⁸+x⁵+x⁴+x²+x+1.
    static func bchRemainder(_ word: Int) -> Int {
        var value = word
        let generator = 0b10100110111
        for shift in stride(from: 4, through: 0, by: -1) where value & (1 << (shift + 10)) != 0 {
            value ^= generator << shift
        }
        return value
    }
}
