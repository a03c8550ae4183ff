import Foundation
import HTTPServer
import Storage

/// The audit log, as every feature writes it.
///
/// A change and its audit line are one transaction: `changing` opens it, the store calls inside join
/// it, and `auditChange` writes the line into it. If the line cannot be written, the change is
/// undone and the user gets an error page, so the log never misses a change that was saved.
extension WebApp {
    /// Runs `change` — store calls and their `auditChange` — in one write transaction.
    func changing<T>(_ change: () throws -> T) throws -> T {
        try database.transaction(change)
    }

    /// Writes the audit line of a change made by the signed-in user, inside `changing`.
    func auditChange(_ action: String, _ context: RequestContext, target: String? = nil, detail: String? = nil) throws {
        try auditChange(action, userID: context.principal?.userID, login: context.principal?.user.login,
                        address: context.request.clientAddress, target: target, detail: detail)
    }

    /// Writes the audit line of a change made by the user named (signing in, before a principal exists).
    func auditChange(_ action: String, userID: Int64?, login: String?, address: String?, target: String? = nil,
                     detail: String? = nil) throws {
        try audit.recordChange(AuditEntry(userID: userID, login: login, action: action, target: target,
                                          clientAddress: address, detail: detail))
    }

    /// Appends an audit line that goes with no change (a failed sign-in, a throttled attempt). A failure
    /// to write it is logged: refusing the request would not make the attempt any less made.
    func recordEvent(_ action: String, userID: Int64?, login: String?, address: String?, target: String? = nil,
                     detail: String? = nil) {
        do {
            try audit.record(AuditEntry(userID: userID, login: login, action: action, target: target,
                                        clientAddress: address, detail: detail))
        } catch {
            logger.error("Could not write the audit line \(action): \(error)")
        }
    }

    /// Deactivates or reactivates a record that is never deleted (`change` stores it), writes the
    /// audit line `record.deactivate` or `record.reactivate` with it, and goes back to `back` with a notice.
    func switchActive(_ active: Bool, record: String, id: Int64, back: String, _ context: RequestContext,
                      _ change: () throws -> Void) throws -> Response {
        try changing {
            try change()
            try auditChange(active ? "\(record).reactivate" : "\(record).deactivate", context, target: "\(record):\(id)")
        }
        return context.redirect(back, notice: active ? "reactivated" : "deactivated")
    }
}
