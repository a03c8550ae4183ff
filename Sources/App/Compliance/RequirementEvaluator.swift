import Metrics
import Storage

/// A requirement made ready to tell anyone's status on any day: each version's rule as the pure
/// rules (`RequirementRules` in Metrics) take it, and who each version is for.
///
/// Nothing here is stored: a status is computed from the completion history, the person's dates, their
/// exemptions and the version in force on the day, so it cannot go stale.
struct RequirementEvaluator: Sendable {
    let definition: RequirementDefinition
    /// Each version's rule, with its satisfying trainings as a set made once (the reminder pass and the
    /// coverage views ask for every person).
    private let rules: [(from: CivilDay, rule: RequirementRule, details: RequirementVersionDetails, satisfying: Set<Int64>)]
    private let retiredOn: CivilDay?

    init(_ definition: RequirementDefinition) {
        self.definition = definition
        let inForceFrom = definition.inForceFrom.flatMap(CivilDay.init(iso:))
        rules = definition.versions.compactMap { details in
            guard let from = CivilDay(iso: details.version.effectiveFrom), let inForceFrom,
                  let rule = Self.rule(details.version, inForceFrom: inForceFrom) else { return nil }
            return (from, rule, details, Set(details.trainingIDs))
        }
        retiredOn = definition.requirement.retiredOn.flatMap(CivilDay.init(iso:))
    }

    var id: Int64 { definition.requirement.id }

    /// The version in force on `day`.
    func version(on day: CivilDay) -> RequirementVersionDetails? {
        rules.last { $0.from <= day }?.details
    }

    /// Every training that satisfies some version: the evidence to read.
    var trainingIDs: Set<Int64> { definition.allTrainingIDs }

    /// What the pure rules take for this person on `day`, or nil when the requirement does not apply
    /// to them then (retired, not yet in force, not in the audience of the version then in force).
    func inputs(_ person: CompliancePerson, on day: CivilDay, evidence: [EvidenceEntry], exemptions: [Stored<Exemption>],
                audience: AudienceFacts) -> RuleInputs? {
        if let retiredOn, day >= retiredOn { return nil }
        guard let current = rules.last(where: { $0.from <= day }),
              audience.includes(person, in: current.details.audience) else { return nil }
        let satisfying = current.satisfying
        let completions = evidence.compactMap { satisfying.contains($0.trainingID) ? CivilDay(iso: $0.completedOn) : nil }
        let periods = exemptions.compactMap { exemption -> ExemptionPeriod? in
            guard exemption.requirementID == id, let from = CivilDay(iso: exemption.fromOn),
                  let until = exemption.endedEarlyOn.flatMap(CivilDay.init(iso:)).map({ $0.adding(days: -1) })
                      ?? CivilDay(iso: exemption.untilOn), until >= from else { return nil }
            return ExemptionPeriod(from: from, until: until)
        }
        let dates = RequirementPerson(startDate: person.startDate.flatMap(CivilDay.init(iso:)),
                                      endDate: person.endDate.flatMap(CivilDay.init(iso:)))
        return RuleInputs(rule: current.rule, person: dates, completions: completions, exemptions: periods)
    }

    /// The person's status on `day`. `evidence` is their completions in force (of any training);
    /// `exemptions` theirs (of any requirement).
    func status(_ person: CompliancePerson, on day: CivilDay, evidence: [EvidenceEntry], exemptions: [Stored<Exemption>],
                audience: AudienceFacts) -> RequirementStatus {
        guard let inputs = inputs(person, on: day, evidence: evidence, exemptions: exemptions, audience: audience) else {
            return .notRequired
        }
        return RequirementRules.status(on: day, rule: inputs.rule, person: inputs.person, completions: inputs.completions,
                                       exemptions: inputs.exemptions)
    }

    /// The reminders due for the person today (see `RequirementRules.reminders`).
    func reminders(_ person: CompliancePerson, today: CivilDay, evidence: [EvidenceEntry], exemptions: [Stored<Exemption>],
                   audience: AudienceFacts) -> [ReminderEvent] {
        guard let inputs = inputs(person, on: today, evidence: evidence, exemptions: exemptions, audience: audience) else {
            return []
        }
        return RequirementRules.reminders(rule: inputs.rule, person: inputs.person, completions: inputs.completions,
                                          exemptions: inputs.exemptions, today: today)
    }

    /// The pure rule of a stored version.
    static func rule(_ version: Stored<RequirementVersion>, inForceFrom: CivilDay) -> RequirementRule? {
        guard let firstDue = CivilDay(iso: version.firstDueOn) else { return nil }
        let anchor: DueAnchor
        switch version.anchor {
        case .completion: anchor = .completionDate
        case .yearly:
            guard let month = version.anchorMonth, let day = version.anchorDay else { return nil }
            anchor = .yearly(month: month, day: day)
        }
        return RequirementRule(validityMonths: version.validityMonths, renewalWindowDays: version.renewalWindowDays,
                               anchor: anchor, newHireGraceDays: version.newHireGraceDays, firstDueOn: firstDue,
                               inForceFrom: inForceFrom)
    }
}

/// A person's part of a requirement as the pure rules take it.
struct RuleInputs {
    let rule: RequirementRule
    let person: RequirementPerson
    let completions: [CivilDay]
    let exemptions: [ExemptionPeriod]
}

/// What deciding whether someone is in a requirement's audience needs beyond the person: the unit
/// tree (a unit includes its sub-units) and who supervises.
struct AudienceFacts: Sendable {
    /// Unit id → its parent.
    let parents: [Int64: Int64]
    /// Employees whose sign-in supervises a unit.
    let supervisors: Set<Int64>
    /// Employees who are active digitutors today (the network's current members: a past day's audit
    /// counts today's tutors, which the page's rule history does not change).
    var tutors: Set<Int64> = []

    func includes(_ person: CompliancePerson, in audience: RequirementAudience) -> Bool {
        if audience.everyone { return true }
        if let sector = person.sectorID, audience.sectorIDs.contains(sector) { return true }
        if let group = person.jobGroup, audience.jobGroups.contains(group) { return true }
        if audience.roles.contains(.supervisors), supervisors.contains(person.id) { return true }
        if audience.roles.contains(.digitutors), tutors.contains(person.id) { return true }
        guard !audience.unitIDs.isEmpty, var unit = person.unitID else { return false }
        var steps = 0
        while steps < 64 {
            if audience.unitIDs.contains(unit) { return true }
            guard let parent = parents[unit] else { return false }
            unit = parent
            steps += 1
        }
        return false
    }
}
