/// The rules of required training: each person's status for a requirement on a day, from dates only.
///
/// Nothing stores a status. The app gives these functions the rule version in force on the day, the
/// person's employment dates, the dates of their completions of any training that satisfies the
/// requirement (the caller chooses those: a completion of a since-retired training and external
/// evidence are just dates here and count like any other), and their exemptions. Asking about an
/// earlier day answers "what was their status then?": completions after that day are ignored, so the
/// answer is history, not state.
public enum RequirementRules {
    /// What completions up to a day have earned, before deadlines and exemptions are considered.
    public enum Validity: Sendable, Hashable {
        case neverCompleted
        /// A once-only requirement was completed: valid with no end.
        case forever
        /// The last expiry of the completion chain; it may already have passed.
        case until(CivilDay)
    }

    /// Folds the completions on or before `day` in date order into one expiry chain.
    ///
    /// - A first completion, or one after the expiry has passed, counts afresh from its own date.
    /// - One inside the renewal window of the current expiry E (E − window ≤ c ≤ E) renews from E, so
    ///   renewing early loses nothing and dates never creep earlier year by year.
    /// - One while valid but before the window is counted from its own date, yet never shortens what
    ///   was already earned (the later of the two expiries wins).
    /// - With a yearly anchor every expiry is moved to the first anchor date on or after the counted
    ///   end, so a completion any time in 2026 with 12 months is valid until 31.12.2027.
    /// Same-day duplicates (two satisfying trainings on one day) count once, and a renewal window
    /// only renews when it opened after the completion that earned the expiry, so a window as long
    /// as the validity cannot stack completions done days apart.
    public static func validity(earnedBy completions: [CivilDay], rule: RequirementRule,
                                asOf day: CivilDay) -> Validity {
        let counted = completions.filter { $0 <= day }.sorted()
        guard let first = counted.first else { return .neverCompleted }
        guard let months = rule.validityMonths else { return .forever }
        var earnedOn = first
        var expiry = rule.expiry(countingFrom: first, months: months)
        for completion in counted.dropFirst() where completion > earnedOn {
            let windowOpens = expiry.adding(days: -rule.renewalWindowDays)
            if completion > expiry {
                expiry = rule.expiry(countingFrom: completion, months: months)
            } else if completion >= windowOpens && windowOpens > earnedOn {
                expiry = rule.expiry(countingFrom: expiry, months: months)
            } else {
                expiry = max(expiry, rule.expiry(countingFrom: completion, months: months))
            }
            earnedOn = completion
        }
        return .until(expiry)
    }

    /// The person's status on `day`. The rules, in the order they apply:
    ///
    /// 1. Not required before the rule is in force, before the person's start or after their last day.
    /// 2. A once-only requirement with any completion is valid for good, exemptions or not.
    /// 3. Valid on `day` with expiry E: due from the day the renewal window opens before the deadline
    ///    max(E, first deadline), else valid until E. On the deadline they are due with 0 days left.
    ///    During an exemption a valid person stays valid (they did it) and is not nagged.
    /// 4. Not valid and inside an exemption: exempt until the end of that (merged) exemption.
    /// 5. Not valid otherwise: the deadline is the lapsed expiry, or for someone who never completed
    ///    the first deadline (`firstDueOn`, or a new hire's start + grace); never earlier than the first
    ///    deadline, so old evidence that lapsed before the requirement existed does not make anyone
    ///    overdue before they were ever due. An exemption that has ended and that covered the deadline
    ///    (from ≤ deadline ≤ until) moves it to the exemption's end + grace: back from leave, they get
    ///    a new hire's grace. A deadline missed before an exemption began stays missed, and a planned
    ///    exemption that has not started yet excuses nothing. Due on and before the deadline, whatever
    ///    the window (a never-completed person is due from the day they are required); overdue after.
    public static func status(on day: CivilDay, rule: RequirementRule, person: RequirementPerson,
                              completions: [CivilDay], exemptions: [ExemptionPeriod]) -> RequirementStatus {
        evaluate(on: day, rule: rule, person: person, completions: completions, exemptions: exemptions).status
    }

    /// A status with, when it is due or overdue, the first day the person was due against its
    /// deadline (which the window-opening reminder is dated by).
    struct Evaluation {
        var status: RequirementStatus
        var dueFrom: CivilDay?
    }

    static func evaluate(on day: CivilDay, rule: RequirementRule, person: RequirementPerson,
                         completions: [CivilDay], exemptions: [ExemptionPeriod]) -> Evaluation {
        let requiredFrom = rule.requiredFrom(for: person)
        guard day >= requiredFrom, !person.hasLeft(by: day) else { return Evaluation(status: .notRequired) }
        let runs = ExemptionPeriod.merged(exemptions)
        let exemptToday = runs.first { $0.contains(day) }
        let firstDeadline = rule.firstDeadline(for: person)
        var lapsedExpiry: CivilDay?
        switch validity(earnedBy: completions, rule: rule, asOf: day) {
        case .forever:
            return Evaluation(status: .valid(until: nil))
        case .neverCompleted:
            lapsedExpiry = nil
        case let .until(expiry) where expiry >= day:
            if exemptToday != nil { return Evaluation(status: .valid(until: expiry)) }
            return whileValid(on: day, expiry: expiry, deadline: max(expiry, firstDeadline),
                              rule: rule, requiredFrom: requiredFrom, runs: runs)
        case let .until(expiry):
            lapsedExpiry = expiry
        }
        if let run = exemptToday { return Evaluation(status: .exempt(until: run.until)) }
        let base = lapsedExpiry.map { max($0, firstDeadline) } ?? firstDeadline
        let (deadline, resumedOn) = postponed(base, by: runs, endedBefore: day, grace: rule.newHireGraceDays)
        let dueFrom = firstDueDay(lapsedExpiry: lapsedExpiry, base: base, resumedOn: resumedOn,
                                  rule: rule, requiredFrom: requiredFrom, runs: runs)
        let status: RequirementStatus = day <= deadline
            ? .due(on: deadline, daysLeft: day.days(until: deadline), stillValid: false)
            : .overdue(since: deadline, days: deadline.days(until: day))
        return Evaluation(status: status, dueFrom: dueFrom)
    }

    /// Rule 3: valid on `day`; due only once the window before the deadline has opened.
    private static func whileValid(on day: CivilDay, expiry: CivilDay, deadline: CivilDay, rule: RequirementRule,
                                   requiredFrom: CivilDay, runs: [ExemptionPeriod]) -> Evaluation {
        let windowOpens = deadline.adding(days: -rule.renewalWindowDays)
        guard day >= windowOpens else { return Evaluation(status: .valid(until: expiry)) }
        return Evaluation(status: .due(on: deadline, daysLeft: day.days(until: deadline), stillValid: true),
                          dueFrom: firstDayOutside(runs, from: max(requiredFrom, windowOpens)))
    }

    /// Moves a deadline past each ended exemption that covered it, to that exemption's end + grace.
    /// Runs are in date order, so a moved deadline that lands in a later exemption moves again.
    /// Also returns the day after the last exemption that moved it: the person was due again from then.
    private static func postponed(_ deadline: CivilDay, by runs: [ExemptionPeriod], endedBefore day: CivilDay,
                                  grace: Int) -> (deadline: CivilDay, resumedOn: CivilDay?) {
        var deadline = deadline
        var resumedOn: CivilDay?
        for run in runs where run.until < day {
            guard run.contains(deadline) else { continue }
            deadline = max(deadline, run.until.adding(days: grace))
            resumedOn = run.until.adding(days: 1)
        }
        return (deadline, resumedOn)
    }

    /// The first day someone without a valid completion was due against their current deadline: for
    /// a lapsed completion, when the window opened on it (or the day after it lapsed, if that was
    /// sooner); for someone who never completed, the day they became required; after an exemption
    /// that moved the deadline, the day they came back; and never a day they were exempt. It depends
    /// only on the data, not on the day asked, so reminders dated by it are stable.
    private static func firstDueDay(lapsedExpiry: CivilDay?, base: CivilDay, resumedOn: CivilDay?,
                                    rule: RequirementRule, requiredFrom: CivilDay, runs: [ExemptionPeriod]) -> CivilDay {
        var start = requiredFrom
        if let expiry = lapsedExpiry {
            start = max(start, min(base.adding(days: -rule.renewalWindowDays), expiry.adding(days: 1)))
        }
        if let resumedOn { start = max(start, resumedOn) }
        return firstDayOutside(runs, from: start)
    }

    /// `day`, or the day after the (merged) exemption containing it.
    private static func firstDayOutside(_ runs: [ExemptionPeriod], from day: CivilDay) -> CivilDay {
        guard let run = runs.first(where: { $0.contains(day) }) else { return day }
        return run.until.adding(days: 1)
    }
}

extension RequirementRules.Evaluation {
    init(status: RequirementStatus) {
        self.init(status: status, dueFrom: nil)
    }
}
