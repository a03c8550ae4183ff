import Foundation
import GRDB

/// The organisations' identity providers, the sign-ins waiting for a provider's answer, and finding
/// the sign-in of the person a provider names.
public struct IdentityProviderStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Configuration

    /// The organisation's provider, enabled or not; nil when none is configured.
    public func provider(organisationID: Int64) throws(StorageError) -> IdentityProvider? {
        try database.reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM identity_providers WHERE organisation_id = ?",
                             arguments: [organisationID]).map(Self.provider(row:))
        }
    }

    /// The enabled providers for the sign-in page, by organisation name.
    public func enabledProviders() throws(StorageError) -> [SignInProviderListing] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT o.slug, o.name, p.display_name FROM identity_providers p
                JOIN organisations o ON o.id = p.organisation_id
                WHERE p.enabled = 1 ORDER BY o.name
                """).map { SignInProviderListing(organisationSlug: $0["slug"], organisationName: $0["name"],
                                                 displayName: $0["display_name"]) }
        }
    }

    /// Saves the organisation's provider, replacing the earlier configuration.
    public func save(_ provider: IdentityProvider, by userID: Int64?) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO identity_providers (organisation_id, enabled, display_name, issuer, client_id, secret_source,
                    secret_reference, allowed_domains, match_claim, hr_number_claim, require_mfa, mfa_acr_values,
                    updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET enabled = excluded.enabled,
                    display_name = excluded.display_name, issuer = excluded.issuer, client_id = excluded.client_id,
                    secret_source = excluded.secret_source, secret_reference = excluded.secret_reference,
                    allowed_domains = excluded.allowed_domains, match_claim = excluded.match_claim,
                    hr_number_claim = excluded.hr_number_claim, require_mfa = excluded.require_mfa,
                    mfa_acr_values = excluded.mfa_acr_values, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """, arguments: [provider.organisationID, provider.enabled, provider.displayName, provider.issuer,
                                 provider.clientID, provider.secretSource.rawValue, provider.secretReference,
                                 provider.allowedDomains.joined(separator: " "), provider.matchClaim.rawValue,
                                 provider.hrNumberClaim, provider.requireMFA, provider.mfaACRValues.joined(separator: " "),
                                 provider.updatedAt, userID])
        }
    }

    private static func provider(row: Row) throws -> IdentityProvider {
        guard let source = IdentityProvider.SecretSource(rawValue: row["secret_source"]),
              let claim = IdentityProvider.MatchClaim(rawValue: row["match_claim"])
        else { throw DatabaseError(message: "identity_providers holds an unknown secret source or claim") }
        return IdentityProvider(
            organisationID: row["organisation_id"], enabled: row["enabled"], displayName: row["display_name"],
            issuer: row["issuer"], clientID: row["client_id"], secretSource: source,
            secretReference: row["secret_reference"], allowedDomains: words(row["allowed_domains"]),
            matchClaim: claim, hrNumberClaim: row["hr_number_claim"], requireMFA: row["require_mfa"],
            mfaACRValues: words(row["mfa_acr_values"]), updatedAt: row["updated_at"])
    }

    private static func words(_ text: String) -> [String] {
        text.split(separator: " ").map(String.init)
    }

    // MARK: - Sign-ins waiting for the provider

    /// Records a sign-in sent to the provider, and forgets those older than `expiredBefore`.
    public func begin(_ signIn: PendingOIDCSignIn, expiredBefore: Date) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM oidc_sign_ins WHERE created_at < ?", arguments: [expiredBefore])
            try db.execute(sql: """
                INSERT INTO oidc_sign_ins (state_hash, organisation_id, browser_hash, nonce, code_verifier, redirect_uri,
                    return_path, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [signIn.stateHash, signIn.organisationID, signIn.browserHash, signIn.nonce,
                                 signIn.codeVerifier, signIn.redirectURI, signIn.returnPath, signIn.createdAt])
        }
    }

    /// Takes the waiting sign-in whose state hashes to `stateHash` out of the table, so a `state` is
    /// used at most once whatever follows; nil when there is none (unknown, or used already).
    public func take(stateHash: Data) throws(StorageError) -> PendingOIDCSignIn? {
        try database.writing { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM oidc_sign_ins WHERE state_hash = ?",
                                             arguments: [stateHash]) else { return nil }
            try db.execute(sql: "DELETE FROM oidc_sign_ins WHERE state_hash = ?", arguments: [stateHash])
            return PendingOIDCSignIn(
                stateHash: row["state_hash"], organisationID: row["organisation_id"], browserHash: row["browser_hash"],
                nonce: row["nonce"], codeVerifier: row["code_verifier"], redirectURI: row["redirect_uri"],
                returnPath: row["return_path"], createdAt: row["created_at"])
        }
    }

    // MARK: - The person the provider names

    /// The sign-ins of the organisation's employees whose e-mail is `email` (compared without case).
    public func candidates(organisationID: Int64, email: String) throws(StorageError) -> [SingleSignOnCandidate] {
        try candidates(sql: "e.organisation_id = ? AND lower(e.email) = lower(?)", arguments: [organisationID, email])
    }

    /// The sign-ins of the organisation's employees whose HR number is `hrNumber`.
    public func candidates(organisationID: Int64, hrNumber: String) throws(StorageError) -> [SingleSignOnCandidate] {
        try candidates(sql: "e.organisation_id = ? AND e.hr_number = ?", arguments: [organisationID, hrNumber])
    }

    private func candidates(sql condition: String, arguments: StatementArguments) throws(StorageError) -> [SingleSignOnCandidate] {
        try database.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT u.id, e.active FROM employees e JOIN users u ON u.employee_id = e.id WHERE \(condition)
                """, arguments: arguments).map { SingleSignOnCandidate(userID: $0["id"], employeeActive: $0["active"]) }
        }
    }
}
