import Foundation
import Storage

/// Järvelä's digitutor network: the topics the coordinator keeps, and a tutor in most units with
/// four or more people (one in tyontekija's unit), so coverage has gaps: every fifth unit has none,
/// and neither has the sector with the fewest units. A few tutors are paused and a few end soon;
/// each has weekly office hours at a time that suits their sector (daycare at nap time).
struct DemoTutors {
    let database: AppDatabase
    let today: DemoDay

    /// The topics with the default framework's competence area each belongs to (by code, as
    /// trainings name theirs), so "top topics this month" can point at the catalogue's trainings.
    static let topics: [(String, String, String, area: String)] = [
        ("Teams ja kokoukset", "Teams och möten", "Teams and meetings", "digital-work"),
        ("Sähköposti ja kalenteri", "E-post och kalender", "E-mail and calendar", "digital-work"),
        ("Työpuhelin", "Arbetstelefon", "Work phone", "ict-basics"),
        ("HR-itsepalvelu ja palkkalaskelma", "HR-självbetjäning och lönespecifikation", "HR self-service and payslips",
         "digital-solutions"),
        ("Oman alan järjestelmät", "Branschens egna system", "Your field's own systems", "digital-solutions"),
        ("Tietoturva", "Informationssäkerhet", "Information security", "information-security"),
        ("Tiedostot ja OneDrive", "Filer och OneDrive", "Files and OneDrive", "ict-basics"),
        ("Tekoäly työssä", "AI i arbetet", "AI at work", "ethics"),
    ]

    func load(organisationIDs: [String: Int64], anchors: DemoAnchors) throws(DemoError) -> Int {
        guard let organisationID = organisationIDs["jarvela"] else { return 0 }
        let store = TutorStore(database)
        let coordinator = try demoStorage { try UserStore(database).user(loginOrEmail: "koordinaattori")?.id }
        let topicIDs = try Self.topics.enumerated().map { index, names throws(DemoError) in
            try demoStorage {
                try store.addTopic(TutorTopic(organisationID: organisationID,
                                              name: LocalisedText(fi: names.0, sv: names.1, en: names.2), position: index + 1,
                                              areaCode: names.area)).id
            }
        }
        let units = try demoStorage { try UnitStore(database).units(organisationID: organisationID) }
        let people = try demoStorage { try ComplianceEvidenceStore(database).people(organisationID: organisationID, activeOnly: true) }
        let byUnit = Dictionary(grouping: people.filter { $0.unitID != nil }, by: { $0.unitID ?? 0 })
        let workerUnit = people.first { $0.hrNumber == anchors.workerHRNumber }?.unitID
        // The `digitutor` sign-in is the tutor of tyontekija's unit.
        let signedInTutor = try demoStorage { try UserStore(database).user(loginOrEmail: "digitutor")?.employeeID }
        let sectorUnits = Dictionary(grouping: units.compactMap(\.sectorID), by: { $0 })
        // Ties go to the lower id: a dictionary's order changes from run to run.
        let quietSector = sectorUnits.min { ($0.value.count, $0.key) < ($1.value.count, $1.key) }?.key
        let sectorNames = Dictionary(uniqueKeysWithValues: try demoStorage {
            try SectorStore(database).sectors(organisationID: organisationID) }.map { ($0.id, $0.name.lowercased()) })
        var drafts: [(draft: TutorDraft, history: [(TutorStatus, String)])] = []
        for (index, unit) in units.sorted(by: { $0.id < $1.id }).enumerated() {
            let staff = byUnit[unit.id] ?? []
            let isWorkers = unit.id == workerUnit
            guard staff.count >= 4 || isWorkers, isWorkers || (index % 5 != 0 && unit.sectorID != quietSector),
                  let person = (isWorkers ? people.first(where: { $0.id == signedInTutor }) : nil)
                    ?? staff.first(where: { $0.hrNumber != anchors.workerHRNumber && $0.hrNumber != anchors.directorHRNumber
                                                && $0.id != signedInTutor })
            else { continue }
            let daycare = unit.sectorID.flatMap { sectorNames[$0] }?.contains("varhais") ?? false
            let started = today.adding(days: -(30 + (index * 37) % 400))
            var history: [(TutorStatus, String)] = [(.active, started.text)]
            if index % 17 == 3 { history.append((.paused, today.adding(days: -20).text)) }
            let topics = [topicIDs[index % topicIDs.count], topicIDs[(index + 3) % topicIDs.count], topicIDs[4]]
            drafts.append((TutorDraft(
                tutor: Tutor(organisationID: organisationID, employeeID: person.id, coordinatorUserID: coordinator,
                             languages: index % 9 == 0 ? ["fi", "sv"] : ["fi"], askAnytime: index % 3 == 0,
                             contactNote: index % 2 == 0 ? "Teams-viesti tai taukotilassa" : "Kysy vuoron aikana",
                             plannedEndOn: index % 23 == 5 ? today.adding(days: 40).text : nil),
                units: [TutorUnit(unitID: unit.id, includesSubunits: true)], topicIDs: topics,
                hours: [OfficeHour(weekday: 1 + index % 5, starts: daycare ? "12:30" : "14:00", ends: daycare ? "13:00" : "14:30",
                                   place: daycare ? "Taukotila" : "Kahvihuone")]), history))
        }
        return try demoStorage { try store.createMany(drafts, by: coordinator) }
    }
}
