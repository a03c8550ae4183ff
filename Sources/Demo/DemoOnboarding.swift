import App
import Foundation
import Metrics
import Storage

/// Digital onboarding as the sources describe it: an organisation-wide template of about fifteen
/// items (accounts, e-mail and calendar, intranet, HR self-service for leave and sick days, Teams,
/// multi-factor sign-in, the data-protection course as evidence, the AI guideline, meeting the
/// digitutor…), sector templates for early education, food and cleaning services and technical
/// services, and a checklist for each new hire of the last six months at the stage their start date
/// suggests. The organisation's template got its AI item later: the earliest hires' checklists keep
/// the first version. Everything follows from the sorted staff and the employee ids: no dictionary order.
struct DemoOnboarding {
    let database: AppDatabase
    let today: DemoDay

    /// How far back the demo's new hires reach.
    static let days = 180

    typealias Item = (key: String, fi: String, sv: String, en: String, party: OnboardingResponsibleParty, offset: Int, required: Bool)

    static let organisationItems: [Item] = [
        ("account", "Käyttäjätunnus ja työsähköposti luotu", "Användarkonto och e-post skapade", "User account and e-mail created", .it, -5, true),
        ("device", "Työpuhelin tai tietokone valmiina", "Arbetstelefon eller dator klar", "Work phone or computer ready", .it, -2, true),
        ("first-sign-in", "Ensimmäinen kirjautuminen ja oma salasana", "Första inloggningen och eget lösenord",
         "First sign-in and own password", .employee, 0, true),
        ("mfa", "Monivaiheinen tunnistautuminen käyttöön", "Flerstegsautentisering i bruk", "Multi-factor sign-in set up", .employee, 1, true),
        ("email", "Sähköposti ja kalenteri", "E-post och kalender", "E-mail and calendar", .employee, 1, true),
        ("intranet", "Intranet: tiedotteet ja omat sivut", "Intranätet: meddelanden och egna sidor", "Intranet: news and own pages",
         .employee, 2, true),
        ("teams", "Teams: chat, kokoukset ja oman tiimin kanava", "Teams: chatt, möten och teamets kanal",
         "Teams: chat, meetings and the team's channel", .employee, 3, true),
        ("hr-self-service", "Henkilöstön itsepalvelu: loma- ja sairauspoissaolot", "Självservice: semester och sjukfrånvaro",
         "HR self-service: leave and sick days", .employee, 5, true),
        ("payroll", "Palkka- ja työaikatiedot tarkistettu", "Lön och arbetstid kontrollerade", "Pay and working-time details checked",
         .hr, 5, true),
        ("meet-tutor", "Tapaa yksikön digitutor", "Träffa enhetens digitutor", "Meet the unit's digitutor", .digitutor, 7, true),
        ("printing", "Tulostus ja skannaus", "Utskrift och skanning", "Printing and scanning", .employee, 10, false),
        ("data-protection", "Tietosuoja- ja tietoturvakoulutus", "Dataskydds- och informationssäkerhetsutbildning",
         "Data protection and security course", .employee, 14, true),
        ("phishing", "Huijausviestien tunnistaminen ja ilmoittaminen", "Känna igen och anmäla bluffmeddelanden",
         "Recognising and reporting phishing", .employee, 21, false),
        ("digital-check", "Digiosaamisen itsearvio ja keskustelu esihenkilön kanssa", "Självvärdering av digital kompetens och samtal med chefen",
         "Digital-competence self-assessment and a talk with the supervisor", .supervisor, 30, true),
    ]
    static let aiItem: Item = ("ai-guideline", "Lue tekoälyn käytön ohje", "Läs riktlinjen för AI-användning", "Read the AI-use guideline",
                               .employee, 14, true)

    /// Sector templates by a word of the sector's Finnish name.
    static let sectorItems: [(word: String, name: String, reviewIn: Int, items: [Item])] = [
        ("varhais", "Varhaiskasvatuksen digiperehdytys", 150, [
            ("daycare-system", "Varhaiskasvatuksen asiakastietojärjestelmä", "Småbarnspedagogikens klientdatasystem",
             "Early-education client system", .supervisor, 3, true),
            ("guardian-messages", "Huoltajaviestintä päiväkotisovelluksella", "Kommunikation med vårdnadshavare i appen",
             "Messages to guardians in the daycare app", .employee, 5, true),
            ("child-data", "Lasten tietojen tietosuoja käytännössä", "Dataskydd för barnens uppgifter i praktiken",
             "Protecting children's data in practice", .employee, 10, true),
        ]),
        ("ruoka", "Ruoka- ja puhtauspalveluiden digiperehdytys", -10, [
            ("email", "Sähköposti ja kalenteri puhelimessa", "E-post och kalender i telefonen", "E-mail and calendar on the phone",
             .employee, 2, true),
            ("shift-list", "Työvuorolista puhelimessa", "Arbetsturlistan i telefonen", "The shift list on the phone", .employee, 1, true),
            ("self-monitoring", "Omavalvonnan kirjaukset tabletilla", "Egenkontrollens anteckningar på surfplattan",
             "Self-monitoring records on the tablet", .employee, 7, true),
        ]),
        ("tekni", "Teknisten palveluiden digiperehdytys", 200, [
            ("work-orders", "Työtilaukset mobiilisovelluksessa", "Arbetsordrar i mobilappen", "Work orders in the mobile app", .employee, 2, true),
            ("access-control", "Kulunvalvonta ja avaimet", "Passerkontroll och nycklar", "Access control and keys", .supervisor, 3, true),
        ]),
    ]

    /// Named owners of sector templates who are not HR, by a word of the sector's name: the demo's
    /// daycare director owns early education's in the organisation they work for (their home page
    /// leads to it). The other sectors have no demo sign-in of their own: HR keeps them.
    static let sectorOwners = ["varhais": "esihenkilo"]

    static func content(_ item: Item, training: Int64? = nil, instruction: Int64? = nil) -> OnboardingItemContent {
        OnboardingItemContent(key: item.key, title: LocalisedText(fi: item.fi, sv: item.sv, en: item.en), responsible: item.party,
                              offsetDays: item.offset, required: item.required, trainingID: training, instructionID: instruction)
    }

    /// Writes the templates and checklists of every demo organisation; returns the checklists started.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> Int {
        var started = 0
        for slug in organisationIDs.keys.sorted() {
            guard let organisationID = organisationIDs[slug] else { continue }
            started += try load(organisationID: organisationID)
        }
        return started
    }

    private func load(organisationID: Int64) throws(DemoError) -> Int {
        let store = OnboardingStore(database)
        let hr = try demoStorage { try UserStore(database).user(loginOrEmail: "hr")?.id }
        let trainings = try demoStorage { try TrainingCatalogueStore(database).trainings(visibleTo: organisationID) }
            .sorted { $0.id < $1.id }
        let privacy = trainings.first { $0.titleFi.hasPrefix("Tietosuoja ja tietoturva") }?.id
        let instructions = try demoStorage { try InstructionStore(database).instructions(organisationID: organisationID) }
            .sorted { $0.id < $1.id }
        let guideline = instructions.first { $0.title == DemoInstructions.aiGuideline.title }?.id
        let mfaGuide = instructions.first { $0.title.hasPrefix("Monivaiheinen tunnistautuminen") }?.id
        let firstItems = Self.organisationItems.map { item in
            Self.content(item, training: item.key == "data-protection" ? privacy : nil, instruction: item.key == "mfa" ? mfaGuide : nil)
        }
        let organisationTemplate = try demoStorage {
            try store.createTemplate(OnboardingTemplate(organisationID: organisationID, layer: .organisation, name: "Digitaalinen perehdytys",
                                                        ownerUserID: hr, reviewBy: today.adding(days: 120).text),
                                     items: firstItems, changelog: "Ensimmäinen versio", by: hr)
        }
        let sectors = try demoStorage { try SectorStore(database).sectors(organisationID: organisationID) }.sorted { $0.id < $1.id }
        for entry in Self.sectorItems {
            guard let sector = sectors.first(where: { $0.name.lowercased().contains(entry.word) }) else { continue }
            var owner = hr
            if let login = Self.sectorOwners[entry.word], let named = try ownerUserID(login, organisationID: organisationID) {
                owner = named
            }
            _ = try demoStorage {
                try store.createTemplate(OnboardingTemplate(organisationID: organisationID, layer: .sector, sectorID: sector.id,
                                                            name: entry.name, ownerUserID: owner, reviewBy: today.adding(days: entry.reviewIn).text),
                                         items: entry.items.map { Self.content($0) }, changelog: "Ensimmäinen versio", by: hr)
            }
        }
        // The earliest hires started before the AI item was added: their checklists keep version 1.
        let cutoff = today.adding(days: -90).text
        var started = try startChecklists(organisationID: organisationID, startingBefore: cutoff)
        _ = try demoStorage {
            try store.saveVersion(templateID: organisationTemplate.id,
                                  items: firstItems + [Self.content(Self.aiItem, instruction: guideline)],
                                  changelog: "Tekoälyn käytön ohje lisätty", by: hr)
        }
        started += try startChecklists(organisationID: organisationID, startingBefore: nil)
        return started
    }

    /// The sign-in's user id when it belongs to an employee of the organisation (an owner is named
    /// within the template's organisation).
    private func ownerUserID(_ login: String, organisationID: Int64) throws(DemoError) -> Int64? {
        try demoStorage {
            guard let user = try UserStore(database).user(loginOrEmail: login), let employeeID = user.employeeID,
                  try EmployeeStore(database).employee(id: employeeID)?.organisationID == organisationID else { return nil }
            return user.id
        }
    }

    /// Starts the checklists of the new hires (of the last six months, and those starting soon) who
    /// have none yet, starting before `day` when given, with the items done that their stage suggests.
    private func startChecklists(organisationID: Int64, startingBefore day: String?) throws(DemoError) -> Int {
        let store = OnboardingStore(database)
        let tutors = TutorStore(database)
        let now = Date(timeIntervalSince1970: TimeInterval(today.daysSinceEpoch) * 86_400 + 9 * 3600)
        let hires = try demoStorage {
            try store.newHiresWithoutChecklist(organisationID: organisationID, startingFrom: today.adding(days: -Self.days).text)
        }.filter { hire in day.map { (hire.startDate ?? "") < $0 } ?? true }
        var tutorByUnit: [Int64: Int64?] = [:]
        var plans: [OnboardingChecklistPlan] = []
        for hire in hires {
            guard let startText = hire.startDate, let start = CivilDay(iso: startText) else { continue }
            var tutor: Int64?
            if let unitID = hire.unitID {
                if let known = tutorByUnit[unitID] {
                    tutor = known
                } else {
                    tutor = try demoStorage { try tutors.activeTutors(servingUnit: unitID, on: today.text) }.first?.tutor.employeeID
                    tutorByUnit[unitID] = tutor
                }
            }
            let applicable = try demoStorage { try store.applicableItems(employeeID: hire.id) }
            guard var plan = OnboardingPlanner.plan(employee: hire, start: start, applicable: applicable, tutorEmployeeID: tutor,
                                                    how: .demo, by: nil, now: now) else { continue }
            // Most items due by now are done, a few days either side of their due day; a hire in
            // six is behind; a few items due later are done early.
            var random = DemoRandom(seed: 0x6F6E_626F_6172_6400 ^ UInt64(bitPattern: hire.id))
            let behind = random.chance(1.0 / 6)
            let todayCivil = CivilDay(daysSinceEpoch: today.daysSinceEpoch)
            for index in plan.items.indices {
                guard let due = CivilDay(iso: plan.items[index].dueOn) else { continue }
                let chance = due <= todayCivil ? (behind ? 0.45 : 0.9) : 0.1
                guard random.chance(chance) else { continue }
                let done = min(todayCivil, max(start.adding(days: -7), due.adding(days: random.int(in: -3...5))))
                plan.items[index].doneOn = done.iso
            }
            plans.append(plan)
        }
        return try demoStorage { try store.startMany(plans) }
    }
}
