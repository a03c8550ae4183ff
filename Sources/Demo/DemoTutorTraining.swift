import Foundation
import Storage

/// The digitutors' own training in Järvelä: an ordinary catalogue training ("Digituutorin
/// perehdytys", three hours on site) with sessions in the spring and autumn and one after New Year,
/// required once of every active digitutor. Most tutors who started before the autumn session have
/// attended one; the newest have not yet, so the network page shows who still needs it.
struct DemoTutorTraining {
    let database: AppDatabase
    let today: DemoDay

    static let title = LocalisedText(fi: "Digituutorin perehdytys", sv: "Introduktion för digitutorer",
                                     en: "Digitutor induction")

    /// Returns the sessions and attendances it stored.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> (sessions: Int, attendance: Int) {
        guard let organisationID = organisationIDs["jarvela"] else { return (0, 0) }
        let coordinator = try demoStorage { try UserStore(database).user(loginOrEmail: "koordinaattori")?.id }
        let hr = try demoStorage { try UserStore(database).user(loginOrEmail: "hr")?.id }
        let training = try demoStorage {
            try TrainingCatalogueStore(database).create(TrainingDraft(
                training: Training(
                    organisationID: organisationID, seriesID: nil, title: Self.title,
                    description: LocalisedText(
                        fi: "Digituutorin tehtävä, avun antamisen tavat, uusien järjestelmien käyttöönotto ja tukiverkosto. Tuo mukaan työpuhelin.",
                        sv: "Digitutorns uppdrag, hur man hjälper, införandet av nya system och stödnätverket. Ta med arbetstelefonen.",
                        en: "The digitutor's role, ways of helping, rolling out new systems and the support network. Bring your work phone."),
                    durationMinutes: 180, format: .onSite, language: "fi", ownerUserID: coordinator,
                    now: DemoHelsinki.instant(today.adding(days: -300), 9)),
                areaCodes: ["digital-work", "client-guidance"]))
        }
        let sessionDays = [today.adding(days: -240), today.adding(days: -75), today.adding(days: 45)]
        var sessions: [(day: DemoDay, session: Stored<TrainingSession>)] = []
        for (index, day) in sessionDays.enumerated() {
            let starts = DemoHelsinki.instant(day, 12, 30)
            let session = try demoStorage {
                try TrainingSessionStore(database).create(TrainingSession(
                    trainingID: training.id, uid: "demo-digitutor-\(index)@taitotutka", startsAt: starts,
                    endsAt: starts.addingTimeInterval(180 * 60), place: "Kaupungintalo, neuvotteluhuone Kaisla",
                    meetingURL: nil, trainerName: "Digituutorikoordinaattori", capacity: 40, enrolment: .registration,
                    checkInKey: DemoTrainingYear.checkInKey(), now: DemoHelsinki.instant(day.adding(days: -30), 9)), unitIDs: [])
            }
            sessions.append((day, session))
        }
        let completed = try recordCompletions(organisationID: organisationID, sessions: Array(sessions.prefix(2)), by: coordinator)
        try require(organisationID: organisationID, trainingID: training.id, by: hr)
        return (sessions.count, completed)
    }

    /// Those who were tutors on a past session's day attended the first session after they started,
    /// but for about one in eight (shift clashes), so the newest tutors and a few older ones still need
    /// the training. Attendance is marked as the trainer would, which records the completions.
    private func recordCompletions(organisationID: Int64, sessions: [(day: DemoDay, session: Stored<TrainingSession>)],
                                   by userID: Int64?) throws(DemoError) -> Int {
        let tutors = try demoStorage { try TutorStore(database).tutors(organisationID: organisationID) }
        var present: [Int64: Set<Int64>] = [:]
        for (index, tutor) in tutors.enumerated() where index % 8 != 5 {
            guard let started = tutor.history.first.flatMap({ DemoDay($0.fromOn) }),
                  let session = sessions.first(where: { started <= $0.day }) else { continue }
            present[session.session.id, default: []].insert(tutor.tutor.employeeID)
        }
        var completed = 0
        for (day, session) in sessions {
            let people = present[session.id] ?? []
            completed += try demoStorage {
                try CompletionStore(database).markAttendance(
                    session: session, listed: people, present: people, recordedBy: userID, completedOn: day.text,
                    now: DemoHelsinki.instant(day, 16)).added
            }
        }
        return completed
    }

    /// The induction once for every active digitutor; those already tutoring have until the end of
    /// February, a new tutor 90 days from their start.
    private func require(organisationID: Int64, trainingID: Int64, by hr: Int64?) throws(DemoError) {
        let year = today.components.year
        _ = try demoStorage {
            try RequirementStore(database).create(
                RequiredTraining(organisationID: organisationID,
                                 title: LocalisedText(fi: "Digituutorin perehdytys kerran", sv: "Introduktion för digitutorer en gång",
                                                      en: "Digitutor induction once"),
                                 description: LocalisedText(
                                    fi: "Jokainen aktiivinen digituutori käy digituutorin perehdytyksen kerran.",
                                    sv: "Varje aktiv digitutor går introduktionen för digitutorer en gång.",
                                    en: "Every active digitutor attends the digitutor induction once."),
                                 createdBy: hr),
                first: RequirementVersionDraft(
                    version: RequirementVersion(requirementID: 0, effectiveFrom: "\(year)-01-01", validityMonths: nil,
                                                renewalWindowDays: 0, anchor: .completion, newHireGraceDays: 90,
                                                firstDueOn: "\(year + 1)-02-28", forEveryone: false, createdBy: hr),
                    trainingIDs: [trainingID], audience: RequirementAudience(everyone: false, roles: [.digitutors])))
        }
    }
}
