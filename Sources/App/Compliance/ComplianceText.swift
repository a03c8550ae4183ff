import Foundation
import Metrics
import Storage

/// How statuses and rules read, in the reader's language.
extension Strings {
    /// "Valid until 31.12.2027", "Due 15.1.2027 (12 days)", "Overdue 5 days (since 31.12.2026)"…
    func requirementStatus(_ status: RequirementStatus) -> String {
        switch status {
        case .notRequired: return text("compliance_status_not_required")
        case .valid(let until):
            return until.map { format("compliance_status_valid_until", ["date": date($0.iso)]) }
                ?? text("compliance_status_valid")
        case .due(let on, let daysLeft, _):
            return format(daysLeft == 0 ? "compliance_status_due_today" : "compliance_status_due",
                          ["date": date(on.iso), "days": number(daysLeft)])
        case .overdue(let since, let days):
            return format("compliance_status_overdue", ["date": date(since.iso), "days": number(days)])
        case .exempt(let until):
            return format("compliance_status_exempt", ["date": date(until.iso)])
        }
    }

    /// One word for a status kind, for tables and counts.
    func requirementKind(_ kind: RequirementStatus.Kind) -> String {
        text("compliance_kind_" + Self.kindName(kind))
    }

    static func kindName(_ kind: RequirementStatus.Kind) -> String {
        switch kind {
        case .notRequired: "not_required"
        case .valid: "valid"
        case .due: "due"
        case .overdue: "overdue"
        case .exempt: "exempt"
        }
    }

    /// "Every 12 months, due by 31 December; renewal opens 60 days before; new staff within 90 days."
    func requirementRule(_ version: RequirementVersion) -> String {
        var parts: [String] = []
        if let months = version.validityMonths {
            parts.append(format("compliance_rule_every", ["months": number(months)]))
        } else {
            parts.append(text("compliance_rule_once"))
        }
        if version.anchor == .yearly, let month = version.anchorMonth, let day = version.anchorDay {
            parts.append(format("compliance_rule_yearly", ["date": dayAndMonth(day: day, month: month)]))
        }
        if version.validityMonths != nil {
            parts.append(format("compliance_rule_window", ["days": number(version.renewalWindowDays)]))
        }
        parts.append(format("compliance_rule_new_hire", ["days": number(version.newHireGraceDays)]))
        return parts.joined(separator: "; ")
    }

    /// 31.12. in Finnish and Swedish, 31 December in English.
    func dayAndMonth(day: Int, month: Int) -> String {
        language == .en ? "\(day) \(text("month_\(month)"))" : "\(day).\(month)."
    }
}

extension RequirementStatus {
    /// The CSS class that colours a status (the text always says it too).
    var cssClass: String { "status-" + Strings.kindName(kind).replacingOccurrences(of: "_", with: "-") }

    /// Worst first: overdue, due, exempt, valid, not required.
    var urgency: Int {
        switch self {
        case .overdue(_, let days): return 4_000_000 + days
        case .due(_, let daysLeft, _): return 3_000_000 - daysLeft
        case .exempt: return 2_000_000
        case .valid: return 1_000_000
        case .notRequired: return 0
        }
    }
}
