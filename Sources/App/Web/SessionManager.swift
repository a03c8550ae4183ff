import Crypto
import Foundation
import HTTPServer
import Storage

/// Creates, finds and ends sign-in sessions.
///
/// The browser holds a 128-bit random identifier; the database holds only its SHA-256, so a copy
/// of the database (a backup, say) cannot be used to sign in. Each session has its own CSRF token.
public struct SessionManager: Sendable {
    let store: SessionStore
    let users: UserStore
    let units: UnitStore
    let settings: AppSettings
    /// Writes to `last_seen_at` are skipped when the last one is this recent: a page view is then a
    /// pure read, and idle expiry is still exact to within this margin.
    static let touchInterval: TimeInterval = 60

    /// The cookie's name: `__Host-` binds it to this exact origin over HTTPS.
    var cookieName: String { settings.secureTransport ? "__Host-tt_session" : "tt_session" }

    /// Starts a session for `user`; returns the cookie to set.
    /// A session just started: the cookie that carries it and the token its forms must send.
    struct Started {
        let cookie: SetCookie
        let csrfToken: String
    }

    func start(for user: Stored<User>, clientAddress: String, device: String = "", now: Date = Date()) throws -> Started {
        let token = SecureRandom.bytes(16)
        let session = Session(
            tokenHash: Self.hash(token), userID: user.id, csrfToken: SecureRandom.token(byteCount: 24),
            createdAt: now, lastSeenAt: now, clientAddress: clientAddress, device: String(device.prefix(100)))
        _ = try store.create(session)
        _ = try? store.deleteExpired(
            idleBefore: now.addingTimeInterval(-settings.sessionIdleTimeout),
            createdBefore: now.addingTimeInterval(-settings.sessionAbsoluteTimeout))
        let cookie = try SetCookie(name: cookieName, value: Base64URL.encode(token), path: "/",
                                   secure: settings.secureTransport, httpOnly: true, sameSite: .lax)
        return Started(cookie: cookie, csrfToken: session.csrfToken)
    }

    /// The signed-in principal for the request's cookie, or nil when there is none or it has expired.
    func principal(for request: Request, now: Date = Date()) throws -> Principal? {
        guard let tokenHash = tokenHash(in: request),
              let found = try store.session(tokenHash: tokenHash)
        else { return nil }
        let session = found.session
        // Both writes here are housekeeping: when the database cannot take writes (a full disk, a
        // read-only file), reading pages must still work, so their failure is ignored. An expired
        // session is refused whether or not its row could be deleted.
        if !isValid(session.record, now: now) || found.user.disabled {
            try? store.delete(tokenHash: tokenHash)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) > Self.touchInterval {
            try? store.touch(sessionID: session.id, at: now)
        }
        let assignments = found.roles
        var supervised: Set<Int64> = []
        for assignment in assignments where assignment.role == .supervisor {
            if let unitID = assignment.unitID {
                supervised.formUnion(try units.unitAndDescendantIDs(of: unitID))
            }
        }
        return Principal(user: found.user, session: session, assignments: assignments, supervisedUnitIDs: supervised)
    }

    /// Ends the request's session, if any; returns the cookie that clears it in the browser.
    func end(for request: Request) throws -> SetCookie {
        if let tokenHash = tokenHash(in: request) {
            try store.delete(tokenHash: tokenHash)
        }
        return try SetCookie.expired(name: cookieName, secure: settings.secureTransport)
    }

    private func tokenHash(in request: Request) -> Data? {
        guard let value = request.cookies[cookieName], let token = Base64URL.decode(value), token.count == 16 else {
            return nil
        }
        return Self.hash(token)
    }

    static func hash(_ token: [UInt8]) -> Data {
        Data(SHA256.hash(data: token))
    }
}

extension Base64URL {
    static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
