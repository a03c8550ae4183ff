import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

/// The supervisor toolkit: each section from the page that has it in full, with nothing the anonymity
/// rule hides there.
@Suite("Supervisor toolkit")
struct ToolkitPageTests {
    func toolkit(_ test: TestApp, _ login: String, _ unit: Stored<WorkUnit>) throws -> String {
        var browser = try test.staffBrowser(login)
        let page = try browser.get(Paths.unitToolkit(unit.id))
        #expect(page.status == .ok, "\(login) on \(unit.name)")
        return page.text
    }

    @Test func everySectionSaysSoWhenThereIsNothingYet() throws {
        let test = try TestApp()
        let world = try World(test)
        let page = try toolkit(test, "esihenkilo.a", world.unitA)
        #expect(page.contains("<h1>Esihenkilön työkalut <span class=\"kind\">Päiväkoti Satakieli</span></h1>"))
        #expect(page.contains("Yksiköllä ei ole vielä päättyneen kyselyn tuloksia."))
        #expect(!page.contains("Avoimet kyselyt:"))
        // Aino and Eero (in the sub-unit): two people, too few for a share.
        #expect(page.contains("0/2 on osallistunut koulutukseen 12 viime kuukauden aikana"))
        #expect(page.contains("Tulevia koulutustilaisuuksia 8 seuraavan viikon aikana: 0"))
        #expect(page.contains("Organisaatiolla ei ole voimassa olevia pakollisia koulutuksia."))
        #expect(page.contains("Yksiköllä ei ole aktiivista digitutoria."))
        #expect(page.contains("Yksiköt, joissa ei ole aktiivista tutoria:"))
        #expect(page.contains("<a href=\"\(Paths.unitTutors(world.unitA1.id))\">Satakieli, esiopetus</a>"))
        #expect(page.contains("Käynnissä olevia perehdytyksiä: 0") && page.contains("Ei myöhässä olevia tehtäviä."))
        #expect(page.contains("Yksiköllä ei ole käynnissä kehityskeskustelukierrosta."))
        // Every section links to its full page, the survey's only once there is a round to show.
        for href in [Paths.unitTrainings(world.unitA.id), Paths.unitRequirements(world.unitA.id), Paths.unitTutors(world.unitA.id),
                     Paths.unitOnboarding(world.unitA.id), Paths.unitDiscussions(world.unitA.id)] {
            #expect(page.contains("href=\"\(href)\""), "\(href)")
        }
        #expect(!page.contains("/results/units/"))
    }

    @Test func everySectionShowsItsFiguresAndLinksToItsPage() throws {
        let test = try TestApp()
        let world = try World(test)
        // Trainings: Aino completed one yesterday; a session for everyone in two days.
        let training = try TrainingFixture.training(world, test)
        _ = try CompletionStore(test.database).record(Completion(
            employeeID: world.employeeA.id, trainingID: training, sessionID: nil, kind: .external,
            completedOn: CivilDay.today().adding(days: -1).iso, recordedBy: nil))
        _ = try TrainingFixture.session(world, test)
        // Required training: due ten days ago, nobody compliant; three people, so no share.
        _ = try ComplianceFixture.requirement(world, test, anchor: .completion, firstDueOn: CivilDay.today().adding(days: -10).iso,
                                              effectiveFrom: CivilDay.today().adding(days: -400).iso)
        _ = try TutorFixture.tutor(test, world)
        _ = try OnboardingFixture.ainoChecklist(test, world)
        _ = try DiscussionFixture.ainos(test, world, signed: true)

        // Tiina the tutor works in A too: three people.
        let page = try toolkit(test, "esihenkilo.a", world.unitA)
        #expect(page.contains("1/3 on osallistunut koulutukseen 12 viime kuukauden aikana"))
        #expect(page.contains("Tulevia koulutustilaisuuksia 8 seuraavan viikon aikana: 1"))
        #expect(page.contains("<li>Tietosuoja: <strong>–</strong></li>"), "three people: the share is hidden as on the matrix")
        #expect(page.contains("100\u{00A0}% henkilöstöstä digitutorin piirissä, aktiivisia tutoreita 1"))
        #expect(page.contains("Tutorit: Tiina Tutor") && page.contains("Kaikissa yksiköissä on aktiivinen tutor."))
        #expect(page.contains("Käynnissä olevia perehdytyksiä: 1"))
        #expect(page.contains("Myöhässä olevia tehtäviä on 1 uudella työntekijällä."))
        #expect(page.contains("Kehityskeskustelut (") && page.contains("1/3 keskustelua käyty ja kuitattu"))
        #expect(page.contains("Vielä tapaamatta: 2"))
        for href in [Paths.unitTrainings(world.unitA.id), Paths.unitRequirements(world.unitA.id), Paths.unitTutors(world.unitA.id),
                     Paths.unitOnboarding(world.unitA.id), Paths.unitDiscussions(world.unitA.id)] {
            #expect(page.contains("href=\"\(href)\""), "\(href)")
        }
        // HR of the organisation sees the same page.
        #expect(try toolkit(test, "hr", world.unitA).contains("Vielä tapaamatta: 2"))
    }

    @Test func theRequiredTrainingShareIsTheUnitMatrixShare() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try ResultsTests.answeredRound(test, world, openAnswer: false)
        let today = CivilDay.today()
        _ = try ComplianceFixture.requirement(world, test, anchor: .completion, firstDueOn: today.adding(days: -10).iso,
                                              effectiveFrom: today.adding(days: -400).iso)
        // Unit A with A1: 13 people, none compliant; A1 alone: 4, hidden.
        let page = try toolkit(test, "esihenkilo.a", world.unitA)
        #expect(page.contains("<li>Tietosuoja: <strong>0\u{00A0}%</strong></li>"))
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get(Paths.unitRequirements(world.unitA.id)).text.contains("0\u{00A0}%"))
        #expect(try toolkit(test, "esihenkilo.a", world.unitA1).contains("<li>Tietosuoja: <strong>–</strong></li>"))
        // 1 of 13 compliant after Aino's completion: the kept page follows the commit.
        let trainingID = try requireValue(try RequirementStore(test.database).definitions(organisationID: world.jarvela.id)
            .first?.versions.first?.trainingIDs.first, "training")
        _ = try CompletionStore(test.database).record(Completion(
            employeeID: world.employeeA.id, trainingID: trainingID, sessionID: nil, kind: .external,
            completedOn: today.iso, recordedBy: nil))
        #expect(try toolkit(test, "esihenkilo.a", world.unitA).contains("<li>Tietosuoja: <strong>8\u{00A0}%</strong></li>"))
    }

    @Test func theSurveySectionShowsTheWeakestAreasAndNeverAHiddenUnitsFigure() throws {
        let test = try TestApp()
        let world = try World(test)
        let round = try ResultsTests.answeredRound(test, world, openAnswer: false)
        // A has 13 respondents, all areas at (9 × 4 + 4 × 1) / 13 = 3,1: the first three competence areas.
        let page = try toolkit(test, "esihenkilo.a", world.unitA)
        #expect(page.contains("<strong>\(round.title)</strong>: 13 vastaajaa"))
        let competence = try test.content(of: round).areas.filter { $0.area.kind == .competence }.map { $0.area.name.fi }
        #expect(competence.count > 3)
        for name in competence.prefix(3) { #expect(page.contains("<li>\(name) 3,1</li>"), "\(name)") }
        #expect(!page.contains("<li>\(competence[3]) 3,1</li>"))
        #expect(page.contains("href=\"\(Paths.unitResults(round.id, world.unitA.id))\""))
        // A1's 4 respondents are hidden: it says so, with no figure.
        let small = try toolkit(test, "esihenkilo.a", world.unitA1)
        #expect(small.contains("tuloksia ei näytetä tälle yksikölle, koska vastaajia on liian vähän"))
        #expect(!small.contains("1,0") && !small.contains("4 vastaajaa") && !small.contains("Heikoimmat osaamisalueet"))
        #expect(small.contains("href=\"\(Paths.unitResults(round.id, world.unitA1.id))\""))
        // An open round: its response progress, as the home page counts it.
        let open = try ResultsTests.answeredRound(test, world, openAnswer: false, close: false, addStaff: false)
        let again = try toolkit(test, "esihenkilo.a", world.unitA)
        #expect(again.contains("Avoimet kyselyt:") && again.contains(">\(open.title)</a>: 13/13 vastannut (100\u{00A0}%)"))
        #expect(again.contains("<strong>\(round.title)</strong>: 13 vastaajaa"), "the closed round still shows")
    }

    @Test func onlyTheUnitsSupervisorsAndHRSeeIt() throws {
        let test = try TestApp()
        let world = try World(test)
        var other = try test.staffBrowser("esihenkilo.b")
        #expect(try other.get(Paths.unitToolkit(world.unitA.id)).status == .notFound)
        #expect(try other.get(Paths.unitToolkit(world.unitB.id)).status == .ok)
        var otherHR = try test.staffBrowser("hr.koskenkyla")
        #expect(try otherHR.get(Paths.unitToolkit(world.unitA.id)).status == .notFound)
        var employee = try test.staffBrowser("tyontekija")
        #expect(try employee.get(Paths.unitToolkit(world.unitA.id)).status == .forbidden)
        // HR sees it; the supervisor of A sees its sub-unit too.
        _ = try toolkit(test, "hr", world.unitA)
        _ = try toolkit(test, "esihenkilo.a", world.unitA1)
        // A kept body is never answered for another unit or another reader's unit.
        #expect(try other.get(Paths.unitToolkit(world.unitA.id)).status == .notFound)
    }

    @Test func theUnitPageAndTheSupervisorsHomePageLinkToIt() throws {
        let test = try TestApp()
        let world = try World(test)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.get(Paths.unit(world.unitA.id)).text.contains("href=\"\(Paths.unitToolkit(world.unitA.id))\""))
        let home = try supervisor.get(Paths.home).text
        #expect(home.contains("href=\"\(Paths.unitToolkit(world.unitA.id))\"") && home.contains("Esihenkilön työkalut: Päiväkoti Satakieli"))
        var employee = try test.staffBrowser("tyontekija")
        #expect(!(try employee.get(Paths.home).text.contains("/toolkit")))
    }
}
