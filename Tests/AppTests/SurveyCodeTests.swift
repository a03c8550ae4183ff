import Foundation
import Testing
@testable import App

@Suite("Survey codes")
struct SurveyCodeTests {
    @Test func alphabetHas32SymbolsWithoutLookAlikeLetters() {
        #expect(SurveyCode.alphabet.count == 32)
        #expect(Set(SurveyCode.alphabet).count == 32)
        for letter: Character in ["O", "I", "L", "U"] {
            #expect(!SurveyCode.alphabet.contains(letter))
        }
        #expect(SurveyCode.alphabet.allSatisfy { $0.isASCII && ($0.isNumber || $0.isUppercase) })
    }

    @Test func codesHaveTheSlipFormat() throws {
        let symbols = Set(SurveyCode.alphabet)
        for _ in 0..<200 {
            let code = SurveyCode.generate()
            let parts = code.split(separator: "-", omittingEmptySubsequences: false)
            #expect(parts.count == 2 && parts.allSatisfy { $0.count == 5 }, "\(code)")
            #expect(parts.joined().allSatisfy(symbols.contains), "\(code)")
        }
    }

    @Test func tenThousandCodesAreAllDifferent() {
        let codes = (0..<10_000).map { _ in SurveyCode.generate() }
        #expect(Set(codes).count == codes.count)
    }

    @Test func everySymbolTurnsUp() {
        // 2,000 codes give 20,000 symbols: a symbol missing from all of them means a biased generator.
        let seen = Set((0..<2_000).flatMap { _ in SurveyCode.generate().filter { $0 != "-" } })
        #expect(seen == Set(SurveyCode.alphabet))
    }

    @Test func normaliseReadsWhatPeopleType() throws {
        let code = SurveyCode.generate()
        let plain = code.replacingOccurrences(of: "-", with: "")
        #expect(SurveyCode.normalise(code) == plain)
        #expect(SurveyCode.normalise(code.lowercased()) == plain)
        #expect(SurveyCode.normalise("  \(plain.prefix(3)) \(plain.dropFirst(3)) ") == plain)
        #expect(SurveyCode.normalise(plain.map(String.init).joined(separator: "-")) == plain)
        #expect(SurveyCode.normalise("ab2cd\t3ef4g\n") == "AB2CD3EF4G")
    }

    @Test func normaliseReadsLookAlikes() {
        // O is read as 0, I and L as 1, U as V: none of them is ever printed.
        #expect(SurveyCode.normalise("OOIIL-luuo5") == "001111VV05")
    }

    @Test func normaliseRejectsWrongLengthAndForeignSymbols() {
        #expect(SurveyCode.normalise("") == nil)
        #expect(SurveyCode.normalise("ABCDE-FGHJ") == nil)
        #expect(SurveyCode.normalise("ABCDE-FGHJKM") == nil)
        #expect(SurveyCode.normalise("ABCDE-FGH!K") == nil)
        #expect(SurveyCode.normalise("ABCDE-FGHÄK") == nil)
        #expect(SurveyCode.normalise("ABCDE_FGHJK") == nil)
        #expect(SurveyCode.normalise(String(repeating: "A", count: 10_000)) == nil)
    }

    @Test func hashIsSHA256OfTheNormalisedCode() throws {
        let normalised = try #require(SurveyCode.normalise("abcde-fghjk"))
        let hash = SurveyCode.hash(normalised)
        #expect(hash.count == 32)
        #expect(hash == SurveyCode.hash(try #require(SurveyCode.normalise("ABCDEFGHJK"))))
        #expect(hash != SurveyCode.hash("ABCDEFGHJM"))
        // SHA-256("ABCDEFGHJK"), computed with sha256sum.
        let hex = hash.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "f57cbf1e3e471b25db4b8ad0844df41b2dae9c7d1944944d128e49294d412f66")
    }
}
