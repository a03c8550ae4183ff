import Foundation
import HTTPServer
import Storage

struct SessionRowView {
    let device: String
    let address: String
    let signedIn: String
    let lastSeen: String
    let current: Bool
    let endAction: String
    let endLabel: String
}

struct SessionsView {
    let crumbs: [Crumb]
    let rows: [SessionRowView]
    let hasOthers: Bool
    let endOthersAction: String
}

extension WebApp {
    /// The person's own sessions that are still valid: device, address, sign-in and last use, the
    /// current one marked; each other one can be ended (an unknown device: end it, then change the
    /// password).
    func showSessions(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        let strings = context.strings
        let now = settings.now()
        let rows = try sessions.store.sessions(userID: principal.userID)
            .filter { sessions.isValid($0.record, now: now) }
            .map { session in
                SessionRowView(
                    device: session.device.isEmpty ? strings.text("sessions_unknown_device") : session.device,
                    address: session.clientAddress ?? "–", signedIn: strings.dateTime(session.createdAt),
                    lastSeen: strings.dateTime(session.lastSeenAt), current: session.id == principal.session.id,
                    endAction: Paths.endSession(session.id),
                    endLabel: strings.format("sessions_end_label", ["device": session.device, "time": strings.dateTime(session.createdAt)]))
            }
        let title = strings.text("sessions_title")
        return try context.render("auth/sessions", title: title, SessionsView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.sessions, label: title, current: true)],
            rows: rows, hasOthers: rows.contains { !$0.current }, endOthersAction: Paths.endOtherSessions))
    }

    /// Ends one of the person's own sessions (404 for anyone else's, and for the current one: that
    /// is signing out).
    func endSession(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        _ = try context.requireForm()
        let sessionID = try context.sessionID
        try changing {
            guard sessionID != principal.session.id,
                  try sessions.store.delete(sessionID: sessionID, userID: principal.userID) else { throw AppError.notFound }
            try auditChange("session.end", context, target: "user:\(principal.userID)", detail: "session \(sessionID)")
        }
        return context.redirect(Paths.sessions, notice: "session_removed")
    }

    /// Ends every session of the person but the current one.
    func endOtherSessions(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        _ = try context.requireForm()
        try changing {
            for session in try sessions.store.sessions(userID: principal.userID) where session.id != principal.session.id {
                try sessions.store.delete(sessionID: session.id, userID: principal.userID)
            }
            try auditChange("session.end_others", context, target: "user:\(principal.userID)")
        }
        return context.redirect(Paths.sessions, notice: "session_removed")
    }

    /// HR of the user's organisation or an administrator ends every session of a user (a lost phone,
    /// a leaver): the user must sign in again.
    func endUserSessions(_ request: Request, _ context: RequestContext) throws -> Response {
        let subject = try viewableUser(context)
        let userID = subject.user.id
        guard context.access.canManageUser(belongingTo: subject.organisationIDs, roles: subject.roles) else {
            throw AppError.forbidden
        }
        _ = try context.requireForm()
        try changing {
            try sessions.store.deleteAll(userID: userID)
            try auditChange("user.sessions_end", context, target: "user:\(userID)")
        }
        return context.redirect(Paths.user(userID), notice: "sessions_ended")
    }
}

extension SessionManager {
    /// Whether a stored session still lets its browser in (idle and absolute limits).
    func isValid(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) <= settings.sessionIdleTimeout
            && now.timeIntervalSince(session.createdAt) <= settings.sessionAbsoluteTimeout
    }
}
