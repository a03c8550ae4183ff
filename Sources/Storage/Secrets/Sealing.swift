import Crypto
import Foundation

/// The keyed hashes and sealed boxes the survey tables store, all derived from the server key.
///
/// Nothing here is readable or testable without the key: a response is a ChaCha20-Poly1305 box bound
/// to its round and row key (so a box cannot be moved to another row), and respondents appear only as
/// HMACs of the round and the person (or code).
struct SurveySecrets: Sendable {
    let serverKey: ServerKey
    private let responseSealKey: [UInt8]
    private let draftSealKey: [UInt8]
    private let codeKey: [UInt8]
    private let credentialKey: [UInt8]
    private let draftNameKey: [UInt8]

    init(serverKey: ServerKey) {
        self.serverKey = serverKey
        responseSealKey = serverKey.keyBytes(for: .responseSeal)
        draftSealKey = serverKey.keyBytes(for: .draftSeal)
        codeKey = serverKey.keyBytes(for: .surveyCode)
        credentialKey = serverKey.keyBytes(for: .answerCredential)
        draftNameKey = serverKey.keyBytes(for: .draftKey)
    }

    private var responseKey: SymmetricKey { SymmetricKey(data: responseSealKey) }
    private var draftKey: SymmetricKey { SymmetricKey(data: draftSealKey) }

    private static func mac(_ key: [UInt8], _ message: some DataProtocol) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    /// What the database stores for a one-time code: a keyed hash of the code's SHA-256.
    func storedCodeHash(_ codeSHA256: Data) -> Data {
        Self.mac(codeKey, codeSHA256)
    }

    /// The record that an employee has answered a round.
    func answerCredential(roundID: Int64, employeeID: Int64) -> Data {
        Self.mac(credentialKey, Array("round:\(roundID)|employee:\(employeeID)".utf8))
    }

    /// The key of a respondent's draft. A code respondent is named by the code's stored hash.
    func draftKey(roundID: Int64, respondent: Respondent) -> Data {
        let who: String
        switch respondent {
        case .employee(let id): who = "employee:\(id)"
        case .code(let hash): who = "code:" + storedCodeHash(hash).base64EncodedString()
        }
        return Self.mac(draftNameKey, Array("round:\(roundID)|\(who)".utf8))
    }

    func sealResponse(_ plaintext: Data, roundID: Int64, key: Int64) throws -> Data {
        try ChaChaPoly.seal(plaintext, using: responseKey, authenticating: Self.context("response", roundID, key))
            .combined
    }

    func openResponse(_ sealed: Data, roundID: Int64, key: Int64) throws -> Data {
        try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: responseKey,
                            authenticating: Self.context("response", roundID, key))
    }

    func sealDraft(_ plaintext: Data, roundID: Int64, respondentKey: Data) throws -> Data {
        try ChaChaPoly.seal(plaintext, using: draftKey, authenticating: Self.context("draft", roundID, 0) + respondentKey)
            .combined
    }

    func openDraft(_ sealed: Data, roundID: Int64, respondentKey: Data) throws -> Data {
        try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: draftKey,
                            authenticating: Self.context("draft", roundID, 0) + respondentKey)
    }

    private static func context(_ kind: String, _ roundID: Int64, _ key: Int64) -> Data {
        Data("\(kind)|round:\(roundID)|key:\(key)|".utf8)
    }
}
