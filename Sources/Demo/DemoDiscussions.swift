import Foundation
import Storage

/// Development discussions for every demo organisation: four preparation questions, last year's
/// cycle (January to May) in which about 40 % of units, the demo supervisors' among them, held and
/// signed discussions with plans, and this year's cycle, running from two months before the demo day
/// to four months after it, under way in the supervisors' units (held and signed, held and waiting
/// for the employee's signature, planned, only prepared, not yet opened) and in some other units.
///
/// `tyontekija` has last year's signed plan with two goals, one in an area they have completed a
/// training in since, and this year's discussion prepared and planned for next week.
///
/// Everything follows from the seed, the demo day and the stored roster, units, trainings and
/// instructions; all discussions go in through one bulk write.
struct DemoDiscussions {
    let database: AppDatabase
    let seed: UInt64
    let today: DemoDay

    /// Stores the questions, cycles and discussions; returns the discussions stored.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> Int {
        let anchors = try DemoDiscussionAnchors(database: database)
        var items: [DiscussionBulkItem] = []
        for slug in organisationIDs.keys.sorted() {
            guard let organisationID = organisationIDs[slug] else { continue }
            let swedish = DemoData.organisations.first { $0.slug == slug }?.swedishSpeaking ?? false
            var organisation = try DemoDiscussionOrganisation(database: database, organisationID: organisationID, swedish: swedish,
                                                              today: today, seed: DemoSeed.mix(seed, DemoSeed.hash("discussions/\(slug)")))
            try organisation.createQuestionsAndCycles(hrUserID: try hrUserID(slug))
            items += try organisation.lastYear(anchors: anchors)
            items += try organisation.thisYear(anchors: anchors)
        }
        return try demoStorage { try DiscussionStore(database).loadMany(items) }.count
    }

    private func hrUserID(_ slug: String) throws(DemoError) -> Int64? {
        let login: String
        switch slug {
        case "jarvela": login = "hr"
        case "koskenkyla": login = "hr.koskenkyla"
        default: return nil
        }
        return try demoStorage { try UserStore(database).user(loginOrEmail: login)?.id }
    }
}

/// The demo sign-ins the discussions are arranged around: `tyontekija`, and the supervisors with
/// the units they supervise (sub-units included).
struct DemoDiscussionAnchors {
    let workerEmployeeID: Int64?
    /// The supervising user of each unit a demo supervisor supervises.
    let supervisorOfUnit: [Int64: Int64]
    /// The supervisors' own employee records: their discussions are with someone else.
    let supervisorEmployeeIDs: Set<Int64>

    init(database: AppDatabase) throws(DemoError) {
        let users = UserStore(database)
        workerEmployeeID = try demoStorage { try users.user(loginOrEmail: "tyontekija")?.employeeID }
        var supervisorOfUnit: [Int64: Int64] = [:]
        var supervisorEmployeeIDs: Set<Int64> = []
        for login in ["esihenkilo", "esihenkilo2"] {
            guard let user = try demoStorage({ try users.user(loginOrEmail: login) }) else { continue }
            if let employeeID = user.employeeID { supervisorEmployeeIDs.insert(employeeID) }
            let roles = try demoStorage { try users.roles(userID: user.id) }
            for unitID in roles.filter({ $0.role == .supervisor }).compactMap(\.unitID) {
                for covered in try demoStorage({ try UnitStore(database).unitAndDescendantIDs(of: unitID) }) {
                    supervisorOfUnit[covered] = user.id
                }
            }
        }
        self.supervisorOfUnit = supervisorOfUnit
        self.supervisorEmployeeIDs = supervisorEmployeeIDs
    }
}

/// Where someone's discussion of this year stands.
private enum Stage {
    case signed, awaitingEmployee, planned, prepared, notOpened
}

/// A scheduled session a plan can name, by the day it starts.
private struct DemoSessionChoice {
    let day: Int
    let sessionID: Int64
    let trainingID: Int64
}

/// One organisation's material for discussions (its questions, framework areas, sessions by area,
/// instructions, roster and units) and the discussions made from it.
private struct DemoDiscussionOrganisation {
    let database: AppDatabase
    let organisationID: Int64
    let swedish: Bool
    let today: DemoDay
    var random: DemoRandom
    /// The competence areas of the framework the organisation's survey rounds use.
    let areas: [(id: Int64, code: String, name: LocalisedText)]
    /// Area codes of each visible training.
    let trainingAreas: [Int64: [String]]
    /// Scheduled sessions of trainings developing each area code, earliest first.
    let sessionsByArea: [String: [DemoSessionChoice]]
    let instructionIDs: [Int64]
    /// Everyone ever employed, in id order.
    let roster: [DiscussionBulkPerson]
    let unitIDs: [Int64]
    var questionIDs: [Int64] = []
    var lastCycleID: Int64 = 0
    var currentCycleID: Int64 = 0

    let lastStart: DemoDay, lastEnd: DemoDay, currentStart: DemoDay, currentEnd: DemoDay

    init(database: AppDatabase, organisationID: Int64, swedish: Bool, today: DemoDay, seed: UInt64) throws(DemoError) {
        self.database = database
        self.organisationID = organisationID
        self.swedish = swedish
        self.today = today
        random = DemoRandom(seed: seed)
        let lastYear = today.components.year - 1
        lastStart = DemoDay(year: lastYear, month: 1, day: 15)
        lastEnd = DemoDay(year: lastYear, month: 5, day: 31)
        currentStart = today.adding(days: -60)
        currentEnd = today.adding(days: 120)

        areas = try Self.competenceAreas(database, organisationID: organisationID)
        let catalogue = TrainingCatalogueStore(database)
        let trainings = try demoStorage { try catalogue.trainings(visibleTo: organisationID) }.map(\.id).sorted()
        let trainingAreas = try demoStorage { try catalogue.areaCodes(trainingIDs: trainings) }
        self.trainingAreas = trainingAreas
        let (from, until) = (Self.moment(lastStart, hour: 0), Self.moment(today.adding(days: 365), hour: 0))
        let sessions = try demoStorage {
            try TrainingSessionStore(database).sessions(visibleTo: organisationID, from: from, until: until)
        }
        var byArea: [String: [DemoSessionChoice]] = [:]
        for listing in sessions where listing.session.status == .scheduled {
            let day = Int((listing.session.startsAt.timeIntervalSince1970 / 86_400).rounded(.down))
            for code in trainingAreas[listing.training.id] ?? [] {
                byArea[code, default: []].append(DemoSessionChoice(day: day, sessionID: listing.session.id,
                                                                   trainingID: listing.training.id))
            }
        }
        sessionsByArea = byArea.mapValues { $0.sorted { ($0.day, $0.sessionID) < ($1.day, $1.sessionID) } }
        instructionIDs = try demoStorage { try InstructionStore(database).instructions(organisationID: organisationID) }
            .filter { $0.language == (swedish ? "sv" : "fi") }.map(\.id).sorted()
        roster = try demoStorage { try DiscussionStore(database).bulkRoster(organisationID: organisationID) }
        unitIDs = try demoStorage { try UnitStore(database).units(organisationID: organisationID) }.map(\.id).sorted()
    }

    /// The competence areas of the framework of the organisation's first survey round, or of the
    /// shipped framework for an organisation without rounds.
    private static func competenceAreas(_ database: AppDatabase, organisationID: Int64)
        throws(DemoError) -> [(id: Int64, code: String, name: LocalisedText)] {
        let frameworks = FrameworkStore(database)
        let rounds = try demoStorage { try SurveyRoundStore(database).rounds(organisationID: organisationID) }
        var frameworkID = rounds.min { $0.id < $1.id }?.frameworkID
        if frameworkID == nil {
            frameworkID = try demoStorage { try frameworks.frameworks(organisationID: organisationID) }
                .filter { $0.organisationID == nil && $0.code == DemoSurveys.frameworkCode && $0.status == .published }
                .max { ($0.version ?? 0) < ($1.version ?? 0) }?.id
        }
        guard let frameworkID, let content = try demoStorage({ try frameworks.content(frameworkID: frameworkID) }) else {
            throw .missingAnchor("a published framework for discussions")
        }
        let areas = content.areas.map(\.area).filter { $0.kind == .competence }
            .map { (id: $0.id, code: $0.code, name: LocalisedText(fi: $0.nameFi, sv: $0.nameSv, en: $0.nameEn)) }
        guard areas.count >= 2 else { throw .missingAnchor("competence areas for discussions") }
        return areas
    }

    static func moment(_ day: DemoDay, hour: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400 + TimeInterval(hour) * 3600)
    }

    /// The day, moved to the next Monday when it falls on a weekend (1970-01-01 was a Thursday).
    static func weekday(_ day: DemoDay) -> DemoDay {
        switch (day.daysSinceEpoch % 7 + 7 + 3) % 7 {
        case 5: return day.adding(days: 2)
        case 6: return day.adding(days: 1)
        default: return day
        }
    }

    private func text(_ pair: (fi: String, sv: String)) -> String { swedish ? pair.sv : pair.fi }

    mutating func createQuestionsAndCycles(hrUserID: Int64?) throws(DemoError) {
        let store = DiscussionStore(database)
        for question in DemoDiscussionTexts.questions {
            let added = try demoStorage { try store.addQuestion(organisationID: organisationID, text: question) }
            questionIDs.append(added.id)
        }
        let title = swedish ? "Utvecklingssamtal" : "Kehityskeskustelut"
        let last = DiscussionCycle(organisationID: organisationID, title: "\(title) \(lastStart.components.year)",
                                   startsOn: lastStart.text, endsOn: lastEnd.text, createdBy: hrUserID,
                                   now: Self.moment(lastStart.adding(days: -10), hour: 8))
        let current = DiscussionCycle(organisationID: organisationID, title: "\(title) \(today.components.year)",
                                      startsOn: currentStart.text, endsOn: currentEnd.text, createdBy: hrUserID,
                                      now: Self.moment(currentStart.adding(days: -10), hour: 8))
        lastCycleID = try demoStorage { try store.createCycle(last, unitIDs: []) }.id
        currentCycleID = try demoStorage { try store.createCycle(current, unitIDs: []) }.id
    }

    // MARK: - Last year

    /// Most staff of about 40 % of units (always the demo supervisors') met, planned and signed;
    /// a few discussions were left unsigned, a few employees disagreed on the record.
    mutating func lastYear(anchors: DemoDiscussionAnchors) throws(DemoError) -> [DiscussionBulkItem] {
        var held: Set<Int64> = []
        for unitID in unitIDs where random.chance(0.4) || anchors.supervisorOfUnit[unitID] != nil { held.insert(unitID) }
        var items: [DiscussionBulkItem] = []
        for employee in roster {
            guard let unitID = employee.unitID, held.contains(unitID), employee.employeeID != anchors.workerEmployeeID,
                  (employee.startDate ?? "") <= lastStart.text, (employee.endDate ?? "9999") >= lastEnd.text,
                  random.chance(0.85) else { continue }
            let day = Self.weekday(lastStart.adding(days: random.int(in: 14...(lastEnd.daysSinceEpoch - lastStart.daysSinceEpoch - 10))))
            let supervisor = anchors.supervisorOfUnit[unitID]
            var item = meeting(employee, cycleID: lastCycleID, heldOn: day, supervisor: supervisor)
            item.goals = plan(heldOn: day, goals: random.int(in: 1...3))
            let draw = random.unit()
            if draw < 0.04 {
                // Held, but nobody signed: the plan was left as a draft.
            } else if draw < 0.08 {
                sign(&item, supervisorOn: day.adding(days: random.int(in: 0...5)), supervisor: supervisor)
            } else {
                sign(&item, supervisorOn: day.adding(days: random.int(in: 0...5)), supervisor: supervisor)
                sign(&item, employeeOn: day.adding(days: random.int(in: 0...10)), language: employee.language)
            }
            items.append(item)
        }
        if let worker = anchors.workerEmployeeID, let employee = roster.first(where: { $0.employeeID == worker }) {
            items.append(try workersLastYear(employee, supervisor: employee.unitID.flatMap { anchors.supervisorOfUnit[$0] }))
        }
        return items
    }

    /// `tyontekija`'s plan: two goals. The first is in an area their own self-assessment rose in
    /// between the pilot before the plan and the spring round after it, with a training in the area
    /// completed in between (one is recorded if the training year gave them none); the second is in
    /// an area with no training done and no rise. So the page shows "planned → done → changed" both ways.
    private mutating func workersLastYear(_ employee: DiscussionBulkPerson, supervisor: Int64?) throws(DemoError) -> DiscussionBulkItem {
        let day = Self.weekday(DemoDay(year: lastStart.components.year, month: 3, day: 18))
        let change = try ownChange(employeeID: employee.employeeID, planDay: day)
        let completions = try demoStorage { try CompletionStore(database).inForce(employeeID: employee.employeeID) }
            .filter { $0.entry.completedOn > day.text && $0.entry.completedOn <= today.text }
        let trainedCodes = Set(completions.flatMap { trainingAreas[$0.entry.trainingID] ?? [] })
        let trainable = Set(trainingAreas.values.joined())
        guard let doneArea = mostRisen(areas.filter { trainable.contains($0.code) }, change.scores),
              let otherArea = leastRisen(areas.filter { $0.code != doneArea.code && !trainedCodes.contains($0.code) }, change.scores)
                ?? areas.first(where: { $0.code != doneArea.code })
        else { throw .missingAnchor("areas for tyontekija's plan") }
        let assessedAfter = change.assessedAfter ?? today.text
        var done = completions.first { $0.entry.completedOn < assessedAfter && (trainingAreas[$0.entry.trainingID] ?? []).contains(doneArea.code) }
            .map { (trainingID: $0.entry.trainingID, sessionID: $0.entry.sessionID) }
        if done == nil {
            guard let trainingID = trainingAreas.keys.sorted().first(where: { (trainingAreas[$0] ?? []).contains(doneArea.code) })
            else { throw .missingAnchor("a training in a competence area") }
            // Half-way between the plan and the assessment after it, so the training could count.
            let completedOn = DemoDay(assessedAfter).map { day.adding(days: ($0.daysSinceEpoch - day.daysSinceEpoch) / 2) }
                ?? today.adding(days: -45)
            _ = try demoStorage {
                try CompletionStore(database).record(Completion(
                    employeeID: employee.employeeID, trainingID: trainingID, sessionID: nil, kind: .external, completedOn: completedOn.text,
                    note: "Verkkokurssi", recordedAt: Self.moment(completedOn, hour: 10), recordedBy: nil))
            }
            done = (trainingID, nil)
        }
        guard let done else { throw .missingAnchor("a training for tyontekija's plan") }
        var item = meeting(employee, cycleID: lastCycleID, heldOn: day, supervisor: supervisor)
        item.discussion.supervisorNotes = text(DemoDiscussionTexts.supervisorNotes[0])
        let followUp = day.adding(days: 180).text
        var otherActions = [DiscussionAction(goalID: 0, kind: .tutor, note: text(DemoDiscussionTexts.tutorNotes[1]))]
        if let instruction = instructionIDs.first {
            otherActions.append(DiscussionAction(goalID: 0, kind: .instruction, instructionID: instruction,
                                                 note: text(DemoDiscussionTexts.instructionNote)))
        }
        item.goals = [
            DiscussionBulkGoal(areaID: doneArea.id, goal: goalText(doneArea, variant: 0), followUpOn: followUp, actions: [
                DiscussionAction(goalID: 0, kind: .session, trainingID: done.trainingID, sessionID: done.sessionID),
                DiscussionAction(goalID: 0, kind: .practice, note: text(DemoDiscussionTexts.practiceNotes[0])),
            ]),
            DiscussionBulkGoal(areaID: otherArea.id, goal: goalText(otherArea, variant: 1), followUpOn: followUp, actions: otherActions),
        ]
        sign(&item, supervisorOn: day, supervisor: supervisor)
        item.discussion.employeeSignedAt = Self.moment(day.adding(days: 2), hour: 12)
        item.discussion.employeeComment = DemoDiscussionTexts.agreeingComments.pool(employee.language).first ?? ""
        item.discussion.updatedAt = Self.moment(day.adding(days: 2), hour: 12)
        return item
    }

    /// How the person's own identified self-assessment moved per area code between the last one
    /// before `planDay` and the first one after it, and the day of the one after.
    private func ownChange(employeeID: Int64, planDay: DemoDay) throws(DemoError) -> (scores: [String: Double], assessedAfter: String?) {
        // Newest first: the first before the plan is the latest before it, the last after it the earliest.
        let own = try demoStorage { try SurveyResultsStore(database).ownResponses(employeeID: employeeID) }
        let before = own.first { $0.submittedOn < planDay.text }
        let after = own.last { $0.submittedOn >= planDay.text }
        var scores: [String: Double] = [:]
        if let before, let after {
            for area in areas {
                if let old = before.areaScores[area.id], let new = after.areaScores[area.id] { scores[area.code] = new - old }
            }
        }
        return (scores, after?.submittedOn)
    }

    private typealias Area = (id: Int64, code: String, name: LocalisedText)

    /// The area whose score rose most (the first by id among equals; unknown changes count least).
    private func mostRisen(_ candidates: [Area], _ change: [String: Double]) -> Area? {
        candidates.min { (-(change[$0.code] ?? -9), $0.id) < (-(change[$1.code] ?? -9), $1.id) }
    }

    /// The area whose score rose least (unknown changes count as no change).
    private func leastRisen(_ candidates: [Area], _ change: [String: Double]) -> Area? {
        candidates.min { (change[$0.code] ?? 0, $0.id) < (change[$1.code] ?? 0, $1.id) }
    }

    // MARK: - This year

    /// The supervisors' units have a mix of every stage; about a third of the other units have
    /// started; `tyontekija` has prepared and is planned for next week.
    mutating func thisYear(anchors: DemoDiscussionAnchors) throws(DemoError) -> [DiscussionBulkItem] {
        var started: Set<Int64> = []
        for unitID in unitIDs where anchors.supervisorOfUnit[unitID] == nil && random.chance(0.3) { started.insert(unitID) }
        let newcomers = today.adding(days: -30).text
        var items: [DiscussionBulkItem] = []
        for employee in roster {
            guard let unitID = employee.unitID, employee.active, (employee.startDate ?? "") <= newcomers,
                  (employee.endDate ?? "9999") >= today.text, employee.employeeID != anchors.workerEmployeeID,
                  !anchors.supervisorEmployeeIDs.contains(employee.employeeID) else { continue }
            let supervisor = anchors.supervisorOfUnit[unitID]
            let stage: Stage
            if supervisor != nil {
                stage = [Stage.signed, .awaitingEmployee, .planned, .prepared, .notOpened][random.index(weights: [25, 8, 20, 10, 37])]
            } else if started.contains(unitID) {
                stage = [Stage.signed, .planned, .prepared, .notOpened][random.index(weights: [35, 15, 5, 45])]
            } else {
                continue
            }
            if let item = current(employee, stage: stage, supervisor: supervisor) { items.append(item) }
        }
        if let worker = anchors.workerEmployeeID, let employee = roster.first(where: { $0.employeeID == worker }) {
            // Opened on the supervisor's invitation, prepared two days ago, planned for Tuesday next week.
            let nextMonday = today.adding(days: 7 - (today.daysSinceEpoch % 7 + 7 + 3) % 7)
            var item = opened(employee, on: today.adding(days: -9), supervisor: employee.unitID.flatMap { anchors.supervisorOfUnit[$0] })
            item.discussion.plannedOn = nextMonday.adding(days: 1).text
            item.answers = answers(language: employee.language, share: 1)
            item.answeredAt = Self.moment(today.adding(days: -2), hour: 17)
            item.discussion.updatedAt = Self.moment(today.adding(days: -2), hour: 17)
            items.append(item)
        }
        return items
    }

    private mutating func current(_ employee: DiscussionBulkPerson, stage: Stage, supervisor: Int64?) -> DiscussionBulkItem? {
        let sinceStart = today.daysSinceEpoch - currentStart.daysSinceEpoch
        switch stage {
        case .notOpened:
            return nil
        case .signed, .awaitingEmployee:
            let day = Self.weekday(currentStart.adding(days: random.int(in: 7...(sinceStart - 4))))
            var item = meeting(employee, cycleID: currentCycleID, heldOn: day, supervisor: supervisor)
            item.goals = plan(heldOn: day, goals: random.int(in: 1...3))
            sign(&item, supervisorOn: min(day.adding(days: random.int(in: 0...2)), today), supervisor: supervisor)
            if stage == .signed {
                sign(&item, employeeOn: min(day.adding(days: random.int(in: 0...4)), today), language: employee.language)
            }
            return item
        case .planned:
            var item = opened(employee, on: today.adding(days: -random.int(in: 3...40)), supervisor: supervisor)
            item.discussion.plannedOn = Self.weekday(today.adding(days: random.int(in: 1...28))).text
            if random.chance(0.6) { prepare(&item, language: employee.language) }
            return item
        case .prepared:
            var item = opened(employee, on: today.adding(days: -random.int(in: 3...40)), supervisor: supervisor)
            prepare(&item, language: employee.language)
            return item
        }
    }

    // MARK: - Parts of a discussion

    /// A discussion opened on `day` by the supervisor (or by the employee where no demo supervisor is).
    private func opened(_ employee: DiscussionBulkPerson, on day: DemoDay, supervisor: Int64?) -> DiscussionBulkItem {
        DiscussionBulkItem(discussion: Discussion(cycleID: currentCycleID, employeeID: employee.employeeID, unitID: employee.unitID,
                                                  createdBy: supervisor, now: Self.moment(day, hour: 8)))
    }

    /// A discussion held on `day`: opened a few weeks before, mostly prepared, with the supervisor's notes.
    private mutating func meeting(_ employee: DiscussionBulkPerson, cycleID: Int64, heldOn day: DemoDay,
                                  supervisor: Int64?) -> DiscussionBulkItem {
        var item = DiscussionBulkItem(discussion: Discussion(
            cycleID: cycleID, employeeID: employee.employeeID, unitID: employee.unitID, createdBy: supervisor,
            now: Self.moment(day.adding(days: -random.int(in: 10...30)), hour: 8)))
        item.discussion.plannedOn = day.text
        item.discussion.heldOn = day.text
        item.discussion.supervisorNotes = random.chance(0.7) ? text(DemoDiscussionTexts.supervisorNotes[random.int(in: 0...2)]) : ""
        item.discussion.updatedAt = Self.moment(day, hour: 14)
        if random.chance(0.8) {
            item.answers = answers(language: employee.language, share: 0.85)
            item.answeredAt = Self.moment(day.adding(days: -random.int(in: 1...5)), hour: 18)
        }
        return item
    }

    private mutating func prepare(_ item: inout DiscussionBulkItem, language: String) {
        let day = DemoDay(daysSinceEpoch: Int(item.discussion.createdAt.timeIntervalSince1970 / 86_400))
        let answeredOn = min(day.adding(days: random.int(in: 1...10)), today)
        item.answers = answers(language: language, share: 0.9)
        item.answeredAt = Self.moment(answeredOn, hour: 19)
        item.discussion.updatedAt = Self.moment(answeredOn, hour: 19)
    }

    /// Answers to the questions, each given with probability `share` (at least one is answered).
    private mutating func answers(language: String, share: Double) -> [Int64: String] {
        var answers: [Int64: String] = [:]
        for (index, questionID) in questionIDs.enumerated() where index < DemoDiscussionTexts.answers.count {
            guard random.chance(share) || (index == questionIDs.count - 1 && answers.isEmpty) else { continue }
            let pool = DemoDiscussionTexts.answers[index].pool(language)
            if let answer = random.element(of: pool) { answers[questionID] = answer }
        }
        return answers
    }

    /// `count` goals in different areas, each with one or two actions: a session of a training in the
    /// goal's area starting after the meeting where the catalogue has one, time with the digitutor, an
    /// instruction, or practice at work.
    private mutating func plan(heldOn day: DemoDay, goals count: Int) -> [DiscussionBulkGoal] {
        let chosen = random.shuffled(Array(areas.indices)).prefix(count)
        let followUp = day.adding(days: random.int(in: 120...200)).text
        return chosen.map { index in
            let area = areas[index]
            var actions: [DiscussionAction] = []
            for _ in 0..<random.int(in: 1...2) {
                if let action = action(area: area.code, after: day), !actions.contains(action) { actions.append(action) }
            }
            return DiscussionBulkGoal(areaID: area.id, goal: goalText(area, variant: random.int(in: 0...1)), followUpOn: followUp,
                                      actions: actions)
        }
    }

    private mutating func action(area code: String, after day: DemoDay) -> DiscussionAction? {
        switch random.index(weights: [35, 20, 15, 30]) {
        case 0:
            if let session = session(area: code, after: day) {
                return DiscussionAction(goalID: 0, kind: .session, trainingID: session.trainingID, sessionID: session.sessionID)
            }
        case 1:
            return DiscussionAction(goalID: 0, kind: .tutor, note: text(DemoDiscussionTexts.tutorNotes[random.int(in: 0...1)]))
        case 2:
            if let instruction = random.element(of: instructionIDs) {
                return DiscussionAction(goalID: 0, kind: .instruction, instructionID: instruction,
                                        note: text(DemoDiscussionTexts.instructionNote))
            }
        default:
            break
        }
        return DiscussionAction(goalID: 0, kind: .practice, note: text(DemoDiscussionTexts.practiceNotes[random.int(in: 0...1)]))
    }

    /// One of the first few sessions in the area starting a week to ten months after the meeting.
    private mutating func session(area code: String, after day: DemoDay) -> DemoSessionChoice? {
        guard let sessions = sessionsByArea[code] else { return nil }
        let earliest = day.daysSinceEpoch + 7, latest = day.daysSinceEpoch + 300
        var low = 0, high = sessions.count
        while low < high {
            let middle = (low + high) / 2
            if sessions[middle].day < earliest { low = middle + 1 } else { high = middle }
        }
        let candidates = sessions[low..<min(low + 6, sessions.count)].filter { $0.day <= latest }
        return random.element(of: Array(candidates))
    }

    private func goalText(_ area: (id: Int64, code: String, name: LocalisedText), variant: Int) -> String {
        guard let goals = DemoDiscussionTexts.goals[area.code], !goals.isEmpty else {
            return DemoDiscussionTexts.goal(areaName: area.name, swedish: swedish)
        }
        return text(goals[variant % goals.count])
    }

    private func sign(_ item: inout DiscussionBulkItem, supervisorOn day: DemoDay, supervisor: Int64?) {
        let moment = Self.moment(day, hour: 15)
        item.discussion.supervisorSignedAt = moment
        item.discussion.supervisorSignedBy = supervisor
        item.discussion.updatedAt = max(item.discussion.updatedAt, moment)
    }

    /// The employee signs; some comment, and a few disagree on the record.
    private mutating func sign(_ item: inout DiscussionBulkItem, employeeOn day: DemoDay, language: String) {
        let moment = Self.moment(day, hour: 16)
        item.discussion.employeeSignedAt = moment
        item.discussion.updatedAt = max(item.discussion.updatedAt, moment)
        let draw = random.unit()
        if draw < 0.03 {
            item.discussion.employeeDisagrees = true
            item.discussion.employeeComment = random.element(of: DemoDiscussionTexts.disagreeingComments.pool(language)) ?? ""
        } else if draw < 0.15 {
            item.discussion.employeeComment = random.element(of: DemoDiscussionTexts.agreeingComments.pool(language)) ?? ""
        }
    }
}
