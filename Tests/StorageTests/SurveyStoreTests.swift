import Foundation
import GRDB
import Testing
@testable import Storage

/// A staff fixture with the shipped framework and a few units and people, for survey rounds.
struct SurveyFixture {
    let staff: StaffFixture
    let frameworkID: Int64
    let unitA: Stored<WorkUnit>
    let unitA1: Stored<WorkUnit>
    let unitB: Stored<WorkUnit>
    let people: [Stored<Employee>]
    var database: AppDatabase { staff.temporary.database }
    var rounds: SurveyRoundStore { SurveyRoundStore(database) }
    var responses: SurveyResponseStore { SurveyResponseStore(database) }
    var results: SurveyResultsStore { SurveyResultsStore(database) }

    init() throws {
        staff = try StaffFixture()
        let shipped = try FrameworkStore(staff.temporary.database).frameworks(organisationID: staff.organisationID)
        frameworkID = try #require(shipped.first { $0.status == .published }?.id)
        let sector = try staff.sectors.create(organisationID: staff.organisationID, name: "Varhaiskasvatus")
        unitA = try staff.unit("Päiväkoti Aurinko", sector: sector)
        unitA1 = try staff.unit("Aurinko, Ryhmä 1", parent: unitA, sector: sector)
        unitB = try staff.unit("Keittiö")
        var people: [Stored<Employee>] = []
        for index in 1...6 {
            let unit = index <= 2 ? unitA : (index <= 4 ? unitA1 : unitB)
            people.append(try staff.employee("H\(index)", "Etu\(index)", "Suku\(index)", unit: unit))
        }
        _ = try staff.employee("H9", "Poissa", "Oleva", unit: unitA, active: false)
        self.people = people
    }

    func round(mode: SurveyMode, scope: [RoundScope] = []) throws -> Stored<SurveyRound> {
        let round = try rounds.create(
            SurveyRound(organisationID: staff.organisationID, frameworkID: frameworkID, title: "Syksy 2026",
                        mode: mode, opensOn: "2026-11-01", closesOn: "2026-11-30"),
            scope: scope, openQuestions: [LocalisedText(fi: "Mitä toivot?", sv: "Vad önskar du?", en: "Wishes?")])
        try rounds.open(roundID: round.id)
        return try #require(try rounds.round(id: round.id))
    }

    func submission(_ round: Stored<SurveyRound>, _ respondent: Respondent, answers: String = "4-3",
                    open: String = "") throws -> ResponseSubmission {
        let questionID = try #require(try rounds.openQuestions(roundID: round.id).first?.id)
        return ResponseSubmission(roundID: round.id, respondent: respondent, answers: answers,
                                  areaScores: [:], openAnswers: open.isEmpty ? [:] : [questionID: open],
                                  day: "2026-11-10")
    }

    func remove() { staff.remove() }
}

@Suite("Survey rounds and responses")
struct SurveyStoreTests {
    @Test func openingInvitesActiveStaffOfTheScopeWithSubUnits() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let scoped = try fixture.round(mode: .anonymous, scope: [RoundScope(roundID: 0, unitID: fixture.unitA.id)])
        #expect(try fixture.rounds.participation(roundID: scoped.id) == (invited: 4, answered: 0))
        let everyone = try fixture.round(mode: .anonymous)
        #expect(try fixture.rounds.participation(roundID: everyone.id) == (invited: 6, answered: 0))
        #expect(throws: StorageError.invalid("The round is open or closed already.")) {
            try fixture.rounds.open(roundID: everyone.id)
        }
    }

    @Test func aRespondentIsRecordedOnceAndOnlyWhileTheRoundIsOpen() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        let person = Respondent.employee(fixture.people[0].id)
        let first = try fixture.responses.submit(try fixture.submission(round, person))
        guard case .recorded = first else { Issue.record("expected a recorded response"); return }
        #expect(try fixture.responses.submit(try fixture.submission(round, person)) == .alreadyAnswered)
        let stranger = try fixture.staff.employee("X1", "Ei", "Kutsuttu", unit: fixture.unitB)
        #expect(try fixture.responses.submit(try fixture.submission(round, .employee(stranger.id)))
            == .notAccepted)
        var late = try fixture.submission(round, .employee(fixture.people[1].id))
        late.day = "2026-12-01"
        #expect(try fixture.responses.submit(late) == .notAccepted)
        try fixture.rounds.extend(roundID: round.id, closesOn: "2026-12-15")
        guard case .recorded = try fixture.responses.submit(late) else { Issue.record("extension ignored"); return }
        try fixture.rounds.close(roundID: round.id)
        #expect(try fixture.responses.submit(try fixture.submission(round, .employee(fixture.people[2].id)))
            == .notAccepted)
        #expect(try fixture.rounds.participation(roundID: round.id) == (invited: 6, answered: 2))
        #expect(try fixture.results.roundData(roundID: round.id).responses.count == 2)
    }

    @Test func draftsAreKeptUntilSubmissionAndThenDeleted() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        let person = Respondent.employee(fixture.people[0].id)
        let draft = SurveyDraft(answers: "45.-", openAnswers: [7: "Lisää aikaa"])
        try fixture.responses.saveDraft(draft, roundID: round.id, respondent: person)
        #expect(try fixture.responses.draft(roundID: round.id, respondent: person) == draft)
        _ = try fixture.responses.submit(try fixture.submission(round, person))
        #expect(try fixture.responses.draft(roundID: round.id, respondent: person) == nil)
    }

    @Test func oneTimeCodesOpenTheirUnitOnce() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .anonymous)
        let hash = Data([1, 2, 3, 4])
        try fixture.responses.addCodes(hashes: [hash], roundID: round.id, unitID: fixture.unitB.id,
                                       day: "2026-11-02")
        #expect(try fixture.responses.code(hash: hash)?.used == false)
        guard case .recorded = try fixture.responses.submit(try fixture.submission(round, .code(hash: hash)))
        else { Issue.record("code refused"); return }
        #expect(try fixture.responses.submit(try fixture.submission(round, .code(hash: hash))) == .alreadyAnswered)
        #expect(try fixture.responses.code(hash: hash)?.used == true)
        #expect(try fixture.results.roundData(roundID: round.id).responses.map(\.unitID) == [fixture.unitB.id])
        let unknown = try fixture.submission(round, .code(hash: Data([9])))
        #expect(try fixture.responses.submit(unknown) == .notAccepted)
        #expect(try fixture.responses.codeCounts(roundID: round.id)[fixture.unitB.id]?.used == 1)
    }

    @Test func identifiedResponsesBelongToTheEmployee() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let round = try fixture.round(mode: .identified)
        let employeeID = fixture.people[3].id
        _ = try fixture.responses.submit(try fixture.submission(round, .employee(employeeID), answers: "55"))
        let own = try fixture.results.ownResponses(employeeID: employeeID)
        #expect(own.map(\.answers) == ["55"])
        #expect(own.first?.submittedOn == "2026-11-10")
    }

    @Test func publishedFrameworksAndRoundsRefuseChanges() throws {
        let fixture = try SurveyFixture()
        defer { fixture.remove() }
        let frameworks = FrameworkStore(fixture.database)
        let draft = try frameworks.createDraft(copying: fixture.frameworkID, organisationID: fixture.staff.organisationID)
        let copied = try #require(try frameworks.content(frameworkID: draft.id))
        let original = try #require(try frameworks.content(frameworkID: fixture.frameworkID))
        #expect(copied.statementsInOrder.map(\.code) == original.statementsInOrder.map(\.code))
        #expect(throws: StorageError.invalid("A round needs a published framework version.")) {
            try fixture.rounds.create(SurveyRound(organisationID: fixture.staff.organisationID,
                                                  frameworkID: draft.id, title: "Luonnos", mode: .anonymous,
                                                  opensOn: "2026-11-01", closesOn: "2026-11-02"),
                                      scope: [], openQuestions: [])
        }
        let published = try frameworks.publish(draftID: draft.id)
        #expect(published.version == (original.framework.version ?? 0) + 1)
        #expect(throws: StorageError.invalid("A published framework cannot be changed; start a new draft from it.")) {
            try frameworks.publish(draftID: draft.id)
        }
        let other = try fixture.staff.otherOrganisation()
        #expect(throws: StorageError.invalid("Choose a framework of this organisation.")) {
            try fixture.rounds.create(SurveyRound(organisationID: other.id, frameworkID: published.id,
                                                  title: "Vieras", mode: .anonymous, opensOn: "2026-11-01",
                                                  closesOn: "2026-11-02"), scope: [], openQuestions: [])
        }
    }
}
