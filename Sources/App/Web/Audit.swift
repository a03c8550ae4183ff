import Foundation
import HTTPServer
import Storage

/// The audit log, as every feature writes it.
extension WebApp {
    /// Appends one audit line; a failure to write it is logged, not shown to the user.
    func recordAudit(_ action: String, userID: Int64?, login: String?, address: String?, target: String? = nil,
                     detail: String? = nil) {
        do {
            try audit.record(AuditEntry(userID: userID, login: login, action: action, target: target,
                                        clientAddress: address, detail: detail))
        } catch {
            logger.error("Could not write the audit line \(action): \(error)")
        }
    }

    /// Deactivates or reactivates a record that is never deleted (`change` stores it), writes the
    /// audit line `record.deactivate` or `record.reactivate`, and goes back to `back` with a notice.
    func switchActive(_ active: Bool, record: String, id: Int64, back: String, _ context: RequestContext,
                      _ change: () throws -> Void) throws -> Response {
        try change()
        auditChange(active ? "\(record).reactivate" : "\(record).deactivate", context, target: "\(record):\(id)")
        return context.redirect(back, notice: active ? "reactivated" : "deactivated")
    }

    /// Writes the audit line of a change made by the signed-in user.
    func auditChange(_ action: String, _ context: RequestContext, target: String, detail: String? = nil) {
        recordAudit(action, userID: context.principal?.userID, login: context.principal?.user.login,
                    address: context.request.clientAddress, target: target, detail: detail)
    }
}
