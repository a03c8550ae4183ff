import Foundation
import HTTPServer
import Metrics
import Storage

/// A piece of a search snippet: plain, or a word the search found (shown in `<mark>`).
struct SnippetPiece {
    let text: String
    let highlighted: Bool
}

/// An instruction in a list: what it is about, for whom, and whether its review is overdue.
struct InstructionRowView {
    let title: String
    let href: String
    let meta: String
    let pinned: Bool
    let needsReview: Bool
    let snippet: [SnippetPiece]
    let hasSnippet: Bool
    let language: String
    let retired: Bool
}

/// Who reads the library, and what they may do in it.
struct LibraryReader {
    let organisation: Stored<Organisation>
    let employee: Stored<Employee>?
    let sectorID: Int64?
    /// HR and administrators of the organisation: they write instructions and name owners.
    let keepsLibrary: Bool
    /// Owns at least one instruction (sees the "needs review" filter).
    let ownsSome: Bool
}

extension WebApp {
    var instructionStore: InstructionStore { InstructionStore(database) }
    var keyUserStore: KeyUserStore { KeyUserStore(database) }

    /// The reader of the library: the signed-in person's organisation (its HR's, a supervisor's, an
    /// administrator's first), as the trainings catalogue decides it.
    func libraryReader(_ context: RequestContext) throws -> LibraryReader {
        let reader = try trainingReader(context)
        let keeps = context.access.canManageOrganisation(reader.organisation.id)
        let owns = try context.principal.map { try instructionStore.ownsAny(userID: $0.userID, organisationID: reader.organisation.id) } ?? false
        return LibraryReader(organisation: reader.organisation, employee: reader.employee, sectorID: reader.sectorID,
                             keepsLibrary: keeps, ownsSome: owns)
    }

    /// The instruction named by `:instructionID`, for someone who reads its organisation's library
    /// (404 otherwise, and for a retired one unless they may edit it).
    func readableInstruction(_ context: RequestContext) throws -> (InstructionDetails, LibraryReader, canEdit: Bool) {
        guard let details = try instructionStore.instruction(id: try context.instructionID) else { throw AppError.notFound }
        let organisationID = details.instruction.organisationID
        var reader = try libraryReader(context)
        if reader.organisation.id != organisationID {
            // An administrator (or HR of several) reads any organisation they keep.
            guard context.access.canManageOrganisation(organisationID),
                  let organisation = try organisations.organisation(id: organisationID) else { throw AppError.notFound }
            reader = LibraryReader(organisation: organisation, employee: nil, sectorID: nil, keepsLibrary: true, ownsSome: false)
        }
        let canEdit = try editsInstruction(details, context)
        try context.require(!details.instruction.retired || canEdit)
        return (details, reader, canEdit)
    }

    /// HR and administrators of the instruction's organisation, and the users named its owners.
    func editsInstruction(_ details: InstructionDetails, _ context: RequestContext) throws -> Bool {
        guard let principal = context.principal else { return false }
        return context.access.canManageOrganisation(details.instruction.organisationID)
            || details.ownerUserIDs.contains(principal.userID)
    }

    /// An instruction as a row of a list.
    func instructionRow(_ instruction: Stored<Instruction>, snippet: String = "", today: String,
                        topicNames: [Int64: String], sectorNames: [Int64: String], _ strings: Strings) -> InstructionRowView {
        var meta: [String] = []
        if !instruction.systemName.isEmpty { meta.append(instruction.systemName) }
        if let topic = instruction.topicID.flatMap({ topicNames[$0] }) { meta.append(topic) }
        meta.append(instruction.sectorID.flatMap { sectorNames[$0] } ?? strings.text("instructions_everyone"))
        let pieces = InstructionSearchText.segments(snippet).map { SnippetPiece(text: $0.text, highlighted: $0.highlighted) }
        return InstructionRowView(
            title: instruction.title, href: Paths.instruction(instruction.id), meta: meta.joined(separator: " · "),
            pinned: instruction.pinned, needsReview: instruction.record.needsReview(on: today), snippet: pieces,
            hasSnippet: !pieces.isEmpty, language: strings.languageName(instruction.language), retired: instruction.retired)
    }

    func sectorNames(_ organisationID: Int64) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for sector in try sectors.sectors(organisationID: organisationID) { names[sector.id] = sector.name }
        return names
    }

    /// "Instructions for your sector" on the employee's home page: pinned first, then the newest, in
    /// the person's language (Finnish when there are none in it).
    func sectorInstructions(_ employee: Stored<Employee>, _ strings: Strings) throws -> [InstructionRowView] {
        let sectorID = try employee.unitID.flatMap { try units.unit(id: $0)?.sectorID }
        var found = try instructionStore.forSector(organisationID: employee.organisationID, sectorID: sectorID,
                                                   language: employee.language, limit: 4)
        if found.isEmpty && employee.language != "fi" {
            found = try instructionStore.forSector(organisationID: employee.organisationID, sectorID: sectorID, language: "fi", limit: 4)
        }
        // Readers are not asked to act on reviews: no flag here.
        return found.map {
            InstructionRowView(title: $0.title, href: Paths.instruction($0.id), meta: "", pinned: $0.pinned,
                               needsReview: false, snippet: [], hasSnippet: false, language: "", retired: false)
        }
    }
}
