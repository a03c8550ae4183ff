/// Links of required training (`Compliance/`), printed from typed values like every other path.
extension Paths {
    static func requirements(_ slug: String) -> String { organisation(slug) + "/requirements" }
    static func newRequirement(_ slug: String) -> String { requirements(slug) + "/new" }
    static func requirement(_ requirementID: Int64) -> String { "/requirements/\(requirementID)" }
    static func minimumLevels(_ slug: String) -> String { organisation(slug) + "/minimum-levels" }

    /// The requirement's page on a day other than today (an audit) and for a unit's part of the tree.
    static func requirement(_ requirementID: Int64, on day: String?, unit: Int64?) -> String {
        query(requirement(requirementID), [("on", day), ("unit", unit.map(String.init))])
    }

    /// Everyone's status as CSV (today when no day is given).
    static func requirementStatuses(_ requirementID: Int64) -> String { requirement(requirementID) + "/statuses.csv" }

    static func requirementStatuses(_ requirementID: Int64, on day: String, unit: Int64?) -> String {
        query(requirementStatuses(requirementID), [("on", day), ("unit", unit.map(String.init))])
    }

    static func changeRequirement(_ requirementID: Int64) -> String { requirement(requirementID) + "/change" }
    static func retireRequirement(_ requirementID: Int64) -> String { requirement(requirementID) + "/retire" }
    static func requirementExemptions(_ requirementID: Int64) -> String { requirement(requirementID) + "/exemptions" }
    static func endExemption(_ exemptionID: Int64) -> String { "/exemptions/\(exemptionID)/end" }
    static func unitRequirements(_ unitID: Int64) -> String { unit(unitID) + "/requirements" }
    static func unitRequirements(_ unitID: Int64, sort: String) -> String { unitRequirements(unitID) + "?sort=" + sort }
    static func unitPaperReminders(_ unitID: Int64) -> String { unitRequirements(unitID) + "/reminders" }

    /// `base` with the given query items, leaving out empty ones. Values here are dates and numbers.
    private static func query(_ base: String, _ items: [(String, String?)]) -> String {
        let present = items.compactMap { name, value in value.map { "\(name)=\($0)" } }
        return present.isEmpty ? base : base + "?" + present.joined(separator: "&")
    }
}
