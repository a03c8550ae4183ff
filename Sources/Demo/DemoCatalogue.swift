/// The working language of a demo organisation: it names sectors, units and job titles.
enum DemoLanguage: Sendable {
    case finnish
    case swedish
}

/// A text in Finnish and Swedish.
struct Localised: Sendable {
    let fi: String
    let sv: String

    init(_ fi: String, _ sv: String) {
        self.fi = fi
        self.sv = sv
    }

    func text(_ language: DemoLanguage) -> String {
        language == .finnish ? fi : sv
    }
}

/// A job title and the job group (tehtäväryhmä) it is reported under.
struct DemoJob: Sendable {
    let title: Localised
    let group: Localised
}

/// A job with its share of a unit's staff.
struct WeightedJob: Sendable {
    let job: DemoJob
    let weight: Double

    init(_ job: DemoJob, _ weight: Double) {
        self.job = job
        self.weight = weight
    }
}

/// One way of naming units: the candidates of a tier are tried (in a seeded order) before the next
/// tier's, so the short, common names come first.
enum NameTier: Sendable {
    /// "Keskuskeittiö".
    case fixed(Localised)
    /// "Mäntymäen koulu", "Strandby skola".
    case placeGenitive(Localised)
    /// "Kotihoito, Mäntymäki", "Hemvården, Strandby".
    case afterPlace(Localised)
    /// "Päiväkoti Satakieli", "Daghemmet Solstrålen".
    case named(Localised, fi: [String], sv: [String])
    /// "Päiväkoti Satakieli, Mäntymäki": for large organisations once the plain names run out.
    case namedAtPlace(Localised, fi: [String], sv: [String])

    func candidates(_ language: DemoLanguage) -> [String] {
        switch self {
        case .fixed(let text):
            return [text.text(language)]
        case .placeGenitive(let suffix):
            return language == .finnish
                ? DemoPlaces.finnish.map { "\($0.genitive) \(suffix.fi)" }
                : DemoPlaces.swedish.map { "\($0) \(suffix.sv)" }
        case .afterPlace(let prefix):
            return language == .finnish
                ? DemoPlaces.finnish.map { "\(prefix.fi), \($0.nominative)" }
                : DemoPlaces.swedish.map { "\(prefix.sv), \($0)" }
        case .named(let prefix, let fi, let sv):
            return (language == .finnish ? fi : sv).map { "\(prefix.text(language)) \($0)" }
        case .namedAtPlace(let prefix, let fi, let sv):
            let places = language == .finnish ? DemoPlaces.finnish.map(\.nominative) : DemoPlaces.swedish
            return (language == .finnish ? fi : sv).flatMap { name in
                places.map { "\(prefix.text(language)) \(name), \($0)" }
            }
        }
    }
}

/// Sub-units made inside a unit, e.g. the groups of a daycare centre; named "Parent, suffix".
struct SubUnitSpec: Sendable {
    let suffixes: [Localised]
    let count: ClosedRange<Int>
    let staff: ClosedRange<Int>
    let jobs: [WeightedJob]
}

/// A kind of work unit in a sector, with its usual size and staff.
struct UnitKind: Sendable {
    let names: [NameTier]
    /// The unit's own staff, not counting sub-units.
    let staff: ClosedRange<Int>
    /// The first person of a unit: its head.
    let head: DemoJob?
    let jobs: [WeightedJob]
    var subUnits: [SubUnitSpec] = []
    /// How often this kind is picked relative to the sector's other kinds.
    var weight: Double = 1
    /// At most this many per organisation (a central kitchen, a main library).
    var limit: Int?
}

/// A sector (toimiala) with its share of an organisation's staff and its kinds of unit; the first
/// kind is always the sector's first unit, so every organisation has at least one of it.
struct SectorSpec: Sendable {
    let name: Localised
    let share: Double
    /// The share of women among the sector's staff.
    let women: Double
    let kinds: [UnitKind]
}

/// Neighbourhood names of the fictional municipalities.
enum DemoPlaces {
    static let finnish: [(nominative: String, genitive: String)] = [
        ("Kirkonkylä", "Kirkonkylän"), ("Mäntymäki", "Mäntymäen"), ("Rantala", "Rantalan"), ("Koivula", "Koivulan"),
        ("Harju", "Harjun"), ("Niemi", "Niemen"), ("Kallio", "Kallion"), ("Pajula", "Pajulan"), ("Lehtola", "Lehtolan"),
        ("Metsola", "Metsolan"), ("Keskusta", "Keskustan"), ("Asemanseutu", "Asemanseudun"), ("Kuusikko", "Kuusikon"),
        ("Koskela", "Koskelan"), ("Peltola", "Peltolan"), ("Hakala", "Hakalan"), ("Vuorela", "Vuorelan"),
        ("Saarela", "Saarelan"), ("Honkala", "Honkalan"), ("Mäkelä", "Mäkelän"), ("Jokela", "Jokelan"),
        ("Rinne", "Rinteen"), ("Ahola", "Aholan"), ("Myllymäki", "Myllymäen"), ("Kivikko", "Kivikon"),
        ("Tammela", "Tammelan"), ("Lepola", "Lepolan"), ("Pihlajisto", "Pihlajiston"), ("Kaunisto", "Kauniston"),
        ("Haapaniemi", "Haapaniemen"), ("Koivuranta", "Koivurannan"), ("Kuusirinne", "Kuusirinteen"),
        ("Päivölä", "Päivölän"), ("Kanervala", "Kanervalan"), ("Tuomikylä", "Tuomikylän"), ("Ojala", "Ojalan"),
        ("Linnanmäki", "Linnanmäen"), ("Sorvala", "Sorvalan"), ("Heinämäki", "Heinämäen"), ("Kotiranta", "Kotirannan"),
        ("Kaislaniemi", "Kaislaniemen"), ("Hiekkaharju", "Hiekkaharjun"), ("Vesala", "Vesalan"), ("Pappila", "Pappilan"),
        ("Kartano", "Kartanon"), ("Laurila", "Laurilan"), ("Salmela", "Salmelan"), ("Väinölä", "Väinölän"),
        ("Kuninkaanmäki", "Kuninkaanmäen"), ("Lähdemäki", "Lähdemäen"), ("Kotka-aho", "Kotka-ahon"),
        ("Tervaniemi", "Tervaniemen"), ("Isokylä", "Isokylän"), ("Alakylä", "Alakylän"), ("Yläkylä", "Yläkylän"),
        ("Haukilahti", "Haukilahden"), ("Kotikylä", "Kotikylän"), ("Mustikkamaa", "Mustikkamaan"),
        ("Sorsakoski", "Sorsakosken"), ("Kivimäki", "Kivimäen"), ("Puistola", "Puistolan"), ("Pellonpää", "Pellonpään"),
        ("Ruusula", "Ruusulan"), ("Kaakkola", "Kaakkolan"), ("Hovila", "Hovilan"), ("Riihiniemi", "Riihiniemen"),
        ("Kuukkeli", "Kuukkelin"), ("Lammila", "Lammilan"), ("Tähtelä", "Tähtelän"), ("Vanhakylä", "Vanhakylän"),
        ("Uusikylä", "Uusikylän"), ("Rautala", "Rautalan"), ("Käpylä", "Käpylän"), ("Vaahtola", "Vaahtolan"),
        ("Ilmola", "Ilmolan"),
    ]

    static let swedish = [
        "Kyrkbacken", "Strandby", "Norrby", "Söderby", "Västerby", "Österby", "Kyrkby", "Åsen", "Backa", "Lunden",
        "Udden", "Hagen", "Ängsbacka", "Björkby", "Sandvik", "Lillby", "Storby", "Ekby", "Granvik", "Tallbacka",
        "Havsudden", "Mosseby", "Kvarnbacken", "Ådalen", "Furuvik", "Smedsby", "Gårdsby", "Holmen", "Vikby",
        "Skogsby", "Solbacka", "Åby", "Bodbacka", "Klemetsby", "Nyby", "Prästgården", "Hästö", "Lindvik",
        "Bäckby", "Kullen", "Strömsby", "Granbacka", "Brobacka", "Sjökulla", "Tomtebo", "Forsby",
    ]
}

/// The sectors, kinds of unit and job titles of a Finnish municipality, in Finnish and Swedish.
enum DemoCatalogue {
    static let sectors: [SectorSpec] = [
        earlyEducation, basicEducation, foodAndCleaning, technical, socialAndHealth, administration, cultureAndLeisure,
    ]

    // MARK: Early education

    static let daycareNamesFi = [
        "Satakieli", "Peippo", "Kuovi", "Tiitiäinen", "Mustikka", "Puolukka", "Tähtisilmä", "Sateenkaari",
        "Pikkukarhu", "Metsätähti", "Kielo", "Sinivuokko", "Kissankello", "Päivänkakkara", "Apila", "Kotilo",
        "Simpukka", "Aurinko", "Kuunsilta", "Tuulenpesä", "Omena", "Kastehelmi", "Pihlaja", "Kanerva", "Kaisla",
        "Lumikello", "Leppäkerttu", "Ruusu", "Taikametsä", "Vaahtera", "Tammi", "Koivikko", "Oravanpesä",
        "Mesikämmen", "Sammakko", "Tervapääsky", "Västäräkki", "Käpy", "Hilla", "Pilvilinna", "Metsämörri",
    ]
    static let daycareNamesSv = [
        "Solstrålen", "Solrosen", "Regnbågen", "Blåklockan", "Myrstacken", "Ekorren", "Trollskogen", "Lärkan",
        "Fjärilen", "Nyckelpigan", "Snäckan", "Vitsippan", "Stjärnan", "Lingonet", "Blåbäret", "Humlan",
        "Smultronet", "Tallbacken", "Sjöstjärnan", "Kotten", "Måsen", "Vallmon",
    ]
    static let daycareGroups = [
        Localised("Nallet", "Björnarna"), Localised("Oravat", "Ekorrarna"), Localised("Siilit", "Igelkottarna"),
        Localised("Ketut", "Rävarna"), Localised("Pöllöt", "Ugglorna"), Localised("Jänikset", "Harungarna"),
        Localised("Perhoset", "Fjärilarna"), Localised("Muurahaiset", "Myrorna"), Localised("Tiitiäiset", "Tomtarna"),
        Localised("Leppäkertut", "Nyckelpigorna"), Localised("Esiopetus", "Förskoleundervisningen"),
    ]

    static let daycareDirector = DemoJob(title: Localised("päiväkodinjohtaja", "daghemsföreståndare"), group: managers)
    static let earlyEducationTeacher = DemoJob(
        title: Localised("varhaiskasvatuksen opettaja", "lärare inom småbarnspedagogik"), group: earlyEducationTeachers)
    static let kindergartenTeacher = DemoJob(
        title: Localised("lastentarhanopettaja", "barnträdgårdslärare"), group: earlyEducationTeachers)
    static let childcareWorker = DemoJob(
        title: Localised("varhaiskasvatuksen lastenhoitaja", "barnskötare inom småbarnspedagogik"),
        group: earlyEducationCarers)
    static let earlyEducationSpecialTeacher = DemoJob(
        title: Localised("varhaiskasvatuksen erityisopettaja", "speciallärare inom småbarnspedagogik"),
        group: earlyEducationTeachers)
    static let earlyEducationSocionomist = DemoJob(
        title: Localised("varhaiskasvatuksen sosionomi", "socionom inom småbarnspedagogik"), group: earlyEducationTeachers)
    static let earlyEducationAssistant = DemoJob(
        title: Localised("varhaiskasvatuksen avustaja", "assistent inom småbarnspedagogik"), group: earlyEducationCarers)
    static let familyDaycareWorker = DemoJob(
        title: Localised("perhepäivähoitaja", "familjedagvårdare"), group: earlyEducationCarers)

    static let earlyEducation = SectorSpec(
        name: Localised("Varhaiskasvatus", "Småbarnspedagogik"), share: 0.24, women: 0.94,
        kinds: [
            UnitKind(
                names: [.named(Localised("Päiväkoti", "Daghemmet"), fi: daycareNamesFi, sv: daycareNamesSv),
                        .placeGenitive(Localised("päiväkoti", "daghem")),
                        .namedAtPlace(Localised("Päiväkoti", "Daghemmet"), fi: daycareNamesFi, sv: daycareNamesSv)],
                staff: 2...4, head: daycareDirector,
                jobs: [WeightedJob(earlyEducationSpecialTeacher, 1), WeightedJob(childcareWorker, 2),
                       WeightedJob(earlyEducationAssistant, 1)],
                subUnits: [SubUnitSpec(
                    suffixes: daycareGroups, count: 2...5, staff: 5...9,
                    jobs: [WeightedJob(earlyEducationTeacher, 30), WeightedJob(kindergartenTeacher, 8),
                           WeightedJob(earlyEducationSocionomist, 6), WeightedJob(childcareWorker, 50),
                           WeightedJob(earlyEducationAssistant, 6)])],
                weight: 9),
            UnitKind(
                names: [.afterPlace(Localised("Perhepäivähoito", "Familjedagvården"))],
                staff: 4...10, head: nil, jobs: [WeightedJob(familyDaycareWorker, 1)], weight: 1),
        ])

    // MARK: Basic education

    static let principal = DemoJob(title: Localised("rehtori", "rektor"), group: managers)
    static let classTeacher = DemoJob(title: Localised("luokanopettaja", "klasslärare"), group: teachers)
    static let subjectTeacher = DemoJob(title: Localised("lehtori", "lektor"), group: teachers)
    static let specialTeacher = DemoJob(title: Localised("erityisopettaja", "speciallärare"), group: teachers)
    static let studentCounsellor = DemoJob(title: Localised("opinto-ohjaaja", "studiehandledare"), group: teachers)
    static let schoolAssistant = DemoJob(
        title: Localised("koulunkäynninohjaaja", "skolgångshandledare"), group: schoolAssistance)
    static let schoolSecretary = DemoJob(title: Localised("koulusihteeri", "skolsekreterare"), group: officeStaff)
    static let afternoonInstructor = DemoJob(
        title: Localised("iltapäivätoiminnan ohjaaja", "ledare för eftermiddagsverksamhet"), group: schoolAssistance)

    static let basicEducation = SectorSpec(
        name: Localised("Perusopetus", "Grundläggande utbildning"), share: 0.26, women: 0.76,
        kinds: [
            UnitKind(
                names: [.placeGenitive(Localised("koulu", "skola")), .fixed(Localised("Keskuskoulu", "Centrumskolan")),
                        .placeGenitive(Localised("yhtenäiskoulu", "enhetsskola")),
                        .placeGenitive(Localised("yläkoulu", "högstadieskola")),
                        .placeGenitive(Localised("alakoulu", "lågstadieskola"))],
                staff: 12...60, head: principal,
                jobs: [WeightedJob(classTeacher, 38), WeightedJob(subjectTeacher, 22), WeightedJob(specialTeacher, 8),
                       WeightedJob(studentCounsellor, 2), WeightedJob(schoolAssistant, 24),
                       WeightedJob(schoolSecretary, 3),
                       WeightedJob(DemoJob(title: Localised("apulaisrehtori", "biträdande rektor"), group: managers), 1)],
                subUnits: [
                    SubUnitSpec(suffixes: [Localised("esiopetus", "förskoleundervisning")], count: 0...1, staff: 3...7,
                                jobs: [WeightedJob(earlyEducationTeacher, 2), WeightedJob(childcareWorker, 2),
                                       WeightedJob(schoolAssistant, 1)]),
                    SubUnitSpec(suffixes: [Localised("iltapäivätoiminta", "eftermiddagsverksamhet")], count: 0...1,
                                staff: 3...6, jobs: [WeightedJob(afternoonInstructor, 3), WeightedJob(schoolAssistant, 1)]),
                ]),
        ])

    // MARK: Food and cleaning services

    static let foodServiceManager = DemoJob(
        title: Localised("ruokapalveluesihenkilö", "kostservicechef"), group: managers)
    static let cook = DemoJob(title: Localised("kokki", "kock"), group: foodServices)
    static let foodServiceWorker = DemoJob(
        title: Localised("ruokapalvelutyöntekijä", "måltidsservicearbetare"), group: foodServices)
    static let cleaningSupervisor = DemoJob(
        title: Localised("puhtauspalveluohjaaja", "städledare"), group: managers)
    static let institutionalCleaner = DemoJob(title: Localised("laitoshuoltaja", "anstaltsvårdare"), group: cleaning)
    static let cleaner = DemoJob(title: Localised("siivooja", "städare"), group: cleaning)

    static let foodAndCleaning = SectorSpec(
        name: Localised("Ruoka- ja puhtauspalvelut", "Kost- och städservice"), share: 0.10, women: 0.86,
        kinds: [
            UnitKind(names: [.fixed(Localised("Keskuskeittiö", "Centralköket"))], staff: 12...35,
                     head: foodServiceManager, jobs: [WeightedJob(cook, 3), WeightedJob(foodServiceWorker, 6)],
                     weight: 2, limit: 1),
            UnitKind(names: [.placeGenitive(Localised("valmistuskeittiö", "tillagningskök"))], staff: 5...14,
                     head: cook, jobs: [WeightedJob(cook, 1), WeightedJob(foodServiceWorker, 3)], weight: 3),
            UnitKind(names: [.placeGenitive(Localised("jakelukeittiö", "serveringskök"))], staff: 3...5,
                     head: nil, jobs: [WeightedJob(foodServiceWorker, 1)], weight: 1),
            UnitKind(names: [.afterPlace(Localised("Puhtauspalvelut", "Städservice"))], staff: 8...30,
                     head: cleaningSupervisor, jobs: [WeightedJob(institutionalCleaner, 3), WeightedJob(cleaner, 2)],
                     weight: 4),
        ])

    // MARK: Technical services

    static let propertyMaintenanceWorker = DemoJob(
        title: Localised("kiinteistönhoitaja", "fastighetsskötare"), group: maintenance)
    static let maintenanceWorker = DemoJob(
        title: Localised("kunnossapitotyöntekijä", "underhållsarbetare"), group: maintenance)
    static let foreman = DemoJob(title: Localised("työnjohtaja", "arbetsledare"), group: managers)
    static let engineer = DemoJob(title: Localised("insinööri", "ingenjör"), group: technicalExperts)

    static let technical = SectorSpec(
        name: Localised("Tekniset palvelut", "Tekniska tjänster"), share: 0.07, women: 0.22,
        kinds: [
            UnitKind(names: [.afterPlace(Localised("Kiinteistöhuolto", "Fastighetsservice"))], staff: 5...20,
                     head: foreman,
                     jobs: [WeightedJob(propertyMaintenanceWorker, 7), WeightedJob(maintenanceWorker, 2),
                            WeightedJob(DemoJob(title: Localised("sähköasentaja", "elmontör"), group: maintenance), 1)],
                     weight: 4),
            UnitKind(names: [.fixed(Localised("Katu- ja viherpalvelut", "Gatu- och grönområden"))], staff: 8...30,
                     head: foreman,
                     jobs: [WeightedJob(DemoJob(title: Localised("puutarhuri", "trädgårdsmästare"), group: maintenance), 2),
                            WeightedJob(maintenanceWorker, 3),
                            WeightedJob(DemoJob(title: Localised("koneenkuljettaja", "maskinförare"), group: maintenance), 1)],
                     weight: 2, limit: 1),
            UnitKind(names: [.fixed(Localised("Rakennusvalvonta", "Byggnadstillsynen"))], staff: 4...10,
                     head: DemoJob(title: Localised("johtava rakennustarkastaja", "ledande byggnadsinspektör"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("rakennustarkastaja", "byggnadsinspektör"),
                                                group: technicalExperts), 2),
                            WeightedJob(DemoJob(title: Localised("lupasihteeri", "tillståndssekreterare"), group: officeStaff), 1)],
                     weight: 1, limit: 1),
            UnitKind(names: [.fixed(Localised("Vesihuolto", "Vattentjänster"))], staff: 5...15, head: engineer,
                     jobs: [WeightedJob(DemoJob(title: Localised("vesihuoltoasentaja", "VA-montör"), group: maintenance), 3),
                            WeightedJob(DemoJob(title: Localised("prosessinhoitaja", "processkötare"), group: maintenance), 1)],
                     weight: 1, limit: 1),
            UnitKind(names: [.fixed(Localised("Tilapalvelut", "Lokalservice"))], staff: 5...15,
                     head: DemoJob(title: Localised("kiinteistöpäällikkö", "fastighetschef"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("rakennusmestari", "byggmästare"), group: technicalExperts), 2),
                            WeightedJob(engineer, 1),
                            WeightedJob(DemoJob(title: Localised("suunnittelija", "planerare"), group: technicalExperts), 1)],
                     weight: 1, limit: 1),
        ])

    // MARK: Social and health services

    static let headNurse = DemoJob(title: Localised("osastonhoitaja", "avdelningsskötare"), group: managers)
    static let nurse = DemoJob(title: Localised("sairaanhoitaja", "sjukskötare"), group: nursing)
    static let publicHealthNurse = DemoJob(title: Localised("terveydenhoitaja", "hälsovårdare"), group: nursing)
    static let practicalNurse = DemoJob(title: Localised("lähihoitaja", "närvårdare"), group: nursing)
    static let careAssistant = DemoJob(title: Localised("hoitoapulainen", "vårdbiträde"), group: nursing)
    static let physician = DemoJob(title: Localised("lääkäri", "läkare"), group: physicians)
    static let physiotherapist = DemoJob(title: Localised("fysioterapeutti", "fysioterapeut"), group: nursing)
    static let officeSecretary = DemoJob(title: Localised("toimistosihteeri", "byråsekreterare"), group: officeStaff)
    static let serviceHomeNamesFi = ["Kotirinne", "Mäntykoti", "Kotipirtti", "Päivärinne", "Koivukoti", "Onnela",
                                     "Kotikallio", "Ilola", "Honkaharju", "Ruskakoti"]
    static let serviceHomeNamesSv = ["Solgården", "Furuhemmet", "Ekbacken", "Lindgården", "Björkhemmet",
                                     "Havsgläntan", "Rönnbacka"]

    static let socialAndHealth = SectorSpec(
        name: Localised("Sosiaali- ja terveyspalvelut", "Social- och hälsovård"), share: 0.20, women: 0.87,
        kinds: [
            UnitKind(names: [.placeGenitive(Localised("terveysasema", "hälsostation"))], staff: 10...40, head: headNurse,
                     jobs: [WeightedJob(physician, 15), WeightedJob(nurse, 35), WeightedJob(publicHealthNurse, 12),
                            WeightedJob(practicalNurse, 20), WeightedJob(physiotherapist, 5),
                            WeightedJob(officeSecretary, 6)],
                     weight: 3),
            UnitKind(names: [.afterPlace(Localised("Kotihoito", "Hemvården"))], staff: 15...45,
                     head: DemoJob(title: Localised("kotihoidon esihenkilö", "chef för hemvården"), group: managers),
                     jobs: [WeightedJob(practicalNurse, 70), WeightedJob(nurse, 15), WeightedJob(careAssistant, 10),
                            WeightedJob(physiotherapist, 3)],
                     weight: 3),
            UnitKind(names: [.named(Localised("Palvelukoti", "Servicehuset"), fi: serviceHomeNamesFi, sv: serviceHomeNamesSv),
                             .placeGenitive(Localised("palvelukoti", "servicehus"))],
                     staff: 2...4, head: headNurse, jobs: [WeightedJob(nurse, 1)],
                     subUnits: [SubUnitSpec(
                        suffixes: [Localised("ryhmäkoti A", "gruppboende A"), Localised("ryhmäkoti B", "gruppboende B"),
                                   Localised("ryhmäkoti C", "gruppboende C"), Localised("ryhmäkoti D", "gruppboende D")],
                        count: 2...4, staff: 6...16,
                        jobs: [WeightedJob(practicalNurse, 70), WeightedJob(careAssistant, 15), WeightedJob(nurse, 15)])],
                     weight: 2),
            UnitKind(names: [.fixed(Localised("Sosiaalipalvelut", "Socialbyrån"))], staff: 6...25,
                     head: DemoJob(title: Localised("johtava sosiaalityöntekijä", "ledande socialarbetare"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("sosiaalityöntekijä", "socialarbetare"), group: socialWork), 4),
                            WeightedJob(DemoJob(title: Localised("sosiaaliohjaaja", "socialhandledare"), group: socialWork), 3),
                            WeightedJob(DemoJob(title: Localised("etuuskäsittelijä", "förmånshandläggare"), group: officeStaff), 2)],
                     weight: 1, limit: 1),
            UnitKind(names: [.afterPlace(Localised("Hammashoitola", "Tandkliniken"))], staff: 4...12, head: nil,
                     jobs: [WeightedJob(DemoJob(title: Localised("hammaslääkäri", "tandläkare"), group: physicians), 1),
                            WeightedJob(DemoJob(title: Localised("hammashoitaja", "tandskötare"), group: nursing), 2),
                            WeightedJob(DemoJob(title: Localised("suuhygienisti", "munhygienist"), group: nursing), 1)],
                     weight: 1),
            UnitKind(names: [.afterPlace(Localised("Neuvola", "Rådgivningen"))], staff: 3...6, head: nil,
                     jobs: [WeightedJob(publicHealthNurse, 1)], weight: 1),
        ])

    // MARK: Administration

    static let administration = SectorSpec(
        name: Localised("Hallinto", "Förvaltning"), share: 0.06, women: 0.74,
        kinds: [
            UnitKind(names: [.fixed(Localised("Keskushallinto", "Centralförvaltningen"))], staff: 6...30,
                     head: DemoJob(title: Localised("hallintojohtaja", "förvaltningsdirektör"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("hallintosihteeri", "förvaltningssekreterare"), group: officeStaff), 3),
                            WeightedJob(DemoJob(title: Localised("kirjaaja", "registrator"), group: officeStaff), 1),
                            WeightedJob(DemoJob(title: Localised("lakimies", "jurist"), group: experts), 1),
                            WeightedJob(DemoJob(title: Localised("viestintäsuunnittelija", "kommunikationsplanerare"), group: experts), 1),
                            WeightedJob(officeSecretary, 2)],
                     weight: 2, limit: 1),
            UnitKind(names: [.fixed(Localised("Henkilöstöpalvelut", "Personaltjänster"))], staff: 5...30,
                     head: DemoJob(title: Localised("henkilöstöpäällikkö", "personalchef"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("henkilöstösuunnittelija", "personalplanerare"), group: experts), 2),
                            WeightedJob(DemoJob(title: Localised("palkkasihteeri", "lönesekreterare"), group: officeStaff), 3),
                            WeightedJob(DemoJob(title: Localised("HR-asiantuntija", "HR-expert"), group: experts), 1)],
                     weight: 2, limit: 1),
            UnitKind(names: [.fixed(Localised("Talouspalvelut", "Ekonomitjänster"))], staff: 5...30,
                     head: DemoJob(title: Localised("talouspäällikkö", "ekonomichef"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("kirjanpitäjä", "bokförare"), group: officeStaff), 3),
                            WeightedJob(DemoJob(title: Localised("controller", "controller"), group: experts), 1),
                            WeightedJob(DemoJob(title: Localised("laskentasihteeri", "räkenskapssekreterare"), group: officeStaff), 2)],
                     weight: 2, limit: 1),
            UnitKind(names: [.fixed(Localised("ICT-palvelut", "IT-tjänster"))], staff: 4...30,
                     head: DemoJob(title: Localised("tietohallintopäällikkö", "IT-chef"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("IT-tukihenkilö", "IT-stödperson"), group: experts), 3),
                            WeightedJob(DemoJob(title: Localised("järjestelmäasiantuntija", "systemexpert"), group: experts), 2)],
                     weight: 2, limit: 1),
            UnitKind(names: [.afterPlace(Localised("Asiointipiste", "Servicepunkten")),
                             .afterPlace(Localised("Palvelutoimisto", "Servicekontoret"))],
                     staff: 4...10, head: nil,
                     jobs: [WeightedJob(DemoJob(title: Localised("palvelusihteeri", "servicesekreterare"), group: officeStaff), 2),
                            WeightedJob(officeSecretary, 1)],
                     weight: 3),
        ])

    // MARK: Culture and leisure

    static let librarian = DemoJob(title: Localised("kirjastonhoitaja", "bibliotekarie"), group: libraryAndCulture)
    static let libraryClerk = DemoJob(title: Localised("kirjastovirkailija", "biblioteksfunktionär"), group: libraryAndCulture)
    static let youthWorker = DemoJob(title: Localised("nuoriso-ohjaaja", "ungdomsledare"), group: sportAndYouth)

    static let cultureAndLeisure = SectorSpec(
        name: Localised("Kulttuuri- ja vapaa-aikapalvelut", "Kultur- och fritidstjänster"), share: 0.07, women: 0.68,
        kinds: [
            UnitKind(names: [.fixed(Localised("Pääkirjasto", "Huvudbiblioteket"))], staff: 10...30,
                     head: DemoJob(title: Localised("kirjastotoimenjohtaja", "bibliotekschef"), group: managers),
                     jobs: [WeightedJob(librarian, 3), WeightedJob(libraryClerk, 5),
                            WeightedJob(DemoJob(title: Localised("informaatikko", "informatiker"), group: libraryAndCulture), 2)],
                     weight: 2, limit: 1),
            UnitKind(names: [.placeGenitive(Localised("kirjasto", "bibliotek"))], staff: 4...10, head: nil,
                     jobs: [WeightedJob(libraryClerk, 2), WeightedJob(librarian, 1)], weight: 3),
            UnitKind(names: [.fixed(Localised("Liikuntapalvelut", "Idrottstjänster"))], staff: 5...20,
                     head: DemoJob(title: Localised("liikuntapäällikkö", "idrottschef"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("liikunnanohjaaja", "idrottsinstruktör"), group: sportAndYouth), 3),
                            WeightedJob(DemoJob(title: Localised("liikuntapaikkahoitaja", "idrottsplatsskötare"), group: maintenance), 2)],
                     weight: 1, limit: 1),
            UnitKind(names: [.placeGenitive(Localised("uimahalli", "simhall"))], staff: 6...15, head: nil,
                     jobs: [WeightedJob(DemoJob(title: Localised("uimavalvoja", "simövervakare"), group: sportAndYouth), 3),
                            WeightedJob(DemoJob(title: Localised("asiakaspalvelusihteeri", "kundtjänstsekreterare"), group: officeStaff), 1),
                            WeightedJob(institutionalCleaner, 1)],
                     weight: 1, limit: 2),
            UnitKind(names: [.afterPlace(Localised("Nuorisotalo", "Ungdomsgården"))], staff: 3...6, head: nil,
                     jobs: [WeightedJob(youthWorker, 1)], weight: 1),
            UnitKind(names: [.fixed(Localised("Kansalaisopisto", "Medborgarinstitutet"))], staff: 5...20,
                     head: principal,
                     jobs: [WeightedJob(DemoJob(title: Localised("suunnitteleva opettaja", "planerande lärare"), group: teachers), 2),
                            WeightedJob(DemoJob(title: Localised("opistosihteeri", "institutssekreterare"), group: officeStaff), 1)],
                     weight: 1, limit: 1),
            UnitKind(names: [.fixed(Localised("Musiikkiopisto", "Musikinstitutet"))], staff: 8...30, head: principal,
                     jobs: [WeightedJob(DemoJob(title: Localised("musiikinopettaja", "musiklärare"), group: teachers), 1)],
                     weight: 1, limit: 1),
            UnitKind(names: [.fixed(Localised("Museo", "Museet"))], staff: 3...8,
                     head: DemoJob(title: Localised("museonjohtaja", "museichef"), group: managers),
                     jobs: [WeightedJob(DemoJob(title: Localised("amanuenssi", "amanuens"), group: libraryAndCulture), 2),
                            WeightedJob(DemoJob(title: Localised("kulttuurituottaja", "kulturproducent"), group: libraryAndCulture), 1)],
                     weight: 1, limit: 1),
        ])

    // MARK: Job groups

    static let managers = Localised("Esihenkilöt ja johto", "Chefer och ledning")
    static let earlyEducationTeachers = Localised("Varhaiskasvatuksen opettajat", "Lärare inom småbarnspedagogik")
    static let earlyEducationCarers = Localised("Varhaiskasvatuksen hoitohenkilöstö", "Vårdpersonal inom småbarnspedagogik")
    static let teachers = Localised("Opettajat", "Lärare")
    static let schoolAssistance = Localised("Koulunkäynnin ohjaus", "Skolgångshandledning")
    static let foodServices = Localised("Ruokapalvelut", "Kostservice")
    static let cleaning = Localised("Puhtauspalvelut", "Städservice")
    static let maintenance = Localised("Kiinteistö- ja kunnossapito", "Fastighetsskötsel och underhåll")
    static let technicalExperts = Localised("Tekniset asiantuntijat", "Tekniska experter")
    static let nursing = Localised("Hoitohenkilöstö", "Vårdpersonal")
    static let physicians = Localised("Lääkärit", "Läkare")
    static let socialWork = Localised("Sosiaalityö", "Socialt arbete")
    static let officeStaff = Localised("Toimisto- ja hallintohenkilöstö", "Kontors- och förvaltningspersonal")
    static let experts = Localised("Asiantuntijat", "Experter")
    static let libraryAndCulture = Localised("Kirjasto- ja kulttuurihenkilöstö", "Biblioteks- och kulturpersonal")
    static let sportAndYouth = Localised("Liikunta- ja nuorisotyö", "Idrotts- och ungdomsarbete")
}
