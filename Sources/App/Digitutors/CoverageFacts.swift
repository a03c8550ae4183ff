import Foundation
import HTTPServer
import Metrics
import Storage

/// What the coverage pages read about an organisation, and the coverage the pure rules make of it on
/// one day. The organisation's coverage page, a supervisor's view of their units and the printable
/// lists all start here, so they never disagree about who covers what.
struct TutorCoverageFacts {
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
    /// Reads the organisation's units, staff and tutor network and computes the coverage on `day`.
    /// Coverage is always computed over the whole organisation: a tutor named for a unit above a
    /// supervisor's units, with its sub-units, covers them too.
    func tutorCoverageFacts(_ organisationID: Int64, on day: CivilDay) throws -> TutorCoverageFacts {
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
        return TutorCoverageFacts(units: unitList, staff: staff, staffed: staffed, tutors: tutors, network: network,
                                  coverage: TutorRules.coverage(on: day, units: staffed, network: network))
    }
}
