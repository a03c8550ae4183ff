import Foundation
import Storage

/// Järvelä's single sign-on, as an administrator would start it: an example Microsoft Entra ID
/// configuration, switched off (no real tenant is behind it), so someone trying the demo sees on
/// `/organisations/jarvela/sign-in-provider` what a configuration holds. The demo's sign-ins keep
/// their passwords and the sign-in page shows no provider button until one is enabled.
struct DemoIdentityProviders: Sendable {
    let database: AppDatabase
    let today: DemoDay

    func load(organisationIDs: [String: Int64]) throws {
        guard let jarvela = organisationIDs["jarvela"] else { return }
        try IdentityProviderStore(database).save(IdentityProvider(
            organisationID: jarvela, enabled: false, displayName: "Järvelän tunnus",
            issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
            clientID: "11111111-1111-1111-1111-111111111111", secretSource: .environment,
            secretReference: "TAITOTUTKA_OIDC_SECRET_JARVELA", allowedDomains: ["jarvela.example"], matchClaim: .email,
            hrNumberClaim: "employeeid", requireMFA: true, mfaACRValues: [],
            updatedAt: Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400 + 8 * 3600)), by: nil)
    }
}
