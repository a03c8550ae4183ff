import Foundation
import HTTPServer
import Storage

/// A post in a list: what it is, who and when, its state, and how it was received.
struct BoardRowView {
    let href: String
    let title: String
    let kindLabel: String
    let kindClass: String
    let meta: String
    let solved: Bool
    let unanswered: Bool
    let hidden: Bool
    let shared: Bool
    let sharedLabel: String
    let counts: String
    let snippet: [SnippetPiece]
    let hasSnippet: Bool
}

struct BoardFrontView {
    let action: String
    let query: String
    let filters: [FilterSelectView]
    let filtered: Bool
    let clearHref: String
    let searched: Bool
    let resultLine: String
    let newTipHref: String
    let newQuestionHref: String
    let newPracticeHref: String
    let rows: [BoardRowView]
    let hasRows: Bool
    let previousHref: String
    let hasPrevious: Bool
    let nextHref: String
    let hasNext: Bool
    let isModerator: Bool
    let moderationHref: String
    let moderationLabel: String
}

/// Tools offered as themes (a post may name any tool; these are the filter's and the form's choices).
enum BoardThemes {
    static let tools = ["Teams", "Outlook", "OneDrive", "SharePoint", "Word", "Excel", "PowerPoint", "Intra",
                        "HR-järjestelmä", "Työpuhelin", "Tulostus", "Tekoäly", "Suomi.fi"]
    static let pageSize = 20
    /// Pages further than this are not offered: search narrows better than paging through thousands.
    static let maximumPage = 50
}

/// The board's query string as read: search, filters, sort and page, each checked against what exists.
struct BoardQuery {
    var text = ""
    var filter = BoardFilter()
    var page = 0

    init(_ request: Request, sectors: Set<Int64>, areas: Set<String>) {
        text = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))
        filter.kind = request.queryValue("kind").flatMap(BoardKind.init(rawValue:))
        filter.sectorID = request.queryValue("sector").flatMap(Int64.init).flatMap { sectors.contains($0) ? $0 : nil }
        filter.areaCode = request.queryValue("area").flatMap { areas.contains($0) ? $0 : nil }
        filter.tool = request.queryValue("tool").flatMap { BoardThemes.tools.contains($0) ? $0 : nil }
        switch request.queryValue("state") {
        case "solved": filter.solved = true
        case "unsolved": filter.solved = false
        default: filter.solved = nil
        }
        filter.sort = request.queryValue("sort").flatMap(BoardSort.init(rawValue:)) ?? .newest
        page = min(BoardThemes.maximumPage, max(0, (request.queryValue("page").flatMap(Int.init) ?? 1) - 1))
    }

    /// The query string's pairs, for links that keep the search and filters.
    func pairs(page: Int? = nil) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if !text.isEmpty { pairs.append(("q", text)) }
        if let kind = filter.kind { pairs.append(("kind", kind.rawValue)) }
        if let sector = filter.sectorID { pairs.append(("sector", String(sector))) }
        if let area = filter.areaCode { pairs.append(("area", area)) }
        if let tool = filter.tool { pairs.append(("tool", tool)) }
        if let solved = filter.solved { pairs.append(("state", solved ? "solved" : "unsolved")) }
        if filter.sort != .newest { pairs.append(("sort", filter.sort.rawValue)) }
        if let page, page > 0 { pairs.append(("page", String(page + 1))) }
        return pairs
    }

    var isFiltered: Bool {
        !text.isEmpty || filter.kind != nil || filter.sectorID != nil || filter.areaCode != nil || filter.tool != nil
            || filter.solved != nil || filter.sort != .newest
    }
}

extension WebApp {
    /// Digivinkit's front page: the newest posts of the organisation and those shared with it, or a
    /// search over titles, texts and answers (prefix words, ä/ö/å folded), with filters by kind,
    /// sector, competence area, tool and solved state, sorted by newest, most useful or most adopted.
    /// Phone first: cards, no tables, no script.
    func showBoard(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context, knowingTutors: false)
        let strings = context.strings
        let organisationID = reader.organisation.id
        let reports = reader.isModerator ? try boardStore.openReportCount(organisationID: organisationID) : 0
        // A list or a search's results are the same for everyone of the organisation who moderates
        // alike (they name no anonymous asker but to moderators): kept until this process commits
        // anything, a minute at most, so the board's front page and the searches many make (a
        // password, Teams) are rendered once for all of them. The key names the query as sent (what
        // it asks is checked against the organisation's sectors and areas only when rendering).
        let asked = ["q", "kind", "sector", "area", "tool", "state", "sort", "page"].map { request.queryValue($0) ?? "" }
        let variant = [String(reader.isModerator), String(reader.access.principal?.isAdmin == true), String(reports)] + asked
        let key = CacheKey(family: "board:\(organisationID)|\(database.commitCount)", version: Int(settings.now().timeIntervalSince1970 / 60),
                           variant: variant.joined(separator: "\u{1F}"))
        return try context.renderCached("board/front", title: strings.text("board_title"), key: key) {
            let sectorList = try self.sectors.sectors(organisationID: organisationID)
            let areaNames = try self.trainingAreaNames(organisationID, strings)
            let query = BoardQuery(request, sectors: Set(sectorList.map(\.id)), areas: Set(areaNames.keys))
            return try self.boardFrontView(query, reader, sectors: sectorList, areaNames: areaNames, reports: reports, strings)
        }
    }

    private func boardFrontView(_ query: BoardQuery, _ reader: BoardReader, sectors sectorList: [Stored<Sector>],
                                areaNames: [String: String], reports: Int, _ strings: Strings) throws -> BoardFrontView {
        let organisationID = reader.organisation.id
        var filter = query.filter
        filter.includeHidden = reader.isModerator
        let listings: [BoardListing]
        var hasNext = false
        if query.text.isEmpty {
            let page = try boardStore.list(visibleTo: organisationID, filter, page: query.page, pageSize: BoardThemes.pageSize)
            hasNext = page.count > BoardThemes.pageSize && query.page < BoardThemes.maximumPage
            listings = Array(page.prefix(BoardThemes.pageSize))
        } else {
            listings = try boardStore.search(query.text, visibleTo: organisationID, filter)
        }
        let rows = listings.map { boardRow($0, reader, strings) }
        return BoardFrontView(
            action: Paths.board, query: query.text,
            filters: boardFilterSelects(query, sectors: sectorList, areaNames: areaNames, strings),
            filtered: query.isFiltered, clearHref: Paths.board, searched: !query.text.isEmpty,
            resultLine: query.text.isEmpty ? "" : strings.format(rows.count == 1 ? "board_result_one" : "board_results",
                                                                 ["count": strings.number(rows.count), "query": query.text]),
            newTipHref: Paths.newBoardPost(kind: "tip"), newQuestionHref: Paths.newBoardPost(kind: "question"),
            newPracticeHref: Paths.newBoardPost(kind: "practice"),
            rows: rows, hasRows: !rows.isEmpty,
            previousHref: Paths.board + WebApp.queryString(query.pairs(page: query.page - 1)), hasPrevious: query.page > 0 && query.text.isEmpty,
            nextHref: Paths.board + WebApp.queryString(query.pairs(page: query.page + 1)), hasNext: hasNext,
            isModerator: reader.isModerator, moderationHref: Paths.boardModeration(reader.organisation.slug),
            moderationLabel: reports > 0 ? strings.format("board_moderation_reports", ["count": strings.number(reports)])
                : strings.text("board_moderation_title"))
    }

    func boardFilterSelects(_ query: BoardQuery, sectors: [Stored<Sector>], areaNames: [String: String],
                            _ strings: Strings) -> [FilterSelectView] {
        func options(_ pairs: [(String, String)], _ chosen: String?) -> [SelectOption] {
            [SelectOption(value: "", label: strings.text("board_filter_any"), selected: chosen == nil)]
                + pairs.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        let kinds = BoardKind.allCases.map { ($0.rawValue, strings.text("board_kinds_\($0.rawValue)")) }
        let sectorPairs = sectors.map { (String($0.id), $0.name) }
        let areas = areaNames.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        let tools = BoardThemes.tools.map { ($0, $0) }
        let states = [("unsolved", strings.text("board_state_unsolved")), ("solved", strings.text("board_state_solved"))]
        let sorts = BoardSort.allCases.map { SelectOption(value: $0.rawValue, label: strings.text("board_sort_\($0.rawValue)"),
                                                          selected: $0 == query.filter.sort) }
        let filter = query.filter
        return [
            FilterSelectView(name: "kind", label: strings.text("board_filter_kind"), options: options(kinds, filter.kind?.rawValue)),
            FilterSelectView(name: "sector", label: strings.text("board_filter_sector"),
                             options: options(sectorPairs, filter.sectorID.map(String.init))),
            FilterSelectView(name: "area", label: strings.text("board_filter_area"), options: options(areas, filter.areaCode)),
            FilterSelectView(name: "tool", label: strings.text("board_filter_tool"), options: options(tools, filter.tool)),
            FilterSelectView(name: "state", label: strings.text("board_filter_state"),
                             options: options(states, filter.solved.map { $0 ? "solved" : "unsolved" })),
            FilterSelectView(name: "sort", label: strings.text("board_filter_sort"), options: sorts),
        ]
    }

    /// One post as a card. An anonymous question names no one, except to its moderators.
    func boardRow(_ listing: BoardListing, _ reader: BoardReader, _ strings: Strings) -> BoardRowView {
        let post = listing.post
        let counts = boardCounts(post.record, strings)
        let pieces = InstructionSearchText.segments(listing.snippet).map { SnippetPiece(text: $0.text, highlighted: $0.highlighted) }
        let organisation = post.organisationID == reader.organisation.id ? nil : listing.organisationName
        let meta = [boardAuthorName(listing, reader, strings, personal: false), strings.date(HelsinkiTime.date(post.createdAt)),
                    organisation]
            .compactMap { $0 }.joined(separator: " · ")
        return BoardRowView(
            href: Paths.boardPost(post.id), title: post.title, kindLabel: strings.text("board_kind_\(post.kind.rawValue)"),
            kindClass: "kind-\(post.kind.rawValue)", meta: meta,
            solved: post.kind == .question && post.solved, unanswered: post.kind == .question && post.answerCount == 0,
            hidden: post.hidden, shared: post.shared, sharedLabel: strings.text("board_shared_badge"),
            counts: counts, snippet: pieces, hasSnippet: !pieces.isEmpty)
    }

    func boardCounts(_ post: BoardPost, _ strings: Strings) -> String {
        var parts: [String] = []
        parts.append(strings.format(post.answerCount == 1 ? "board_count_answer" : "board_count_answers",
                                    ["count": strings.number(post.answerCount)]))
        if post.usefulCount > 0 {
            parts.append(strings.format("board_count_useful", ["count": strings.number(post.usefulCount)]))
        }
        if post.kind == .practice {
            parts.append(strings.format(post.adoptionCount == 1 ? "board_count_adoption" : "board_count_adoptions",
                                        ["count": strings.number(post.adoptionCount)]))
        }
        return parts.joined(separator: " · ")
    }

    /// The writer as the reader may see them: an anonymous asker is "anonymous" to everyone but the
    /// post's moderators (who see the name, marked) and, on the question's own page (`personal`), the
    /// asker themself. Lists are not personal, so one list serves everyone of an organisation.
    func boardAuthorName(_ listing: BoardListing, _ reader: BoardReader, _ strings: Strings, personal: Bool = true) -> String {
        let post = listing.post
        if post.anonymous {
            if personal && post.authorUserID == reader.userID { return strings.text("board_you_anonymously") }
            if reader.moderates(post) {
                return strings.format("board_asked_anonymously_by", ["name": listing.author.name])
            }
            return strings.text("board_anonymous_asker")
        }
        guard listing.author.userID != nil else { return strings.text("board_removed_writer") }
        return listing.author.name
    }
}
