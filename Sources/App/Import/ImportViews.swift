import Foundation
import Storage

struct ImportFormView {
    let organisationName: String
    let slug: String
    let columns: [ImportColumnLine]
    let error: String?
    let recent: [RecentImportLine]
    let hasRecent: Bool
}

struct ImportColumnLine {
    let name: String
    let headers: String
    let required: Bool
}

/// One applied import in the import page's history.
struct RecentImportLine {
    let when: String
    let who: String
    let fileName: String
    let summary: String
    /// "12 still inactive" and the form that reactivates them, when any are.
    let reactivatable: String?
    let reactivateAction: String
    let reactivateLabel: String
}

struct ImportCount {
    let label: String
    let value: String
}

struct RejectedLine {
    let line: String
    let hrNumber: String
    let reasons: [String]
}

/// The warning a preview shows when applying would deactivate anyone.
struct DeactivationWarning {
    let headline: String
    let explanation: String
    let rows: [DeactivatedLine]
    let more: String?
    let isLarge: Bool
    /// The confirmation checkbox's label and value (the number, which the server checks).
    let confirmLabel: String
    let count: String
}

struct DeactivatedLine {
    let name: String
    let hrNumber: String
    let unit: String
    let reason: String
}

struct ImportPreviewView {
    let organisationName: String
    let slug: String
    let fileName: String
    let fileFacts: String
    let counts: [ImportCount]
    let rejected: [RejectedLine]
    let hasRejected: Bool
    let rejectedSummary: String
    let sectorsCreated: String?
    let unitsCreated: String?
    let notices: [String]
    let pendingID: String?
    let deactivation: DeactivationWarning?
    let error: String?
    let applyAction: String
    let confirmAction: String
    let cancelHref: String
}

/// The second step of a large deactivation: its own page, the number typed.
struct ImportConfirmView {
    let organisationName: String
    let slug: String
    let fileName: String
    let pendingID: String
    let deactivation: DeactivationWarning
    let typedLabel: String
    let typed: String
    let error: String?
    let applyAction: String
    let cancelHref: String
}

extension Strings {
    /// The deactivation warning of an import's outcome; nil when it deactivates no one.
    func deactivationWarning(_ outcome: EmployeeImportOutcome, unitNames: [Int64: String]) -> DeactivationWarning? {
        guard outcome.deactivated > 0 else { return nil }
        let shown = 500
        let rows = outcome.deactivations.prefix(shown).map { item in
            DeactivatedLine(name: "\(item.lastName) \(item.firstName)", hrNumber: item.hrNumber,
                            unit: item.unitID.flatMap { unitNames[$0] } ?? "–",
                            reason: text("import_deactivation_reason_\(item.reason.rawValue)"))
        }
        let count = number(outcome.deactivated)
        let large = DeactivationSafety.isLarge(outcome)
        return DeactivationWarning(
            headline: format("import_deactivation_headline", [
                "count": count, "share": share(outcome.deactivatedShare), "active": number(outcome.activeBefore),
            ]),
            explanation: text(large ? "import_deactivation_large" : "import_deactivation_small"),
            rows: Array(rows),
            more: outcome.deactivations.count > shown
                ? format("import_deactivation_more", ["count": number(outcome.deactivations.count - shown)]) : nil,
            isLarge: large,
            confirmLabel: format("import_deactivation_confirm", ["count": count]),
            count: String(outcome.deactivated))
    }

    /// A share as a percentage with one decimal, e.g. "99,7 %": a whole percent would call 4 of 1,170 "0 %".
    func share(_ share: Double) -> String {
        format("import_percent", ["value": decimal(share * 100)])
    }
}
