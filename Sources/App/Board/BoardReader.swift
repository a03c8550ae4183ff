import Foundation
import HTTPServer
import Metrics
import Storage

/// Who is reading the board, and what they may do there. Everyone signed in with an organisation
/// reads its board and the posts other organisations shared; moderators are HR, the tutor
/// coordinator, administrators and whoever HR or the coordinator named.
struct BoardReader {
    let userID: Int64
    let organisation: Stored<Organisation>
    let employee: Stored<Employee>?
    /// The reader's own sector and unit (their staff record), for "our unit adopted this" and the
    /// digitutor's questions.
    let sectorID: Int64?
    let unitID: Int64?
    /// Moderates the reader's organisation's board.
    let isModerator: Bool
    /// An active digitutor of the organisation: marks answers as solving, makes tips of questions.
    let isTutor: Bool
    /// Active digitutors of the organisation, to mark their answers.
    let tutorEmployeeIDs: Set<Int64>
    let access: Access

    /// Whether the reader may read the post at all (hidden posts: its moderators and its writer).
    func canRead(_ post: Stored<BoardPost>) -> Bool {
        let visible = post.organisationID == organisation.id || post.shared || access.principal?.isAdmin == true
        guard visible else { return false }
        return !post.hidden || moderates(post) || post.authorUserID == userID
    }

    /// Moderates the post's organisation.
    func moderates(_ post: Stored<BoardPost>) -> Bool {
        access.principal?.isAdmin == true || (post.organisationID == organisation.id && isModerator)
    }

    /// Marks answers of a question as solving it: the asker, a digitutor of its organisation, a moderator.
    func marksSolving(_ post: Stored<BoardPost>) -> Bool {
        guard post.kind == .question else { return false }
        return post.authorUserID == userID || moderates(post) || (isTutor && post.organisationID == organisation.id)
    }

    /// Whether the reader sees who wrote an anonymous question: only its moderators (and the asker).
    func seesAsker(_ post: Stored<BoardPost>) -> Bool {
        !post.anonymous || moderates(post)
    }
}

extension WebApp {
    var boardStore: BoardStore { BoardStore(database) }

    /// The board's reader, or 404 for a sign-in with no organisation to read. `knowingTutors` reads
    /// the organisation's active digitutors (a thread's badges, who may mark solving); lists leave it.
    func boardReader(_ context: RequestContext, knowingTutors: Bool = true) throws -> BoardReader {
        guard let principal = context.principal else { throw AppError.notFound }
        let reader = try trainingReader(context)
        let organisationID = reader.organisation.id
        let today = CivilDay.today(settings.now()).iso
        let tutors = knowingTutors ? try tutorStore.activeTutorEmployeeIDs(organisationID: organisationID, on: today) : []
        // The employee's sector came with the reader, in the same trip to the database.
        return BoardReader(
            userID: principal.userID, organisation: reader.organisation, employee: reader.employee,
            sectorID: reader.sectorID, unitID: reader.employee?.unitID,
            isModerator: try isBoardModerator(principal, organisationID: organisationID, context.access),
            isTutor: reader.employee.map { tutors.contains($0.id) } ?? false,
            tutorEmployeeIDs: tutors, access: context.access)
    }

    /// HR, the tutor coordinator or an administrator of the organisation, or a named moderator.
    func isBoardModerator(_ principal: Principal, organisationID: Int64, _ access: Access) throws -> Bool {
        if access.canViewOrganisation(organisationID) { return true }
        return try boardStore.isNamedModerator(userID: principal.userID, organisationID: organisationID)
    }

    /// Questions of the organisation in the tutor's sectors (or of no sector) that have waited over
    /// 48 hours for an answer, oldest first: what the tutor's page offers them to answer.
    func unansweredBoardQuestions(organisationID: Int64, sectorIDs: Set<Int64>, _ context: RequestContext) throws -> [BoardRowView] {
        let reader = try boardReader(context, knowingTutors: false)
        let before = settings.now().addingTimeInterval(-48 * 3600)
        return try boardStore.unansweredQuestions(organisationID: organisationID, sectorIDs: sectorIDs, before: before)
            .map { boardRow($0, reader, context.strings) }
    }

    /// The post named by `:postID` when the reader may read it, else 404.
    func readablePost(_ context: RequestContext, _ reader: BoardReader) throws -> BoardListing {
        guard let listing = try boardStore.listing(id: try context.postID), reader.canRead(listing.post) else {
            throw AppError.notFound
        }
        return listing
    }
}
