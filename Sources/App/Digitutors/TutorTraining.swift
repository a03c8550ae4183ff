import Foundation
import HTTPServer
import Metrics
import Storage

/// One requirement's status for one tutor, in words (the colour only repeats it).
struct TutorTrainingCell {
    let title: String
    let status: String
    let statusClass: String
}

/// The tutor training at the top of the network page and on a tutor's page: how many have not done
/// each requirement aimed at digitutors, or, when there is none, a word and a link to make one.
struct TutorTrainingView {
    let hasRequirements: Bool
    /// "112 of 1 480 tutors have not completed “Digitutor basics”." per requirement.
    let counts: [String]
    let noneText: String
    let newRequirementHref: String
    let canCreate: Bool
}

/// The statuses of the organisation's tutor-training requirements for a set of tutors on one day.
struct TutorTrainingStatuses {
    /// The requirements whose version in force has the audience "digitutors", by title.
    let evaluators: [RequirementEvaluator]
    /// Tutor id → one status per evaluator, in `evaluators`' order.
    let statuses: [Int64: [RequirementStatus]]

    /// Whether a status means the tutor has not done it: overdue, or due without a completion still
    /// in force. Exempt and valid tutors have nothing to do; those not required are not counted.
    static func isMissing(_ status: RequirementStatus) -> Bool {
        status.kind == .overdue || (status.kind == .due && !status.isCompliant)
    }

    func cells(of tutorID: Int64, _ strings: Strings) -> [TutorTrainingCell] {
        let language = strings.language.rawValue
        return zip(evaluators, statuses[tutorID] ?? []).map { evaluator, status in
            TutorTrainingCell(title: evaluators.count > 1 ? evaluator.definition.requirement.title.text(language) + ": " : "",
                              status: status.kind == .notRequired ? "–" : strings.requirementStatus(status),
                              statusClass: status.kind == .notRequired ? "" : status.cssClass)
        }
    }
}

extension WebApp {
    /// The tutor training of `tutors` on `day`, from the organisation's requirements aimed at
    /// digitutors, with the compliance rules' own evaluator (so a status reads the same here as on
    /// the requirement's page). Reads only the tutors' people, completions and exemptions, a few
    /// statements whatever the number of tutors, not the whole organisation.
    func tutorTrainingStatuses(_ organisationID: Int64, tutors: [TutorDetails], on day: CivilDay) throws -> TutorTrainingStatuses {
        let evaluators = try requirements.definitions(organisationID: organisationID).map(RequirementEvaluator.init)
            .filter { evaluator in
                let retired = evaluator.definition.requirement.retiredOn.map { $0 <= day.iso } ?? false
                return !retired && evaluator.version(on: day)?.audience.roles.contains(.digitutors) == true
            }
            .sorted { $0.definition.requirement.title.fi < $1.definition.requirement.title.fi }
        guard !evaluators.isEmpty, !tutors.isEmpty else { return TutorTrainingStatuses(evaluators: evaluators, statuses: [:]) }
        let employeeIDs = tutors.map(\.tutor.employeeID)
        let people = try complianceEvidence.people(employeeIDs: employeeIDs)
        let evidence = try complianceEvidence.evidence(employeeIDs: employeeIDs,
                                                        trainingIDs: evaluators.reduce(into: Set<Int64>()) { $0.formUnion($1.trainingIDs) })
        let exemptions = try exemptionStore.exemptions(employeeIDs: employeeIDs)
        // The audience facts as the compliance pages use them: a paused tutor is not in the audience
        // "digitutors", but may still be in it as a supervisor or by unit.
        let audience = try audienceFacts(organisationID)
        let personByEmployee = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var statuses: [Int64: [RequirementStatus]] = [:]
        for tutor in tutors {
            guard let person = personByEmployee[tutor.tutor.employeeID] else { continue }
            statuses[tutor.tutor.id] = evaluators.map {
                $0.status(person, on: day, evidence: evidence[person.id] ?? [], exemptions: exemptions[person.id] ?? [],
                          audience: audience)
            }
        }
        return TutorTrainingStatuses(evaluators: evaluators, statuses: statuses)
    }

    /// The counts at the top of the network page (or, on a tutor's page, nothing but the missing-
    /// requirement note), with a link to make a requirement for those who may.
    func tutorTrainingView(_ training: TutorTrainingStatuses, organisation: Stored<Organisation>, withCounts: Bool,
                           _ context: RequestContext) -> TutorTrainingView {
        let strings = context.strings
        let counts = withCounts ? training.evaluators.indices.map { index -> String in
            let required = training.statuses.values.map { $0[index] }.filter { $0.kind != .notRequired }
            return strings.format("tutors_training_count", [
                "missing": strings.number(required.filter(TutorTrainingStatuses.isMissing).count),
                "total": strings.number(required.count),
                "title": training.evaluators[index].definition.requirement.title.text(strings.language.rawValue),
            ])
        } : []
        return TutorTrainingView(
            hasRequirements: !training.evaluators.isEmpty, counts: counts, noneText: strings.text("tutors_training_none"),
            newRequirementHref: Paths.newRequirement(organisation.slug),
            canCreate: context.access.canManageOrganisation(organisation.id))
    }
}
