import Foundation

/// An organisation's OpenID Connect identity provider, as an administrator configured it.
///
/// The client secret is not here: only where the server reads it from (`secretSource` and
/// `secretReference`), so neither the database nor a backup of it holds the secret.
public struct IdentityProvider: Sendable, Equatable {
    /// Where the client secret is kept on the server.
    public enum SecretSource: String, Sendable, CaseIterable {
        /// A file's path; the file holds the secret (a trailing newline is ignored).
        case file
        /// An environment variable's name.
        case environment
    }

    /// Which claim of the ID token names the employee.
    public enum MatchClaim: String, Sendable, CaseIterable {
        /// The `email` claim against the roster's e-mail addresses.
        case email
        /// An extension claim (named by `hrNumberClaim`, e.g. Entra ID's `employeeid`) against HR numbers.
        case hrNumber = "hr_number"
    }

    public var organisationID: Int64
    public var enabled: Bool
    /// The name on the sign-in page's button.
    public var displayName: String
    public var issuer: String
    public var clientID: String
    public var secretSource: SecretSource
    /// The file's path or the environment variable's name.
    public var secretReference: String
    /// Lower-case domains; the person's e-mail must be in one of them.
    public var allowedDomains: [String]
    public var matchClaim: MatchClaim
    public var hrNumberClaim: String
    /// Whether HR, tutor coordinators and administrators must have signed in with more than one factor.
    public var requireMFA: Bool
    /// `acr` values that count as multi-factor authentication, besides the `amr` claim.
    public var mfaACRValues: [String]
    public var updatedAt: Date

    public init(organisationID: Int64, enabled: Bool, displayName: String, issuer: String, clientID: String,
                secretSource: SecretSource, secretReference: String, allowedDomains: [String],
                matchClaim: MatchClaim, hrNumberClaim: String, requireMFA: Bool, mfaACRValues: [String],
                updatedAt: Date = Date()) {
        self.organisationID = organisationID
        self.enabled = enabled
        self.displayName = displayName
        self.issuer = issuer
        self.clientID = clientID
        self.secretSource = secretSource
        self.secretReference = secretReference
        self.allowedDomains = allowedDomains
        self.matchClaim = matchClaim
        self.hrNumberClaim = hrNumberClaim
        self.requireMFA = requireMFA
        self.mfaACRValues = mfaACRValues
        self.updatedAt = updatedAt
    }
}

/// A provider on the sign-in page: the organisation it belongs to and the button's name.
public struct SignInProviderListing: Sendable, Equatable {
    public let organisationSlug: String
    public let organisationName: String
    public let displayName: String
}

/// A sign-in sent to the provider, waiting for its answer.
public struct PendingOIDCSignIn: Sendable, Equatable {
    /// SHA-256 of the `state` sent to the provider.
    public var stateHash: Data
    public var organisationID: Int64
    /// SHA-256 of the value of the cookie that binds the sign-in to the browser that started it.
    public var browserHash: Data
    public var nonce: String
    public var codeVerifier: String
    public var redirectURI: String
    /// Where the person goes once signed in (a local path).
    public var returnPath: String
    public var createdAt: Date

    public init(stateHash: Data, organisationID: Int64, browserHash: Data, nonce: String, codeVerifier: String,
                redirectURI: String, returnPath: String, createdAt: Date) {
        self.stateHash = stateHash
        self.organisationID = organisationID
        self.browserHash = browserHash
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.redirectURI = redirectURI
        self.returnPath = returnPath
        self.createdAt = createdAt
    }
}

/// A sign-in found for the person the provider named: the user and whether the roster still has them.
public struct SingleSignOnCandidate: Sendable {
    public let userID: Int64
    public let employeeActive: Bool
}
