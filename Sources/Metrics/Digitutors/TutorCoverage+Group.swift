extension TutorCoverage {
    /// Staff, staff in covered units and distinct active tutors of any set of units taken from this
    /// coverage, such as the units a supervisor looks after (a unit with everything below it).
    ///
    /// Coverage itself is computed over the whole organisation, so that a tutor of a unit above the
    /// set, named with its sub-units, still covers the set's units; this only adds up the part asked
    /// for. A tutor counts once however many of the units they cover; one named only for a unit
    /// above the set without its sub-units does not count. Units not in the coverage count as
    /// uncovered; each unit counts once; negative staff counts as none.
    public func group(of units: [StaffedUnit]) -> GroupCoverage {
        var seen: Set<Int64> = []
        var staff = 0
        var coveredStaff = 0
        var covering: Set<Int64> = []
        for unit in units where seen.insert(unit.id).inserted {
            let count = max(0, unit.staff)
            let active = tutors(of: unit.id).active
            staff += count
            if !active.isEmpty {
                coveredStaff += count
                covering.formUnion(active)
            }
        }
        return GroupCoverage(staff: staff, coveredStaff: coveredStaff, tutors: covering.count)
    }
}
