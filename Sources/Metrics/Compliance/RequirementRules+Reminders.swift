/// The reminders a person gets about one deadline.
public enum ReminderKind: String, Sendable, Hashable, CaseIterable {
    /// The person became due: the renewal window opened, or they became required.
    case windowOpens = "window_opens"
    case fourteenDaysBefore = "fourteen_days_before"
    case dueDay = "due_day"
    /// Only when overdue.
    case sevenDaysAfter = "seven_days_after"
}

/// One reminder that is due to be sent: what kind, about which deadline, dated which day.
public struct ReminderEvent: Sendable, Hashable {
    public let kind: ReminderKind
    public let deadline: CivilDay
    public let date: CivilDay

    public init(kind: ReminderKind, deadline: CivilDay, date: CivilDay) {
        self.kind = kind
        self.deadline = deadline
        self.date = date
    }

    /// "2026-12-31|due_day": with the person and requirement, what makes sending idempotent. It holds
    /// no send date, so the same reminder has the same key every day until it is sent; a new
    /// deadline (after a renewal, or moved by an exemption) gives new keys.
    public var key: String { "\(deadline.iso)|\(kind.rawValue)" }
}

extension RequirementRules {
    /// The reminders dated on or before `today` for the deadline the person is due or overdue against
    /// today; none while they are valid outside the window, exempt, not required or gone. The caller
    /// sends those whose key it has not sent yet, so a day missed by the mailer is caught up later.
    ///
    /// The window-opening reminder is dated the first day they were due against this deadline
    /// (`deadline − window` for a completion in force; the day they became required, or came back
    /// from an exemption that moved the deadline, for someone without one). The others are dated
    /// 14 days before, on, and 7 days after the deadline, but only when later than the window-opening
    /// date: a reminder is never back-dated to before the person was due, and the opening message
    /// already names the deadline.
    public static func reminders(rule: RequirementRule, person: RequirementPerson, completions: [CivilDay],
                                 exemptions: [ExemptionPeriod], today: CivilDay) -> [ReminderEvent] {
        let evaluation = evaluate(on: today, rule: rule, person: person, completions: completions, exemptions: exemptions)
        guard let deadline = evaluation.status.deadline, let dueFrom = evaluation.dueFrom else { return [] }
        let later: [(ReminderKind, CivilDay)] = [
            (.fourteenDaysBefore, deadline.adding(days: -14)),
            (.dueDay, deadline),
            // Dated after the deadline, so on or before today only while overdue.
            (.sevenDaysAfter, deadline.adding(days: 7)),
        ]
        return [ReminderEvent(kind: .windowOpens, deadline: deadline, date: dueFrom)]
            + later.filter { $0.1 > dueFrom && $0.1 <= today }
                .map { ReminderEvent(kind: $0.0, deadline: deadline, date: $0.1) }
    }

    /// Whether a reminder still has a cause: the status is due or overdue against its deadline. A
    /// queued reminder is dropped once the person completes, is exempted or leaves.
    public static func isStillDue(_ event: ReminderEvent, status: RequirementStatus) -> Bool {
        status.deadline == event.deadline
    }
}
