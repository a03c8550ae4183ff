import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// Single sign-on's rows: anonymous, employee, supervisor A, supervisor B, HR of the other
    /// organisation, HR, admin.
    static let singleSignOnRows: [Row] = [
        // Anyone may start a sign-in; the provider here cannot be reached, so everyone gets the
        // refusal page (502), not a 403 or 404.
        Row(route: "GET /sign-in/sso/:slug", path: { world, test in
            try unreachableProvider(world, test)
            return "/sign-in/sso/jarvela"
        }, expected: [A, A, A, A, A, A, A]),
        // The provider's answer is for anyone; an unknown state is refused as expired (400).
        Row(route: "GET /sign-in/oidc/callback", path: { _, _ in "/sign-in/oidc/callback?state=unknown&code=x" },
            expected: [A, A, A, A, A, A, A]),
        // The organisation's HR reads the configuration; other organisations' HR get 404.
        Row(route: "GET /organisations/:slug/sign-in-provider", path: { _, _ in "/organisations/jarvela/sign-in-provider" },
            expected: [S, F, F, F, H, A, A]),
        // Only administrators change it.
        Row(route: "POST /organisations/:slug/sign-in-provider", path: { _, _ in "/organisations/jarvela/sign-in-provider" },
            expected: [S, F, F, F, F, F, A]),
    ]

    /// Järvelä's provider, enabled, at an address where nothing listens.
    static func unreachableProvider(_ world: World, _ test: TestApp) throws {
        try IdentityProviderStore(test.database).save(IdentityProvider(
            organisationID: world.jarvela.id, enabled: true, displayName: "Järvelä", issuer: "https://127.0.0.1:1",
            clientID: "taitotutka", secretSource: .environment, secretReference: "TAITOTUTKA_TEST_SECRET",
            allowedDomains: ["jarvela.example"], matchClaim: .email, hrNumberClaim: "employeeid", requireMFA: false,
            mfaACRValues: []), by: nil)
    }
}
