import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Single sign-on's pages through the real router: the configuration (administrators change it, the
/// organisation's HR reads it, the secret itself is never stored), the sign-in page's button, and the
/// callback's refusals that need no provider. The whole flow against a real provider is in
/// Tests/e2e/test_oidc.py.
@Suite("Single sign-on: pages")
struct SingleSignOnPagesTests {
    static let form: [String: String] = [
        "enabled": "on", "display_name": "Järvelä-tunnus", "issuer": "https://login.microsoftonline.com/tenant-id/v2.0",
        "client_id": "4f1c-client", "secret_source": "environment", "secret_reference": "TAITOTUTKA_OIDC_SECRET",
        "allowed_domains": "jarvela.example, Edu.Jarvela.Example", "match_claim": "hr_number", "hr_number_claim": "employeeid",
        "require_mfa": "on", "mfa_acr_values": "urn:strong",
    ]

    @Test func anAdministratorConfiguresAndHRReads() throws {
        let test = try TestApp()
        let world = try World(test)
        var admin = try test.staffBrowser("admin")
        let empty = try admin.get("/organisations/jarvela/sign-in-provider").text
        #expect(empty.contains("http://localhost/sign-in/oidc/callback") && empty.contains("name=\"issuer\""))
        #expect(try admin.post("/organisations/jarvela/sign-in-provider", Self.form).status.code == 303)
        let saved = try #require(try IdentityProviderStore(test.database).provider(organisationID: world.jarvela.id))
        #expect(saved.allowedDomains == ["jarvela.example", "edu.jarvela.example"] && saved.matchClaim == .hrNumber)
        #expect(saved.secretSource == .environment && saved.secretReference == "TAITOTUTKA_OIDC_SECRET" && saved.requireMFA)
        #expect(try AuditStore(test.database).latest(limit: 3).contains { $0.action == "identity_provider.save" })

        var hr = try test.staffBrowser("hr")
        let read = try hr.get("/organisations/jarvela/sign-in-provider").text
        #expect(read.contains("login.microsoftonline.com/tenant-id") && read.contains("employeeid"))
        #expect(!read.contains("name=\"issuer\""), "HR reads; the form is the administrator's")
        #expect(try hr.post("/organisations/jarvela/sign-in-provider", Self.form).status.code == 403)
        var otherHR = try test.staffBrowser("hr.koskenkyla")
        #expect(try otherHR.get("/organisations/jarvela/sign-in-provider").status.code == 404)
    }

    @Test func badConfigurationsAreRefusedFieldByField() throws {
        let test = try TestApp()
        _ = try World(test)
        var admin = try test.staffBrowser("admin")
        var form = Self.form
        form["issuer"] = "http://login.example/tenant"
        form["secret_reference"] = "the secret itself!"
        form["allowed_domains"] = "localhost"
        form["hr_number_claim"] = "employee id"
        let response = try admin.post("/organisations/jarvela/sign-in-provider", form)
        #expect(response.status.code == 422)
        let page = response.text
        for field in ["#issuer", "#secret_reference", "#allowed_domains", "#hr_number_claim"] {
            #expect(page.contains("href=\"\(field)\""), "no error for \(field)")
        }
        #expect(!page.contains("href=\"#client_id\""))
        form = Self.form
        form["secret_source"] = "file"
        form["secret_reference"] = "relative/secret"
        #expect(try admin.post("/organisations/jarvela/sign-in-provider", form).text.contains("href=\"#secret_reference\""))
    }

    @Test func theSignInPageShowsOnlyEnabledProviders() throws {
        let test = try TestApp()
        let world = try World(test)
        var visitor = Browser(app: test)
        #expect(!(try visitor.get("/sign-in").text.contains("/sign-in/sso/")))
        try AccessMatrixTests.unreachableProvider(world, test)
        let page = try visitor.get("/sign-in?next=/trainings").text
        #expect(page.contains("href=\"/sign-in/sso/jarvela?next=%2Ftrainings\"") && page.contains("Kirjaudu: Järvelä"))
        #expect(page.contains("name=\"password\""), "local passwords stay")
        // The provider cannot be reached: a page that says so, 502, and nothing recorded for the browser.
        let start = try test.send(.GET, "/sign-in/sso/jarvela")
        #expect(start.status.code == 502 && start.text.contains("Kirjautuminen ei onnistunut"))
        var disabled = try #require(try IdentityProviderStore(test.database).provider(organisationID: world.jarvela.id))
        disabled.enabled = false
        try IdentityProviderStore(test.database).save(disabled, by: nil)
        #expect(!(try visitor.get("/sign-in").text.contains("/sign-in/sso/")))
        #expect(try test.send(.GET, "/sign-in/sso/jarvela").status.code == 404)
        #expect(try test.send(.GET, "/sign-in/sso/nowhere").status.code == 404)
    }

    @Test func theCallbackRefusesUnknownForeignAndOldStatesOnce() throws {
        let test = try TestApp()
        let world = try World(test)
        try AccessMatrixTests.unreachableProvider(world, test)
        let english = [("Accept-Language", "en")]
        let unknown = try test.send(.GET, "/sign-in/oidc/callback?state=made-up&code=c", headers: english)
        #expect(unknown.status.code == 400 && unknown.text.contains("Start again from the sign-in page"))
        let swedish = try test.send(.GET, "/sign-in/oidc/callback", headers: [("Accept-Language", "sv")])
        #expect(swedish.status.code == 400 && swedish.text.contains("Börja om"))

        let store = IdentityProviderStore(test.database)
        func pending(_ state: String, age: TimeInterval) throws {
            try store.begin(PendingOIDCSignIn(
                stateHash: WebApp.digest(state), organisationID: world.jarvela.id, browserHash: WebApp.digest("browser"),
                nonce: "n", codeVerifier: "v", redirectURI: "http://localhost/sign-in/oidc/callback", returnPath: "/",
                createdAt: Date().addingTimeInterval(-age)), expiredBefore: Date().addingTimeInterval(-3600))
        }
        // Another browser (without the binding cookie) uses the state up.
        try pending("s1", age: 0)
        #expect(try test.send(.GET, "/sign-in/oidc/callback?state=s1&code=c").status.code == 400)
        #expect(try store.take(stateHash: WebApp.digest("s1")) == nil)
        // Too old: refused even from the right browser.
        try pending("s2", age: 11 * 60)
        let old = try test.send(.GET, "/sign-in/oidc/callback?state=s2&code=c", cookies: ["tt_oidc": "browser"], headers: english)
        #expect(old.status.code == 400 && old.headers.values("Set-Cookie").contains { $0.hasPrefix("tt_oidc=;") })
        // The right browser, in time, with the provider's error: declined, 403, and audited.
        try pending("s3", age: 0)
        let declined = try test.send(.GET, "/sign-in/oidc/callback?state=s3&error=access_denied",
                                     cookies: ["tt_oidc": "browser"], headers: english)
        #expect(declined.status.code == 403 && declined.text.contains("did not sign you in"))
        let line = try #require(try AuditStore(test.database).latest(limit: 1).first)
        #expect(line.action == "sign_in.failure" && (line.detail ?? "").contains("declined"))
    }
}
