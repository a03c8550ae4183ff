import Foundation
import HTTPServer
import Storage

struct BoardFactView {
    let label: String
    let value: String
}

struct BoardAnswerView {
    let id: Int64
    let anchor: String
    let author: String
    let byTutor: Bool
    let date: String
    /// cmark's safe HTML of the answer.
    let bodyHTML: String
    let solves: Bool
    let hidden: Bool
    let hiddenNote: String
    let canMarkSolving: Bool
    let solvesAction: String
    let solvesValue: String
    let solvesLabel: String
    let reportAction: String
    let canModerate: Bool
    let hideAction: String
    let hideValue: String
    let hideLabel: String
}

struct BoardAdoptionView {
    let place: String
    let howItWent: String
    let hasNote: Bool
}

struct BoardPostView {
    let crumbs: [Crumb]
    let title: String
    let language: String
    let kindLabel: String
    let kindClass: String
    let meta: String
    let solved: Bool
    let locked: Bool
    let hidden: Bool
    let hiddenNote: String
    let shared: Bool
    let anonymousNote: String
    let hasAnonymousNote: Bool
    let hasPhoto: Bool
    let photoHref: String
    let photoAlt: String
    let photoWidth: Int
    let photoHeight: Int
    let bodyHTML: String
    let isPractice: Bool
    let practiceFacts: [BoardFactView]
    let hasPracticeFacts: Bool
    let howHTML: String
    let hasHow: Bool
    let themes: [BoardFactView]
    let hasThemes: Bool
    let fromQuestionHref: String
    let hasFromQuestion: Bool
    let tipHref: String
    let hasTip: Bool
    let canMakeTip: Bool
    let makeTipAction: String
    // Useful: a light, private mark.
    let usefulAction: String
    let usefulLabel: String
    let usefulCount: String
    let markedUseful: Bool
    // Adoption: a visible, separate action per unit.
    let adoptions: [BoardAdoptionView]
    let hasAdoptions: Bool
    let adoptionSummary: String
    let canAdopt: Bool
    let adoptAction: String
    let adoptUnits: [SelectOption]
    let adoptedAlready: Bool
    let answers: [BoardAnswerView]
    let hasAnswers: Bool
    let answersHeading: String
    let canAnswer: Bool
    let answerAction: String
    let answerLabel: String
    let answerError: String
    let hasAnswerError: Bool
    let answerValue: String
    let reportAction: String
    let canModerate: Bool
    let hideAction: String
    let hideValue: String
    let hideLabel: String
    let lockAction: String
    let lockValue: String
    let lockLabel: String
}

extension WebApp {
    func showBoardPost(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let listing = try readablePost(context, reader)
        return try renderBoardPost(listing, reader, context)
    }

    func renderBoardPost(_ listing: BoardListing, _ reader: BoardReader, _ context: RequestContext,
                         answerValue: String = "", answerError: String? = nil, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let post = listing.post
        let view = try boardPostView(listing, reader, strings, answerValue: answerValue, answerError: answerError)
        return try context.render("board/post", title: post.title, view, status: status)
    }

    private func boardPostView(_ listing: BoardListing, _ reader: BoardReader, _ strings: Strings,
                               answerValue: String, answerError: String?) throws -> BoardPostView {
        let post = listing.post
        let moderates = reader.moderates(post)
        let answers = try boardStore.answers(postID: post.id, includeHidden: moderates)
        let photo = try post.photoID.flatMap { try boardStore.photo(id: $0)?.photo }
        let adoptions = post.kind == .practice ? try boardStore.adoptions(postID: post.id) : []
        let adoptUnits = post.kind == .practice ? try boardAdoptionUnits(reader) : []
        let areaNames = try trainingAreaNames(post.organisationID, strings)
        let meta = [boardAuthorName(listing, reader, strings), strings.dateTime(post.createdAt),
                    post.organisationID == reader.organisation.id ? nil : listing.organisationName].compactMap { $0 }
        var themes: [BoardFactView] = []
        if let sector = listing.sectorName { themes.append(BoardFactView(label: strings.text("board_field_sector"), value: sector)) }
        if let area = post.areaCode.flatMap({ areaNames[$0] }) {
            themes.append(BoardFactView(label: strings.text("board_field_area"), value: area))
        }
        if !post.tool.isEmpty { themes.append(BoardFactView(label: strings.text("board_field_tool"), value: post.tool)) }
        let practiceFacts = [("board_field_tools", post.tools), ("board_field_time", post.timeTaken), ("board_field_contact", post.contact)]
            .filter { !$0.1.isEmpty }.map { BoardFactView(label: strings.text($0.0), value: $0.1) }
        let tipID = post.kind == .question ? try boardStore.tipMade(fromQuestion: post.id) : nil
        let marked = try boardStore.isUseful(postID: post.id, userID: reader.userID)
        let adoptedUnits = Set(adoptions.map(\.unitID))
        return BoardPostView(
            crumbs: [Crumb(href: Paths.board, label: strings.text("board_title"), current: false),
                     Crumb(href: Paths.boardPost(post.id), label: post.title, current: true)],
            title: post.title, language: post.language, kindLabel: strings.text("board_kind_\(post.kind.rawValue)"),
            kindClass: "kind-\(post.kind.rawValue)", meta: meta.joined(separator: " · "),
            solved: post.kind == .question && post.solved, locked: post.locked, hidden: post.hidden,
            hiddenNote: strings.format("board_hidden_note", ["reason": post.hiddenReason]), shared: post.shared,
            anonymousNote: boardAnonymousNote(post, reader, strings), hasAnonymousNote: post.anonymous,
            hasPhoto: photo != nil, photoHref: post.photoID.map(Paths.boardPhoto) ?? "",
            photoAlt: strings.format("board_photo_alt", ["title": post.title]),
            photoWidth: photo?.width ?? 0, photoHeight: photo?.height ?? 0,
            bodyHTML: Markdown.html(post.body), isPractice: post.kind == .practice,
            practiceFacts: practiceFacts, hasPracticeFacts: !practiceFacts.isEmpty,
            howHTML: Markdown.html(post.how), hasHow: !post.how.isEmpty,
            themes: themes, hasThemes: !themes.isEmpty,
            fromQuestionHref: post.fromQuestionID.map(Paths.boardPost) ?? "", hasFromQuestion: post.fromQuestionID != nil,
            tipHref: tipID.map(Paths.boardPost) ?? "", hasTip: tipID != nil,
            canMakeTip: post.kind == .question && post.solved && tipID == nil && (moderates || reader.isTutor),
            makeTipAction: Paths.boardMakeTip(post.id),
            usefulAction: Paths.boardUseful(post.id),
            usefulLabel: strings.text(marked ? "board_useful_undo" : "board_useful"),
            usefulCount: strings.format("board_count_useful", ["count": strings.number(post.usefulCount)]), markedUseful: marked,
            adoptions: adoptions.map { adoption in
                BoardAdoptionView(place: adoption.unitName + ", " + adoption.organisationName, howItWent: adoption.howItWent,
                                  hasNote: !adoption.howItWent.isEmpty)
            },
            hasAdoptions: !adoptions.isEmpty,
            adoptionSummary: boardAdoptionSummary(adoptions, strings),
            canAdopt: post.kind == .practice && !adoptUnits.isEmpty && !post.hidden, adoptAction: Paths.boardAdoption(post.id),
            adoptUnits: adoptUnits.map { SelectOption(value: String($0.id), label: $0.name, selected: $0.id == reader.unitID) },
            adoptedAlready: reader.unitID.map(adoptedUnits.contains) ?? false,
            answers: answers.map { boardAnswerView($0, listing, reader, strings) }, hasAnswers: !answers.isEmpty,
            answersHeading: strings.text(post.kind == .question ? "board_answers_heading" : "board_comments_heading"),
            canAnswer: !post.locked && !post.hidden, answerAction: Paths.boardAnswers(post.id),
            answerLabel: strings.text(post.kind == .question ? "board_answer_label" : "board_comment_label"),
            answerError: answerError ?? "", hasAnswerError: answerError != nil, answerValue: answerValue,
            reportAction: Paths.boardReport(post.id), canModerate: moderates,
            hideAction: Paths.boardHidden(post.id), hideValue: post.hidden ? "show" : "hide",
            hideLabel: strings.text(post.hidden ? "board_show" : "board_hide"),
            lockAction: Paths.boardLocked(post.id), lockValue: post.locked ? "unlock" : "lock",
            lockLabel: strings.text(post.locked ? "board_unlock" : "board_lock"))
    }

    private func boardAnswerView(_ answer: BoardAnswerListing, _ listing: BoardListing, _ reader: BoardReader,
                                 _ strings: Strings) -> BoardAnswerView {
        let post = listing.post
        let moderates = reader.moderates(post)
        // The asker answering their own anonymous question stays anonymous in the thread.
        let byAnonymousAsker = post.anonymous && answer.author.userID != nil && answer.author.userID == post.authorUserID
        let author: String
        if byAnonymousAsker && !moderates {
            author = strings.text(answer.author.userID == reader.userID ? "board_you_anonymously" : "board_the_asker")
        } else if answer.author.userID == nil {
            author = strings.text("board_removed_writer")
        } else {
            author = answer.author.name + (byAnonymousAsker ? " (" + strings.text("board_the_asker") + ")" : "")
        }
        let stored = answer.answer
        return BoardAnswerView(
            id: stored.id, anchor: "answer-\(stored.id)", author: author,
            byTutor: !byAnonymousAsker && (answer.author.employeeID.map(reader.tutorEmployeeIDs.contains) ?? false),
            date: strings.dateTime(stored.createdAt), bodyHTML: Markdown.html(stored.body), solves: stored.solves,
            hidden: stored.hidden, hiddenNote: strings.format("board_hidden_note", ["reason": stored.hiddenReason]),
            canMarkSolving: reader.marksSolving(post) && !stored.hidden,
            solvesAction: Paths.boardAnswerSolves(post.id, stored.id), solvesValue: stored.solves ? "0" : "1",
            solvesLabel: strings.text(stored.solves ? "board_unmark_solving" : "board_mark_solving"),
            reportAction: Paths.boardAnswerReport(post.id, stored.id), canModerate: moderates,
            hideAction: Paths.boardAnswerHidden(post.id, stored.id), hideValue: stored.hidden ? "show" : "hide",
            hideLabel: strings.text(stored.hidden ? "board_show" : "board_hide"))
    }

    private func boardAnonymousNote(_ post: Stored<BoardPost>, _ reader: BoardReader, _ strings: Strings) -> String {
        guard post.anonymous else { return "" }
        return strings.text(reader.moderates(post) ? "board_anonymous_note_moderator" : "board_anonymous_note")
    }

    private func boardAdoptionSummary(_ adoptions: [BoardAdoption], _ strings: Strings) -> String {
        let organisations = Set(adoptions.map(\.organisationName)).count
        return strings.format(adoptions.count == 1 ? "board_adopted_one" : "board_adopted_many",
                              ["units": strings.number(adoptions.count), "organisations": strings.number(organisations)])
    }

    /// The units the reader can say adopted a practice: their own unit, and the units they supervise.
    func boardAdoptionUnits(_ reader: BoardReader) throws -> [Stored<WorkUnit>] {
        var ids = Set(reader.access.principal?.supervisedUnitIDs ?? [])
        if let own = reader.unitID { ids.insert(own) }
        guard !ids.isEmpty else { return [] }
        return try units.units(organisationID: reader.organisation.id).filter { ids.contains($0.id) }
            .sorted { ($0.id == reader.unitID ? 0 : 1, $0.name) < ($1.id == reader.unitID ? 0 : 1, $1.name) }
    }
}
