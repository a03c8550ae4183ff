import Foundation
import Storage

/// Required training in Järvelä: the yearly data-protection training due by 31 December (any
/// Digiturvavartti session or the eOppiva course counts), information security every 24 months from
/// the completion date, and the AI basics once for everyone by the end of next June. With a year of
/// completions behind them this gives a realistic December: most valid, many due by New Year's Eve,
/// some overdue (new staff past their 90 days, information security's September deadline), and a few
/// people on long leave exempted.
struct DemoRequirements {
    let database: AppDatabase
    let today: DemoDay

    /// Returns how many requirements and exemptions were made.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> (requirements: Int, exemptions: Int) {
        guard let organisationID = organisationIDs["jarvela"] else { return (0, 0) }
        let year = today.components.year
        let hr = try demoStorage { try UserStore(database).user(loginOrEmail: "hr")?.id }
        let trainings = try demoStorage { try TrainingCatalogueStore(database).trainings(visibleTo: organisationID) }
        func ids(_ prefixes: [String]) -> [Int64] {
            trainings.filter { training in prefixes.contains { training.titleFi.hasPrefix($0) } }.map(\.id)
        }
        let store = RequirementStore(database)
        func create(_ title: LocalisedText, _ description: LocalisedText, _ version: RequirementVersion,
                    _ trainingIDs: [Int64]) throws(DemoError) -> Int64 {
            try demoStorage {
                try store.create(RequiredTraining(organisationID: organisationID, title: title, description: description,
                                                  createdBy: hr),
                                 first: RequirementVersionDraft(version: version, trainingIDs: trainingIDs, audience: .all)).id
            }
        }
        let dataProtection = try create(
            LocalisedText(fi: "Tietosuoja vuosittain", sv: "Dataskydd varje år", en: "Data protection every year"),
            LocalisedText(fi: "Jokainen suorittaa vuosittain yhden tietosuojaa käsittelevän koulutuksen: minkä tahansa Digiturvavartin tai eOppivan verkkokurssin.",
                          sv: "Alla går varje år en utbildning om dataskydd: vilken Digiturvavartti som helst eller eOppivas webbkurs.",
                          en: "Everyone completes one data-protection training a year: any Digiturvavartti session or the eOppiva e-course."),
            RequirementVersion(requirementID: 0, effectiveFrom: "\(year)-01-01", validityMonths: 12, renewalWindowDays: 60,
                               anchor: .yearly, anchorMonth: 12, anchorDay: 31, newHireGraceDays: 90,
                               firstDueOn: "\(year)-12-31", forEveryone: true, createdBy: hr),
            ids(["Digiturvavartti", "Tietosuoja ja tietoturva"]))
        let security = try create(
            LocalisedText(fi: "Tietoturvan perusteet", sv: "Grunderna i informationssäkerhet", en: "Information security basics"),
            LocalisedText(fi: "Huijausviestit, salasanat ja monivaiheinen tunnistautuminen joka toinen vuosi.",
                          sv: "Bluffmeddelanden, lösenord och flerfaktorsautentisering vartannat år.",
                          en: "Scam messages, passwords and multi-factor authentication every other year."),
            RequirementVersion(requirementID: 0, effectiveFrom: "\(year)-01-01", validityMonths: 24, renewalWindowDays: 60,
                               anchor: .completion, newHireGraceDays: 90, firstDueOn: "\(year)-09-30", forEveryone: true,
                               createdBy: hr),
            ids(["Digiturvavartti: huijausviestien", "Digiturvavartti: vahva salasana", "Digiturvavartti: monivaiheinen",
                 "Tietosuoja ja tietoturva"]))
        _ = try create(
            LocalisedText(fi: "Tekoälyn perusteet", sv: "Grunderna i AI", en: "AI basics"),
            LocalisedText(fi: "Kunnan tekoälyohje ja turvallinen käyttö: kerran kaikille kesäkuun loppuun mennessä.",
                          sv: "Kommunens AI-anvisning och säker användning: en gång för alla före utgången av juni.",
                          en: "The municipality's AI guideline and safe use: once for everyone by the end of June."),
            RequirementVersion(requirementID: 0, effectiveFrom: "\(year)-03-01", validityMonths: nil, renewalWindowDays: 0,
                               anchor: .completion, newHireGraceDays: 120, firstDueOn: "\(year + 1)-06-30",
                               forEveryone: true, createdBy: hr),
            ids(["Tekoälyn perusteet"]))
        // About one in a hundred on long leave (family leave, study leave), exempted from the two
        // recurring ones until they are back.
        let people = try demoStorage { try ComplianceEvidenceStore(database).people(organisationID: organisationID, activeOnly: true) }
        let exemptions = ExemptionStore(database)
        var granted = 0
        for (index, person) in people.enumerated() where index % 97 == 13 {
            let reason = index % 2 == 0 ? "Perhevapaa" : "Opintovapaa"
            for requirement in [dataProtection, security] {
                _ = try demoStorage {
                    try exemptions.grant(Exemption(requirementID: requirement, employeeID: person.id,
                                                   fromOn: "\(year)-09-01", untilOn: "\(year + 1)-08-31", reason: reason,
                                                   createdBy: hr))
                }
                granted += 1
            }
        }
        try minimumLevels(organisationID: organisationID, by: hr)
        return (3, granted)
    }

    /// Minimum levels a step below the framework's targets for everyone, and higher for information
    /// security in social and health care, where patient data is handled every day.
    private func minimumLevels(organisationID: Int64, by hr: Int64?) throws(DemoError) {
        let frameworks = FrameworkStore(database)
        guard let framework = try demoStorage({ try frameworks.frameworks(organisationID: organisationID) })
                .first(where: { $0.status == .published }),
              let content = try demoStorage({ try frameworks.content(frameworkID: framework.id) }) else { return }
        let care = try demoStorage { try SectorStore(database).sectors(organisationID: organisationID) }
            .first { $0.name.lowercased().contains("sosiaali") || $0.name.lowercased().contains("terveys") }
        let store = MinimumLevelStore(database)
        let floor = Double(framework.scaleMin) + Double(framework.scaleMax - framework.scaleMin) * 0.4
        let competence = content.areas.filter { $0.area.kind == .competence }
        let security = competence.firstIndex { $0.area.nameFi.lowercased().contains("turva") } ?? 0
        for (index, area) in competence.enumerated() {
            try demoStorage {
                try store.set(organisationID: organisationID, areaCode: area.area.code, sectorID: nil, jobGroup: nil,
                              level: floor, by: hr)
                if index == security, let care {
                    try store.set(organisationID: organisationID, areaCode: area.area.code, sectorID: care.id, jobGroup: nil,
                                  level: floor + 0.5, by: hr)
                }
            }
        }
    }
}
