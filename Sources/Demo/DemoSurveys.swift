import App
import Foundation
import Storage

/// One demo survey round as stored, for the summary and tests.
public struct DemoRoundSummary: Sendable, Equatable {
    /// The slug of the round's organisation.
    public let organisationSlug: String
    /// The round's title, e.g. "Digiosaamiskysely syksy 2025".
    public let title: String
    /// Closed for the past rounds, open for the current one.
    public let status: RoundStatus
    /// Anonymous, or identified for Järvelä's spring self-assessment.
    public let mode: SurveyMode
    /// Employees invited when the round opened.
    public let invited: Int
    /// Responses stored.
    public let responses: Int
}

/// When a demo round runs and how it is answered: the measurement number (0 first) drives the
/// improvement between rounds.
struct DemoRoundSpec: Sendable, Equatable {
    let index: Int
    let title: String
    let mode: SurveyMode
    let opensOn: DemoDay
    let closesOn: DemoDay
    /// Still open on the demo day: answered only up to that day.
    let isOpen: Bool
    /// The share of the invited who answer, before each unit's own keenness.
    let responseRate: Double
    /// The measurement number the answers improve by (0 first); the pilot before the first
    /// organisation-wide round measures at the same level as it.
    var measurement: Int { pilotUnitName == nil ? index : 0 }
    /// A pilot is put to one unit (with its sub-units) only.
    var pilotUnitName: String? = nil
}

/// Three survey rounds for each of Järvelä and Koskenkylä on the shipped framework: an autumn round
/// about 14 months before the demo day, a spring round about 7 months before (in Järvelä an
/// identified self-assessment) and one open now, with results that tell a story: non-desk staff
/// lower in ICT basics, improvement between rounds, small units whose figures are suppressed, and a
/// few open answers.
///
/// Everything follows from the seed and the demo day except the responses' random keys, which must
/// say nothing, not even to whoever knows the seed.
struct DemoSurveys {
    static let organisationSlugs = ["jarvela", "koskenkyla"]
    static let frameworkCode = "digiosaaminen"

    let database: AppDatabase
    let seed: UInt64
    let today: DemoDay

    /// The rounds of an organisation, oldest first. Järvelä piloted the identified self-assessment in
    /// the daycare centre of `tyontekija` early last year, before the year's development discussions,
    /// so their plan has an assessment before it and one after (the spring round).
    func schedule(organisationSlug: String, pilotUnitName: String? = nil) -> [DemoRoundSpec] {
        let identifiedSpring = organisationSlug == "jarvela"
        let autumn = today.adding(days: -425), spring = today.adding(days: -213), current = today.adding(days: -14)
        var pilot: [DemoRoundSpec] = []
        if identifiedSpring, let pilotUnitName {
            let opens = DemoDay(year: today.components.year - 1, month: 2, day: 2)
            pilot.append(DemoRoundSpec(index: 3, title: DemoSurveyTexts.pilotTitle(opensOn: opens), mode: .identified,
                                       opensOn: opens, closesOn: opens.adding(days: 14), isOpen: false,
                                       responseRate: 0.8, pilotUnitName: pilotUnitName))
        }
        return pilot + [
            DemoRoundSpec(index: 0, title: DemoSurveyTexts.title(opensOn: autumn, identified: false), mode: .anonymous,
                          opensOn: autumn, closesOn: autumn.adding(days: 20), isOpen: false, responseRate: 0.68),
            DemoRoundSpec(index: 1, title: DemoSurveyTexts.title(opensOn: spring, identified: identifiedSpring),
                          mode: identifiedSpring ? .identified : .anonymous,
                          opensOn: spring, closesOn: spring.adding(days: 20), isOpen: false, responseRate: 0.74),
            DemoRoundSpec(index: 2, title: DemoSurveyTexts.title(opensOn: current, identified: false), mode: .anonymous,
                          opensOn: current, closesOn: today.adding(days: 21), isOpen: true, responseRate: 0.42),
        ]
    }

    /// Creates and answers every round; `progress` hears rounds done and the total.
    func load(_ plan: DemoPlan, organisationIDs: [String: Int64],
              progress: (_ done: Int, _ total: Int) -> Void) throws(DemoError) -> [DemoRoundSummary] {
        let content = try framework()
        let model = DemoAnswerModel(content: content)
        let scoring = ResponseScoring(content: content)
        let organisations = plan.organisations.filter { Self.organisationSlugs.contains($0.organisation.slug) }
        let schedules = organisations.map { organisationPlan in
            let slug = organisationPlan.organisation.slug
            let people = DemoRoundPeople(plan: organisationPlan, anchors: slug == "jarvela" ? plan.anchors : nil,
                                         seed: seed)
            return (slug: slug, people: people,
                    rounds: schedule(organisationSlug: slug, pilotUnitName: people.keenUnitNames.first))
        }
        let total = schedules.reduce(0) { $0 + $1.rounds.count }
        var summaries: [DemoRoundSummary] = []
        progress(0, total)
        for (slug, people, rounds) in schedules {
            guard let organisationID = organisationIDs[slug] else { throw .missingAnchor("organisation \(slug)") }
            for spec in rounds {
                let roundSeed = DemoSeed.mix(seed, DemoSeed.hash("\(slug)/\(spec.index)"))
                var loader = DemoRoundLoader(database: database, spec: spec, people: people, model: model,
                                             scoring: scoring, frameworkID: content.framework.id,
                                             random: DemoRandom(seed: roundSeed), today: today)
                summaries.append(try loader.load(organisationID: organisationID, slug: slug))
                progress(summaries.count, total)
            }
        }
        return summaries
    }

    /// The newest published version of the shipped framework.
    private func framework() throws(DemoError) -> FrameworkContent {
        let store = FrameworkStore(database)
        let shipped = try demoStorage {
            try store.frameworks(organisationID: 0)
                .filter { $0.organisationID == nil && $0.code == Self.frameworkCode && $0.status == .published }
                .max { ($0.version ?? 0) < ($1.version ?? 0) }
        }
        guard let id = shipped?.id, let content = try demoStorage({ try store.content(frameworkID: id) }) else {
            throw .storage(.invalid(
                "The shipped framework “\(Self.frameworkCode)” is missing; run taitotutka migrate."))
        }
        return content
    }
}

/// An organisation's roster as the rounds see it: each person's profile and lasting traits by HR
/// number, and who is given special treatment for the demo sign-ins.
struct DemoRoundPeople {
    let employees: [String: ImportedEmployee]
    let profiles: [String: DemoRespondentProfile]
    let traits: [String: DemoPersonTraits]
    /// Tyontekija's HR number: answers every past round they were employed for (and the identified one
    /// in any case), and has not yet answered the open one.
    let workerHRNumber: String?
    /// The supervisors' units (with sub-units) answer eagerly, so their dashboards show figures.
    let keenUnitNames: [String]

    init(plan: DemoOrganisationPlan, anchors: DemoAnchors?, seed: UInt64) {
        let slug = plan.organisation.slug
        let offset = slug == "jarvela" ? 0.0 : -0.1
        var employees: [String: ImportedEmployee] = [:], profiles: [String: DemoRespondentProfile] = [:]
        var traits: [String: DemoPersonTraits] = [:]
        for employee in plan.employees {
            employees[employee.hrNumber] = employee
            profiles[employee.hrNumber] = DemoRespondentProfile(employee, organisationOffset: offset)
            traits[employee.hrNumber] = DemoPersonTraits(seed: seed, organisationSlug: slug,
                                                         hrNumber: employee.hrNumber)
        }
        self.employees = employees
        self.profiles = profiles
        self.traits = traits
        workerHRNumber = anchors?.workerHRNumber
        keenUnitNames = anchors.map { [$0.daycareCentre, $0.school] } ?? []
    }

    func isKeen(unitName: String?) -> Bool {
        guard let unitName else { return false }
        return keenUnitNames.contains { unitName == $0 || unitName.hasPrefix($0 + ", ") }
    }
}

/// Creates one round and loads its responses.
private struct DemoRoundLoader {
    let database: AppDatabase
    let spec: DemoRoundSpec
    let people: DemoRoundPeople
    let model: DemoAnswerModel
    let scoring: ResponseScoring
    let frameworkID: Int64
    var random: DemoRandom
    let today: DemoDay
    /// Each unit's keenness to answer, drawn when the unit is first met.
    private var unitKeenness: [Int64: Double] = [:]

    init(database: AppDatabase, spec: DemoRoundSpec, people: DemoRoundPeople, model: DemoAnswerModel,
         scoring: ResponseScoring, frameworkID: Int64, random: DemoRandom, today: DemoDay) {
        self.database = database
        self.spec = spec
        self.people = people
        self.model = model
        self.scoring = scoring
        self.frameworkID = frameworkID
        self.random = random
        self.today = today
    }

    mutating func load(organisationID: Int64, slug: String) throws(DemoError) -> DemoRoundSummary {
        let bulk = SurveyBulkStore(database)
        let scope = try pilotScope(organisationID: organisationID)
        let created = try demoStorage {
            try bulk.createRound(
                SurveyRound(organisationID: organisationID, frameworkID: frameworkID, title: spec.title,
                            mode: spec.mode,
                            opensOn: spec.opensOn.text, closesOn: spec.closesOn.text, minimumGroupSize: 5,
                            openAnswerThreshold: 10, createdAt: Self.moment(spec.opensOn.adding(days: -10), hour: 10)),
                scope: scope, openQuestions: [DemoSurveyTexts.openQuestion],
                openedAt: Self.moment(spec.opensOn, hour: 8),
                closedAt: spec.isOpen ? nil : Self.moment(spec.closesOn.adding(days: 1), hour: 0))
        }
        let roundID = created.round.id
        let questionID = try demoStorage { try SurveyRoundStore(database).openQuestions(roundID: roundID).first?.id }
        let invitations = try demoStorage { try bulk.invitations(roundID: roundID) }
        let responses = self.responses(to: invitations, questionID: questionID)
        let count = try demoStorage { try bulk.loadResponses(roundID: roundID, responses) }
        return DemoRoundSummary(organisationSlug: slug, title: spec.title, status: created.round.status,
                                mode: spec.mode, invited: created.invited, responses: count.responses)
    }

    /// The pilot's unit as the round's scope; an organisation-wide round has none.
    private func pilotScope(organisationID: Int64) throws(DemoError) -> [RoundScope] {
        guard let name = spec.pilotUnitName else { return [] }
        guard let unit = try demoStorage({ try UnitStore(database).units(organisationID: organisationID) })
            .first(where: { $0.name == name }) else { throw .missingAnchor("the pilot unit \(name)") }
        return [RoundScope(roundID: 0, unitID: unit.id)]
    }

    private mutating func responses(to invitations: [RoundInvitation], questionID: Int64?) -> [BulkResponse] {
        let lastDay = spec.isOpen ? min(today, spec.closesOn) : spec.closesOn
        var responses: [BulkResponse] = []
        responses.reserveCapacity(Int(Double(invitations.count) * (spec.responseRate + 0.1)))
        for invitation in invitations {
            // Every invitation takes the same draws, answered or not, so one person's choice does not
            // shift everyone else's answers.
            let answersNow = random.unit(), dayDraw = random.unit(), openDraw = random.unit()
            let weekendDraw = random.unit()
            var personal = DemoRandom(seed: random.next64())
            guard let employee = people.employees[invitation.hrNumber],
                  let profile = people.profiles[invitation.hrNumber],
                  let traits = people.traits[invitation.hrNumber] else { continue }
            var started = employee.startDate.flatMap(DemoDay.init) ?? spec.opensOn
            // Tyontekija's self-assessment must show, even when the generator had them start after it.
            if employee.hrNumber == people.workerHRNumber && spec.mode == .identified {
                started = min(started, spec.opensOn)
            }
            guard started <= lastDay, answers(invitation, employee, draw: answersNow) else { continue }
            let firstDay = max(spec.opensOn, started)
            let span = lastDay.daysSinceEpoch - firstDay.daysSinceEpoch
            // Most answer in the first days and after the reminder; a few at the last moment.
            var day = firstDay.adding(days: min(span, Int(Double(span + 1) * dayDraw * dayDraw)))
            if weekendDraw < 0.8 { day = Self.workingDay(near: day, from: firstDay, to: lastDay) }
            let answerText = model.answers(profile, traits, roundIndex: spec.measurement, random: &personal)
            var open: [Int64: String] = [:]
            if let questionID, openDraw < 0.03,
               let text = personal.element(of: DemoSurveyTexts.openAnswers(language: employee.language)) {
                open[questionID] = text
            }
            responses.append(BulkResponse(employeeID: invitation.employeeID, day: day.text, answers: answerText,
                                          areaScores: scoring.areaScores(answers: answerText), openAnswers: open))
        }
        return responses
    }

    /// Whether this invited person answers the round.
    private mutating func answers(_ invitation: RoundInvitation, _ employee: ImportedEmployee, draw: Double) -> Bool {
        if employee.hrNumber == people.workerHRNumber { return !spec.isOpen }
        let keenness: Double
        if let known = unitKeenness[invitation.unitID] {
            keenness = known
        } else {
            keenness = people.isKeen(unitName: employee.unitName) ? 1.35 : 0.7 + 0.55 * random.unit()
            unitKeenness[invitation.unitID] = keenness
        }
        return draw < min(0.95, spec.responseRate * keenness)
    }

    /// Most people answer at work: a Saturday or Sunday moves to the Monday after, or to the Friday
    /// before when the Monday is past the last day.
    private static func workingDay(near day: DemoDay, from first: DemoDay, to last: DemoDay) -> DemoDay {
        // 1970-01-01 was a Thursday: 0 is Monday.
        let weekday = ((day.daysSinceEpoch + 3) % 7 + 7) % 7
        guard weekday >= 5 else { return day }
        let monday = day.adding(days: 7 - weekday), friday = day.adding(days: 4 - weekday)
        if monday <= last { return monday }
        return friday >= first ? friday : day
    }

    /// A moment of a demo day, in UTC.
    private static func moment(_ day: DemoDay, hour: Int) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400 + hour * 3600))
    }

}

extension DemoRandom {
    /// 64 random bits, to seed a stream of its own.
    mutating func next64() -> UInt64 {
        UInt64(int(in: 0...Int(UInt32.max))) << 32 | UInt64(int(in: 0...Int(UInt32.max)))
    }
}

/// Runs store calls, whose errors are all `StorageError`s (closures do not infer typed throws).
func demoStorage<T>(_ body: () throws -> T) throws(DemoError) -> T {
    do {
        return try body()
    } catch let error as StorageError {
        throw .storage(error)
    } catch {
        throw .storage(.sqlite("\(error)"))
    }
}
