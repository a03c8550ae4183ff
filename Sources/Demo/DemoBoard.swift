import Foundation
import Storage

/// Digivinkit as a few years of use would leave it: in each organisation the curated tips, questions
/// and development deeds of `DemoBoardTexts` as the newest posts (some solved, some anonymous, one
/// asked anonymously by `tyontekija`, a few waiting over 48 hours for an answer in the daycare sector,
/// practices shared across the region and adopted in units of every organisation), and older posts
/// generated from the texts' building blocks, about one post for every two employees and three
/// answers a post (20,000 posts and 60,000 answers at 40,000 staff).
///
/// Writers are staff with sign-ins through the organisation's identity provider: they have no
/// password here (`noPassword` cannot be verified), so only the demo sign-ins can sign in.
struct DemoBoard {
    static let noPassword = "!identity-provider"

    let database: AppDatabase
    let seed: UInt64
    let today: DemoDay

    /// Loads every organisation's board; returns the posts and answers stored.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> (posts: Int, answers: Int) {
        var random = DemoRandom(seed: DemoSeed.mix(seed, DemoSeed.hash("board")))
        var people: [String: DemoBoardPeople] = [:]
        for (slug, organisationID) in organisationIDs.sorted(by: { $0.key < $1.key }) {
            people[slug] = try DemoBoardPeople(database: database, slug: slug, organisationID: organisationID, today: today,
                                               random: &random)
        }
        var items: [BoardBulkItem] = []
        for slug in people.keys.sorted() {
            guard let writers = people[slug] else { continue }
            var writer = DemoBoardWriter(people: writers, everyone: people, today: today, random: random)
            let curated = writer.curated()
            items += curated
            items += writer.older(count: max(0, writers.activeCount / 2 - curated.count))
            random = writer.random
        }
        // Oldest first, so ids follow time as they would have.
        items.sort { $0.post.createdAt < $1.post.createdAt }
        _ = try demoStorage { try BoardStore(database).loadMany(items) }
        return (items.count, items.reduce(0) { $0 + $1.answers.count })
    }
}

/// An organisation's writers: sign-ins for a share of its staff (its digitutors and the demo
/// sign-ins among them), its units and sectors.
struct DemoBoardPeople {
    let slug: String
    let organisationID: Int64
    let swedish: Bool
    /// Writers' user ids with their employee's unit.
    let writers: [(userID: Int64, unitID: Int64?)]
    let tutorUserIDs: [Int64]
    let units: [Stored<WorkUnit>]
    let sectors: [Stored<Sector>]
    let activeCount: Int
    /// `tyontekija`, who asked one anonymous question, and the sector of their daycare centre.
    let workerUserID: Int64?
    let workerSectorID: Int64?

    init(database: AppDatabase, slug: String, organisationID: Int64, today: DemoDay, random: inout DemoRandom) throws(DemoError) {
        self.slug = slug
        self.organisationID = organisationID
        swedish = slug == "solvik"
        let roster = try demoStorage { try DiscussionStore(database).bulkRoster(organisationID: organisationID) }
            .filter { $0.active && ($0.endDate ?? "9999") >= today.text && $0.unitID != nil }
        activeCount = roster.count
        let tutors = try demoStorage { try TutorStore(database).activeTutorEmployeeIDs(organisationID: organisationID, on: today.text) }
        // About one in fifteen staff write on the board at all; every digitutor does.
        let chosen = roster.filter { tutors.contains($0.employeeID) || random.chance(1.0 / 15) }
        let people = chosen.map { (employeeID: $0.employeeID, login: "\(slug)-\($0.employeeID)", email: String?.none) }
        let ids = try demoStorage { try UserStore(database).createStaffSignIns(people, passwordHash: DemoBoard.noPassword) }
        let unitOf = Dictionary(roster.map { ($0.employeeID, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        writers = chosen.compactMap { person in ids[person.employeeID].map { (userID: $0, unitID: unitOf[person.employeeID] ?? nil) } }
        tutorUserIDs = tutors.sorted().compactMap { ids[$0] }
        units = try demoStorage { try UnitStore(database).units(organisationID: organisationID) }
        sectors = try demoStorage { try SectorStore(database).sectors(organisationID: organisationID) }
        let worker = try demoStorage { try UserStore(database).user(loginOrEmail: "tyontekija") }
        if let worker, let employeeID = worker.employeeID, unitOf[employeeID] != nil {
            workerUserID = worker.id
            let unitID = unitOf[employeeID] ?? nil
            workerSectorID = units.first { $0.id == unitID }?.sectorID
        } else {
            workerUserID = nil
            workerSectorID = nil
        }
    }

    func sectorID(matching word: String?) -> Int64? {
        guard let word else { return nil }
        return sectors.first { $0.name.localizedCaseInsensitiveContains(word) }?.id
    }
}

/// Writes one organisation's posts.
struct DemoBoardWriter {
    let people: DemoBoardPeople
    let everyone: [String: DemoBoardPeople]
    let today: DemoDay
    var random: DemoRandom

    private var now: Date { Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400 + 9 * 3600) }

    private mutating func writer() -> Int64? { random.element(of: people.writers)?.userID }

    private mutating func tutor() -> Int64? { random.element(of: people.tutorUserIDs) ?? writer() }

    /// A moment `days` before the demo day, in working hours.
    private mutating func moment(daysAgo days: Double) -> Date {
        now.addingTimeInterval(-days * 86_400 + Double(random.int(in: -2...6)) * 3600)
    }

    // MARK: - The curated posts: the newest, spread over the last four months

    mutating func curated() -> [BoardBulkItem] {
        // Järvelä has every Finnish thread; Koskenkylä, a smaller board, a third of them; the Finnish
        // practices are split between the two, so a shared one is written once in the region.
        let koskenkyla = people.slug == "koskenkyla"
        let threads = people.swedish ? DemoBoardTexts.swedish
            : DemoBoardTexts.finnish.enumerated().filter { !koskenkyla || $0.offset % 3 == 1 }.map(\.element)
        let practices = people.swedish ? DemoBoardTexts.swedishPractices
            : DemoBoardTexts.practices.enumerated().filter { $0.offset % 2 == (koskenkyla ? 1 : 0) }.map(\.element)
        var items: [BoardBulkItem] = []
        var askedByWorker = false
        for (index, thread) in threads.enumerated() {
            let unanswered = thread.kind == "question" && thread.answers.isEmpty
            // Unanswered questions have waited three to ten days, for the digitutors' page.
            let daysAgo = unanswered ? Double(random.int(in: 3...10)) : 1 + Double(index) * 2 + random.unit() * 2
            var author = writer()
            var sectorID = people.sectorID(matching: thread.sector)
            if thread.anonymous && !askedByWorker, let worker = people.workerUserID {
                author = worker
                askedByWorker = true
            }
            if unanswered && sectorID == nil { sectorID = people.workerSectorID }
            items.append(item(kind: BoardKind(rawValue: thread.kind) ?? .tip, title: thread.title, body: thread.body,
                              author: author, anonymous: thread.anonymous, sectorID: sectorID, area: thread.area,
                              tool: thread.tool, createdAt: moment(daysAgo: daysAgo), answers: thread.answers, shared: false))
        }
        for (index, practice) in practices.enumerated() {
            var entry = item(kind: .practice, title: practice.title, body: practice.body, author: writer(), anonymous: false,
                             sectorID: people.sectorID(matching: practice.sector), area: practice.area, tool: practice.tool,
                             createdAt: moment(daysAgo: 5 + Double(index) * 5), answers: [], shared: index % 4 != 3)
            entry.post.how = practice.how
            entry.post.tools = practice.tools
            entry.post.timeTaken = practice.time
            entry.post.unitID = random.element(of: people.writers)?.unitID ?? nil
            entry.post.contact = people.swedish ? "Utvecklingskoordinatorn, tfn 040 123 4567" : "Kehittämiskoordinaattori, p. 040 123 4567"
            entry.adoptions = adoptions(practice.adoptions, shared: entry.post.shared, after: entry.post.createdAt)
            items.append(entry)
        }
        return items
    }

    private mutating func item(kind: BoardKind, title: String, body: String, author: Int64?, anonymous: Bool,
                               sectorID: Int64?, area: String?, tool: String, createdAt: Date, answers: [DemoBoardAnswer],
                               shared: Bool) -> BoardBulkItem {
        let post = BoardPost(organisationID: people.organisationID, kind: kind, title: title, body: body, sectorID: sectorID,
                             areaCode: area, tool: tool, language: people.swedish ? "sv" : "fi", authorUserID: author,
                             anonymous: anonymous, shared: shared, now: createdAt)
        var replies: [BoardBulkAnswer] = []
        var at = createdAt
        for answer in answers {
            at = at.addingTimeInterval(Double(random.int(in: 1...20)) * 1800)
            let by = answer.byTutor ? tutor() : writer()
            replies.append(BoardBulkAnswer(body: answer.text, authorUserID: by, solves: answer.solves && kind == .question,
                                           createdAt: min(at, now)))
        }
        let useful = (0..<random.int(in: 0...12)).compactMap { _ in writer() }
        return BoardBulkItem(post: post, answers: replies, usefulUserIDs: Array(Set(useful)).sorted(), adoptions: [])
    }

    /// Units that adopted a shared practice: in its own organisation and, for shared ones, others too.
    private mutating func adoptions(_ notes: [String], shared: Bool, after: Date) -> [BoardBulkAdoption] {
        var result: [BoardBulkAdoption] = []
        var used: Set<Int64> = []
        for (index, note) in notes.enumerated() {
            let home = !shared || index % 2 == 0
            let place = home ? people : (everyone.values.filter { $0.slug != people.slug }.sorted { $0.slug < $1.slug }
                .dropFirst(index % 2).first ?? people)
            guard let adopter = random.element(of: place.writers), let unitID = adopter.unitID, !used.contains(unitID) else { continue }
            used.insert(unitID)
            let at = min(now, after.addingTimeInterval(Double(random.int(in: 3...40)) * 86_400))
            result.append(BoardBulkAdoption(unitID: unitID, organisationID: place.organisationID, userID: adopter.userID,
                                            howItWent: note, createdAt: at))
        }
        return result
    }

    // MARK: - Older posts: generated from the building blocks over the four years before

    mutating func older(count: Int) -> [BoardBulkItem] {
        guard count > 0 else { return [] }
        var items: [BoardBulkItem] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            items.append(olderPost())
        }
        return items
    }

    private mutating func olderPost() -> BoardBulkItem {
        let topic = random.element(of: DemoBoardTexts.fillerTopics) ?? (topic: "Teams", tool: "Teams", area: "digital-work")
        let draw = random.unit()
        let kind: BoardKind = draw < 0.45 ? .question : (draw < 0.85 ? .tip : .practice)
        let patterns = kind == .question ? DemoBoardTexts.fillerQuestionTitles : DemoBoardTexts.fillerTipTitles
        let title = (random.element(of: patterns) ?? "{topic}").replacingOccurrences(of: "{topic}", with: topic.topic)
        let sentences = (0..<random.int(in: 2...4)).compactMap { _ in random.element(of: DemoBoardTexts.fillerSentences) }
        let body = sentences.joined(separator: " ").replacingOccurrences(of: "{tool}", with: topic.tool)
        let createdAt = moment(daysAgo: 130 + random.unit() * 1330)
        let answerCount = kind == .practice ? random.int(in: 0...2) : [0, 1, 2, 3, 3, 4, 4, 5, 6, 7][random.int(in: 0...9)]
        let solvedAt = kind == .question && answerCount > 0 && random.chance(0.6) ? random.int(in: 0...(answerCount - 1)) : -1
        let answers = (0..<answerCount).map { index in
            DemoBoardAnswer(text: (random.element(of: DemoBoardTexts.fillerAnswers) ?? "")
                .replacingOccurrences(of: "{tool}", with: topic.tool), solves: index == solvedAt, byTutor: random.chance(0.25))
        }
        var entry = item(kind: kind, title: title, body: body, author: writer(), anonymous: kind == .question && random.chance(0.08),
                         sectorID: random.chance(0.4) ? random.element(of: people.sectors)?.id : nil, area: topic.area,
                         tool: topic.tool, createdAt: createdAt, answers: answers, shared: random.chance(0.05))
        if kind == .practice {
            entry.post.how = sentences.last ?? ""
            entry.post.tools = topic.tool
            entry.post.timeTaken = people.swedish ? "\(random.int(in: 1...6)) månader" : "\(random.int(in: 1...6)) kuukautta"
            entry.adoptions = adoptions(Array(repeating: "", count: random.int(in: 0...3)), shared: entry.post.shared,
                                        after: createdAt)
        }
        return entry
    }
}
