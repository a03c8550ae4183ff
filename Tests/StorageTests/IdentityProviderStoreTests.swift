import Foundation
import Testing
@testable import Storage

@Suite("Identity providers")
struct IdentityProviderStoreTests {
    static func provider(_ organisationID: Int64, enabled: Bool = true) -> IdentityProvider {
        IdentityProvider(organisationID: organisationID, enabled: enabled, displayName: "Kallio",
                         issuer: "https://login.example/t/v2.0", clientID: "client", secretSource: .file,
                         secretReference: "/etc/taitotutka/secret", allowedDomains: ["kallio.fi", "edu.kallio.fi"],
                         matchClaim: .hrNumber, hrNumberClaim: "employeeid", requireMFA: true, mfaACRValues: ["c2", "c3"],
                         updatedAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func aConfigurationIsSavedReplacedAndListedWhenEnabled() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = IdentityProviderStore(fixture.temporary.database)
        #expect(try store.provider(organisationID: fixture.organisationID) == nil)
        try store.save(Self.provider(fixture.organisationID), by: nil)
        #expect(try store.provider(organisationID: fixture.organisationID) == Self.provider(fixture.organisationID))
        #expect(try store.enabledProviders().map(\.displayName) == ["Kallio"])
        try store.save(Self.provider(fixture.organisationID, enabled: false), by: nil)
        #expect(try store.provider(organisationID: fixture.organisationID)?.enabled == false)
        #expect(try store.enabledProviders().isEmpty)
    }

    @Test func aPendingSignInIsTakenOnceAndOldOnesAreForgotten() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = IdentityProviderStore(fixture.temporary.database)
        func pending(_ byte: UInt8, at seconds: TimeInterval) -> PendingOIDCSignIn {
            PendingOIDCSignIn(stateHash: Data(repeating: byte, count: 32), organisationID: fixture.organisationID,
                              browserHash: Data(repeating: 9, count: 32), nonce: "n", codeVerifier: "v",
                              redirectURI: "https://t.example/sign-in/oidc/callback", returnPath: "/",
                              createdAt: Date(timeIntervalSince1970: seconds))
        }
        try store.begin(pending(1, at: 1_000), expiredBefore: Date(timeIntervalSince1970: 0))
        try store.begin(pending(2, at: 2_000), expiredBefore: Date(timeIntervalSince1970: 1_500))
        #expect(try store.take(stateHash: Data(repeating: 1, count: 32)) == nil, "older than the cut-off: forgotten")
        #expect(try store.take(stateHash: Data(repeating: 2, count: 32)) == pending(2, at: 2_000))
        #expect(try store.take(stateHash: Data(repeating: 2, count: 32)) == nil, "used once")
    }

    @Test func candidatesAreTheOrganisationsEmployeesWithSignIns() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let store = IdentityProviderStore(fixture.temporary.database)
        let aino = try fixture.employee("1001", "Aino", "Virtanen", email: "Aino.Virtanen@kallio.fi")
        _ = try fixture.employee("1002", "Eero", "Ei-tunnusta", email: "eero@kallio.fi")
        let left = try fixture.employee("1003", "Liisa", "Lähtenyt", email: "liisa@kallio.fi", active: false)
        let ainoUser = try fixture.users.create(User(login: "aino", passwordHash: User.noPassword, employeeID: aino.id))
        _ = try fixture.users.create(User(login: "liisa", passwordHash: User.noPassword, employeeID: left.id))
        let other = try fixture.otherOrganisation()
        _ = try fixture.employees.create(Employee(organisationID: other.id, hrNumber: "1001", firstName: "Aino",
                                                  lastName: "Toinen", email: "aino.virtanen@kallio.fi"))
        let byEmail = try store.candidates(organisationID: fixture.organisationID, email: "aino.virtanen@KALLIO.fi")
        #expect(byEmail.map(\.userID) == [ainoUser.id] && byEmail.first?.employeeActive == true)
        #expect(try store.candidates(organisationID: fixture.organisationID, hrNumber: "1001").map(\.userID) == [ainoUser.id])
        #expect(try store.candidates(organisationID: fixture.organisationID, email: "eero@kallio.fi").isEmpty, "no sign-in")
        #expect(try store.candidates(organisationID: fixture.organisationID, hrNumber: "1003").first?.employeeActive == false)
    }
}
