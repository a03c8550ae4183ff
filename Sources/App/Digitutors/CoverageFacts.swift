import Foundation
import HTTPServer
import Metrics
import Storage

/// What the coverage pages read about an organisation, and the coverage the pure rules make of it on
/// one day. The organisation's coverage page, a supervisor's view of their units and the printable
/// lists all start here, so they never disagree about who covers what.
struct TutorCoverageFacts: Sendable {
    /// The network's data version and the day the facts were computed for, and when.
    let version: String
    let day: CivilDay
    let builtAt: Date
    let units: [Stored<WorkUnit>]
    /// Active staff per unit (units without staff are missing).
    let staff: [Int64: Int]
    let staffed: [StaffedUnit]
    let tutors: [TutorDetails]
    let network: TutorNetwork
    let coverage: TutorCoverage

    func staff(of unitID: Int64) -> Int { staff[unitID] ?? 0 }
}

extension WebApp {
    /// The organisation's units, staff and tutor network and the coverage on `day`, from the cache
    /// while the network is unchanged (`TutorCoverageCache`). Coverage is always computed over the
    /// whole organisation: a tutor named for a unit above a supervisor's units, with its sub-units,
    /// covers them too.
    func tutorCoverageFacts(_ organisationID: Int64, on day: CivilDay) throws -> TutorCoverageFacts {
        let version = try tutorStore.version()
        return try tutorCoverageCache.facts(organisationID: organisationID, version: version, day: day) {
            try readTutorCoverageFacts(organisationID, version: version, on: day)
        }
    }

    private func readTutorCoverageFacts(_ organisationID: Int64, version: String, on day: CivilDay) throws -> TutorCoverageFacts {
        let builtAt = Date()
        let unitList = try units.units(organisationID: organisationID)
        let staff = try tutorStore.staffPerUnit(organisationID: organisationID)
        let staffed = unitList.map { StaffedUnit(id: $0.id, parentID: $0.parentID, sectorID: $0.sectorID, staff: staff[$0.id] ?? 0) }
        let tutors = try tutorStore.tutors(organisationID: organisationID)
        let network = TutorNetwork(
            tutors: tutors.map { tutor in
                NetworkTutor(id: tutor.tutor.id, periods: tutor.history.compactMap { change in
                    CivilDay(iso: change.fromOn).map { TutorPeriod(Self.standing(change.status), from: $0) }
                }, plannedEnd: tutor.tutor.plannedEndOn.flatMap(CivilDay.init(iso:)))
            },
            assignments: tutors.flatMap { tutor in
                tutor.units.map { TutorAssignment(tutorID: tutor.tutor.id, unitID: $0.unitID, includesSubunits: $0.includesSubunits) }
            })
        return TutorCoverageFacts(version: version, day: day, builtAt: builtAt, units: unitList, staff: staff, staffed: staffed, tutors: tutors, network: network,
                                  coverage: TutorRules.coverage(on: day, units: staffed, network: network))
    }
}
