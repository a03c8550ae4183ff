import Foundation
import Storage

/// Whose attendance the signed-in user may see and mark on one session.
///
/// Those who keep the training's catalogue (its organisation's HR and trainers) and administrators
/// mark everyone. HR and trainers of an organisation the training is offered to mark that
/// organisation's people only (each organisation sees only its own). A supervisor marks the people
/// of their own units (with sub-units), on sessions for the whole organisation, for one of their
/// units, or where someone of their units is on the list.
struct AttendanceScope: Sendable {
    /// Every person (the training's own catalogue keepers and administrators).
    let everyone: Bool
    /// Organisations all of whose people this user marks.
    let organisationIDs: Set<Int64>
    /// Units (with sub-units) whose people this supervisor marks.
    let unitIDs: Set<Int64>
    /// The organisations that see the training: the owner and those it is offered to. No one outside
    /// them is ever added.
    let sessionOrganisations: Set<Int64>

    /// Whether this user may see and mark `employee` on the session.
    func includes(_ employee: Stored<Employee>) -> Bool {
        guard sessionOrganisations.contains(employee.organisationID) else { return false }
        if everyone || organisationIDs.contains(employee.organisationID) { return true }
        return employee.unitID.map(unitIDs.contains) ?? false
    }

    /// The searches for walk-ins: per organisation, nil for all its people or the units to look in.
    var walkInSearches: [(organisationID: Int64, unitIDs: Set<Int64>?)] {
        var searches: [(Int64, Set<Int64>?)] = []
        let whole = everyone ? sessionOrganisations : organisationIDs.intersection(sessionOrganisations)
        for organisation in whole.sorted() { searches.append((organisation, nil)) }
        if !unitIDs.isEmpty {
            for organisation in sessionOrganisations.subtracting(whole).sorted() {
                searches.append((organisation, unitIDs))
            }
        }
        return searches
    }
}

/// A session as its attendance pages see it: the session and its training, who sees the training,
/// and the user's scope.
struct ManagedSession {
    let listing: SessionListing
    let details: TrainingDetails
    let scope: AttendanceScope

    var session: Stored<TrainingSession> { listing.session }
    var training: Stored<Training> { listing.training }
}

extension WebApp {
    /// The session named by `:sessionID` if the user may mark its attendance, with their scope;
    /// otherwise the 404 an unknown session gets.
    func managedSession(_ context: RequestContext) throws -> ManagedSession {
        guard let principal = context.principal,
              let listing = try trainingSessions.listing(sessionID: try context.sessionID),
              let details = try trainingCatalogue.details(trainingID: listing.training.id) else { throw AppError.notFound }
        let owner = listing.training.organisationID
        let seeing = details.offeredTo.union([owner])
        let everyone = try keepsCatalogue(owner, context)
        var organisations: Set<Int64> = []
        if !everyone {
            for organisation in seeing.subtracting([owner]).sorted() {
                if try keepsCatalogue(organisation, context) { organisations.insert(organisation) }
            }
        }
        var unitIDs: Set<Int64> = []
        if !everyone, !principal.supervisedUnitIDs.isEmpty {
            unitIDs = try supervisedUnits(principal, concerning: listing.session, organisations: seeing)
        }
        let scope = AttendanceScope(everyone: everyone, organisationIDs: organisations, unitIDs: unitIDs,
                                    sessionOrganisations: seeing)
        try context.require(everyone || !organisations.isEmpty || !unitIDs.isEmpty)
        return ManagedSession(listing: listing, details: details, scope: scope)
    }

    /// The supervisor's units in the organisations that see the session, when the session concerns
    /// them: it is for the whole organisation, aimed at one of their units, or someone of their units
    /// is on its list. Empty otherwise.
    private func supervisedUnits(_ principal: Principal, concerning session: Stored<TrainingSession>,
                                 organisations: Set<Int64>) throws -> Set<Int64> {
        var own: Set<Int64> = []
        for unitID in principal.supervisedUnitIDs.sorted() {
            if let unit = try units.unit(id: unitID), organisations.contains(unit.organisationID) { own.insert(unitID) }
        }
        guard !own.isEmpty else { return [] }
        let targets = try trainingSessions.targetUnits(sessionID: session.id)
        if targets.isEmpty { return own }
        for target in targets {
            if !(try units.unitAndDescendantIDs(of: target)).isDisjoint(with: own) { return own }
        }
        let listed = try completionReports.sheet(sessionID: session.id)
        return listed.contains { line in line.listing.employee.unitID.map(own.contains) ?? false } ? own : []
    }

    /// Attendance, sheets and exports of completions.
    var completionReports: CompletionReportStore { CompletionReportStore(database) }
    /// Feedback after sessions, never linked to the person.
    var trainingFeedback: TrainingFeedbackStore { TrainingFeedbackStore(database) }
}
