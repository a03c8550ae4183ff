import Foundation
import Storage

/// The provider configuration form, read and checked. Each problem is tied to its field.
struct IdentityProviderForm {
    var enabled = false
    var displayName = ""
    var issuer = ""
    var clientID = ""
    var secretSource = IdentityProvider.SecretSource.file
    var secretReference = ""
    var allowedDomains = ""
    var matchClaim = IdentityProvider.MatchClaim.email
    var hrNumberClaim = "employeeid"
    /// A new configuration starts by asking the provider to show MFA for HR, coordinators and
    /// administrators (OWASP ASVS 5.0 6.3.3); an administrator may untick it.
    var requireMFA = true
    var mfaACRValues = ""

    init() {}

    init(_ provider: IdentityProvider) {
        enabled = provider.enabled
        displayName = provider.displayName
        issuer = provider.issuer
        clientID = provider.clientID
        secretSource = provider.secretSource
        secretReference = provider.secretReference
        allowedDomains = provider.allowedDomains.joined(separator: " ")
        matchClaim = provider.matchClaim
        hrNumberClaim = provider.hrNumberClaim
        requireMFA = provider.requireMFA
        mfaACRValues = provider.mfaACRValues.joined(separator: " ")
    }

    init(_ form: FormInput) {
        enabled = form["enabled"] == "on"
        displayName = String((form["display_name"] ?? "").prefix(200))
        issuer = String((form["issuer"] ?? "").prefix(1000))
        clientID = String((form["client_id"] ?? "").prefix(1000))
        secretSource = form["secret_source"].flatMap(IdentityProvider.SecretSource.init(rawValue:)) ?? .file
        secretReference = String((form["secret_reference"] ?? "").prefix(1000))
        allowedDomains = String((form["allowed_domains"] ?? "").prefix(1000))
        matchClaim = form["match_claim"].flatMap(IdentityProvider.MatchClaim.init(rawValue:)) ?? .email
        hrNumberClaim = String((form["hr_number_claim"] ?? "").prefix(200))
        requireMFA = form["require_mfa"] == "on"
        mfaACRValues = String((form["mfa_acr_values"] ?? "").prefix(1000))
    }

    /// The domains as typed, separated by spaces or commas, lower-cased.
    var domainList: [String] {
        allowedDomains.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" }).map(String.init)
    }

    var acrList: [String] {
        mfaACRValues.split(separator: " ").map(String.init)
    }

    /// The configuration to save, or the form's problems (locale keys per field).
    func validated(organisationID: Int64, now: Date) -> Result<IdentityProvider, FieldProblems> {
        var problems = FieldProblems()
        if displayName.isEmpty || displayName.count > 80 { problems.add("display_name", "oidc_error_display_name") }
        if issuer.count > 500 || !OIDCBackChannel.isAllowed(issuer) || issuer.contains("?") {
            problems.add("issuer", "oidc_error_issuer")
        }
        if clientID.isEmpty || clientID.count > 300 || clientID.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            problems.add("client_id", "oidc_error_client_id")
        }
        switch secretSource {
        case .file:
            if !secretReference.hasPrefix("/") || secretReference.count > 500 { problems.add("secret_reference", "oidc_error_secret_file") }
        case .environment:
            if !Self.isVariableName(secretReference) { problems.add("secret_reference", "oidc_error_secret_variable") }
        }
        let domains = domainList
        if domains.isEmpty || domains.count > 20 || !domains.allSatisfy(Self.isDomain) {
            problems.add("allowed_domains", "oidc_error_domains")
        }
        if matchClaim == .hrNumber && !Self.isClaimName(hrNumberClaim) { problems.add("hr_number_claim", "oidc_error_claim") }
        if mfaACRValues.count > 500 || !acrList.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F } }) {
            problems.add("mfa_acr_values", "oidc_error_acr")
        }
        guard problems.isEmpty else { return .failure(problems) }
        return .success(IdentityProvider(
            organisationID: organisationID, enabled: enabled, displayName: displayName, issuer: issuer, clientID: clientID,
            secretSource: secretSource, secretReference: secretReference, allowedDomains: domains, matchClaim: matchClaim,
            hrNumberClaim: hrNumberClaim.isEmpty ? "employeeid" : hrNumberClaim, requireMFA: requireMFA,
            mfaACRValues: acrList, updatedAt: now))
    }

    /// An environment variable's name: letters, digits and underscores, not starting with a digit.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first), text.count <= 100 else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0)
            || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A DNS name of at least two labels of letters, digits and hyphens.
    static func isDomain(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return text.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }

    /// A claim's name: letters, digits and `_ . : / -`, as Entra ID's extension claims are spelled.
    static func isClaimName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_.:/-".unicodeScalars.contains($0)
        }
    }
}

/// Problems of a form, as field name and locale key, in the order found.
struct FieldProblems: Error {
    private(set) var items: [(field: String, key: String)] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func add(_ field: String, _ key: String) {
        items.append((field, key))
    }
}
