import Testing
@testable import Metrics

/// A date from ISO text; records an issue (instead of crashing) if a test writes a bad one.
func civil(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) -> CivilDay {
    guard let day = CivilDay(iso: iso) else {
        Issue.record("not a valid test date: \(iso)", sourceLocation: sourceLocation)
        return CivilDay(daysSinceEpoch: 0)
    }
    return day
}

/// The rules the compliance tables use, named for what they are.
enum ComplianceRules {
    /// Yearly, counted from the completion: 12 months, a 60-day window, 90 days for new hires;
    /// in force from 1.1.2026, staff first due 30.6.2026.
    static let annual = RequirementRule(
        validityMonths: 12, renewalWindowDays: 60, anchor: .completionDate, newHireGraceDays: 90,
        firstDueOn: civil("2026-06-30"), inForceFrom: civil("2026-01-01"))

    /// The same with no renewal window.
    static let annualNoWindow = RequirementRule(
        validityMonths: 12, renewalWindowDays: 0, anchor: .completionDate, newHireGraceDays: 90,
        firstDueOn: civil("2026-06-30"), inForceFrom: civil("2026-01-01"))

    /// A window as long as the validity: a misconfiguration the rules must survive.
    static let annualHugeWindow = RequirementRule(
        validityMonths: 12, renewalWindowDays: 400, anchor: .completionDate, newHireGraceDays: 90,
        firstDueOn: civil("2026-06-30"), inForceFrom: civil("2026-01-01"))

    /// Yearly on a fixed date, 31 December: 12 months, a 60-day window, 90 days for new hires;
    /// in force from 1.1.2026, staff first due 31.12.2026.
    static let endOfYear = RequirementRule(
        validityMonths: 12, renewalWindowDays: 60, anchor: .yearly(month: 12, day: 31), newHireGraceDays: 90,
        firstDueOn: civil("2026-12-31"), inForceFrom: civil("2026-01-01"))

    /// Yearly on 29 February (28 February in common years), 30-day window; in force from 1.1.2025.
    static let leapDay = RequirementRule(
        validityMonths: 12, renewalWindowDays: 30, anchor: .yearly(month: 2, day: 29), newHireGraceDays: 90,
        firstDueOn: civil("2025-12-31"), inForceFrom: civil("2025-01-01"))

    /// Once only: done once, valid for good; 60 days for new hires, staff first due 30.6.2026.
    static let once = RequirementRule(
        validityMonths: nil, renewalWindowDays: 30, anchor: .completionDate, newHireGraceDays: 60,
        firstDueOn: civil("2026-06-30"), inForceFrom: civil("2026-01-01"))

    /// A requirement before it was changed: valid 24 months, in force from 2025, first due 30.6.2025.
    static let before2027Change = RequirementRule(
        validityMonths: 24, renewalWindowDays: 60, anchor: .completionDate, newHireGraceDays: 90,
        firstDueOn: civil("2025-06-30"), inForceFrom: civil("2025-01-01"))

    /// The same requirement after HR shortened it to 12 months from 2027, first due under it 30.6.2027.
    static let after2027Change = RequirementRule(
        validityMonths: 12, renewalWindowDays: 60, anchor: .completionDate, newHireGraceDays: 90,
        firstDueOn: civil("2027-06-30"), inForceFrom: civil("2027-01-01"))
}

/// People the compliance tables use.
enum CompliancePeople {
    /// Employed long before any requirement came into force.
    static let staff = RequirementPerson(startDate: civil("2020-01-01"))
    static let noDates = RequirementPerson()

    static func startingOn(_ iso: String) -> RequirementPerson {
        RequirementPerson(startDate: civil(iso))
    }

    static func staffLeavingOn(_ iso: String) -> RequirementPerson {
        RequirementPerson(startDate: civil("2020-01-01"), endDate: civil(iso))
    }
}

func exemption(_ from: String, _ until: String) -> ExemptionPeriod {
    ExemptionPeriod(from: civil(from), until: civil(until))
}
