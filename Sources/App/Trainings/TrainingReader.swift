import Foundation
import Storage

/// Who is looking at the trainings, and which of them are theirs to see.
///
/// An employee sees the trainings of their organisation and those offered to it, of whose audience
/// they are (everyone, their sector or their job group), and of those the sessions aimed at the whole
/// organisation or at their unit or a unit above it. HR, administrators and the organisation's
/// trainers keep the catalogue and see all of it. Someone on a session's list always sees it.
struct TrainingReader: Sendable {
    /// The organisation whose catalogue is shown.
    let organisation: Stored<Organisation>
    /// The reader's own employee record in that organisation, when they have one.
    let employee: Stored<Employee>?
    let sectorID: Int64?
    /// The employee's unit and every unit above it.
    let unitAncestry: Set<Int64>
    /// HR or administrator of the organisation, or one of its trainers.
    let keepsCatalogue: Bool
    /// What was read with the reader in the same trip to the database, when it was: the reader's
    /// places and the trainings' data version.
    var preread: Preread? = nil

    struct Preread: Sendable {
        let places: ReaderPlaces
        let trainingsVersion: String
    }

    /// Whether the reader may see a training of the catalogue (its organisation has been checked).
    func sees(_ training: Stored<Training>, audience: TrainingAudience) -> Bool {
        guard training.active || keepsCatalogue else { return false }
        return keepsCatalogue || isInAudience(audience)
    }

    /// Whether the training's audience includes the reader as an employee.
    func isInAudience(_ audience: TrainingAudience) -> Bool {
        // Someone without a staff record here (a supervisor's own sign-in) sees what is for everyone.
        guard let employee else { return audience.isEveryone }
        return audience.includes(sectorID: sectorID, jobGroup: employee.jobGroup)
    }

    /// Whether a session is aimed at the reader: the whole organisation, or a unit at or above theirs.
    func isTargeted(by targetUnits: [Int64]) -> Bool {
        targetUnits.isEmpty || targetUnits.contains { unitAncestry.contains($0) }
    }

    /// Whether the reader may see the session: those who keep the catalogue, and people of its audience
    /// it is aimed at.
    func sees(session targetUnits: [Int64], of training: Stored<Training>, audience: TrainingAudience) -> Bool {
        keepsCatalogue || (training.active && isInAudience(audience) && isTargeted(by: targetUnits))
    }
}

extension WebApp {
    /// The reader for the signed-in person: their own organisation as an employee, otherwise the
    /// organisation they keep the catalogue of (`slug`, or their first).
    func trainingReader(_ context: RequestContext, slug: String? = nil) throws -> TrainingReader {
        guard let principal = context.principal else { throw AppError.notFound }
        // The usual case, an employee reading their own organisation's trainings, in one read.
        if let employeeID = principal.employeeID,
           let facts = try trainingReports.readerFacts(employeeID: employeeID, userID: principal.userID),
           slug == nil || slug == facts.organisation.slug {
            var mine: [Int64: Enrolment] = [:]
            for enrolment in facts.enrolments { mine[enrolment.sessionID] = enrolment }
            return TrainingReader(
                organisation: facts.organisation, employee: facts.employee, sectorID: facts.sectorID,
                unitAncestry: facts.unitAncestry,
                keepsCatalogue: context.access.canManageOrganisation(facts.organisation.id) || facts.isTrainer,
                preread: TrainingReader.Preread(places: ReaderPlaces(mine: mine, followed: facts.followed),
                                 trainingsVersion: facts.trainingsVersion))
        }
        let employee = try principal.employeeID.flatMap { try employees.employee(id: $0) }
        let organisation: Stored<Organisation>?
        if let slug {
            organisation = try organisations.organisation(slug: slug)
        } else if let employee {
            organisation = try organisations.organisation(id: employee.organisationID)
        } else if let kept = try catalogueOrganisationIDs(principal).sorted().first {
            organisation = try organisations.organisation(id: kept)
        } else if let unitID = principal.supervisedUnitIDs.sorted().first, let unit = try units.unit(id: unitID) {
            organisation = try organisations.organisation(id: unit.organisationID)
        } else if let coordinated = principal.coordinatorOrganisationIDs.sorted().first {
            organisation = try organisations.organisation(id: coordinated)
        } else {
            organisation = principal.isAdmin ? try organisations.all().first : nil
        }
        guard let organisation else { throw AppError.notFound }
        let ownEmployee = employee?.organisationID == organisation.id ? employee : nil
        let keeps = try keepsCatalogue(organisation.id, context)
        try context.require(keeps || ownEmployee != nil || context.access.canViewOrganisation(organisation.id)
                            || (try supervises(in: organisation.id, principal)))
        var ancestry: Set<Int64> = []
        var sectorID: Int64?
        if let unitID = ownEmployee?.unitID {
            ancestry = try units.ancestorIDs(of: unitID)
            sectorID = try units.unit(id: unitID)?.sectorID
        }
        return TrainingReader(organisation: organisation, employee: ownEmployee, sectorID: sectorID,
                              unitAncestry: ancestry, keepsCatalogue: keeps)
    }

    /// Whether the principal supervises a unit of the organisation.
    private func supervises(in organisationID: Int64, _ principal: Principal) throws -> Bool {
        guard let unitID = principal.supervisedUnitIDs.sorted().first else { return false }
        return try units.unit(id: unitID)?.organisationID == organisationID
    }

    /// The reader of a training's pages: its own organisation's reader for those who keep that
    /// catalogue (an administrator, a trainer), otherwise the signed-in person's usual reader.
    func trainingReader(_ context: RequestContext, for training: Stored<Training>) throws -> TrainingReader {
        if try keepsCatalogue(training.organisationID, context),
           let organisation = try organisations.organisation(id: training.organisationID) {
            return try trainingReader(context, slug: organisation.slug)
        }
        return try trainingReader(context)
    }

    /// HR or administrator of the organisation, or a trainer HR named there.
    func keepsCatalogue(_ organisationID: Int64, _ context: RequestContext) throws -> Bool {
        guard let principal = context.principal else { return false }
        if context.access.canManageOrganisation(organisationID) { return true }
        return try trainingCatalogue.isTrainer(userID: principal.userID, organisationID: organisationID)
    }

    /// Organisations whose catalogue the principal keeps as HR or trainer.
    func catalogueOrganisationIDs(_ principal: Principal) throws -> Set<Int64> {
        principal.hrOrganisationIDs.union(try trainingCatalogue.trainerOrganisations(userID: principal.userID))
    }

    /// Whether the organisation sees the training: its own, or offered to it.
    func organisationSees(_ training: Stored<Training>, organisationID: Int64) throws -> Bool {
        if training.organisationID == organisationID { return true }
        return try trainingCatalogue.details(trainingID: training.id)?.offeredTo.contains(organisationID) ?? false
    }

    /// The session named by `:sessionID` with the reader it is shown to; 404 when the reader may not
    /// see it (someone on its list always may).
    func readableSession(_ context: RequestContext) throws -> (listing: SessionListing, reader: TrainingReader,
                                                               details: TrainingDetails) {
        guard let listing = try trainingSessions.listing(sessionID: try context.sessionID),
              let details = try trainingCatalogue.details(trainingID: listing.training.id) else { throw AppError.notFound }
        let reader = try trainingReader(context, for: listing.training)
        guard try organisationSees(listing.training, organisationID: reader.organisation.id) else {
            throw AppError.notFound
        }
        let targets = try trainingSessions.targetUnits(sessionID: listing.session.id)
        var allowed = reader.sees(session: targets, of: listing.training, audience: details.audience)
        if !allowed, let employee = reader.employee {
            allowed = try enrolments.enrolment(sessionID: listing.session.id, employeeID: employee.id)
                .map { $0.state != .cancelled } ?? false
        }
        guard allowed else { throw AppError.notFound }
        return (listing, reader, details)
    }
}
