import Foundation
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

    /// Writes the audit line of a change made by the signed-in user.
    func auditChange(_ action: String, _ context: RequestContext, target: String, detail: String? = nil) {
        recordAudit(action, userID: context.principal?.userID, login: context.principal?.user.login,
                    address: context.request.clientAddress, target: target, detail: detail)
    }
}
