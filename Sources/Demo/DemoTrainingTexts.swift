import Storage

/// Who a demo training is for: everyone, or the people of some sectors or job groups (by their names
/// in the catalogue, so each organisation's own sector and job-group names are found).
enum DemoTrainingAudience: Sendable {
    case everyone
    case sectors([Localised])
    case jobGroups([Localised])
}

/// A catalogue entry of the demo: what a training is, before an organisation owns it.
struct DemoTrainingSpec: Sendable {
    /// A stable name for the entry, used for links and seeds (never shown).
    let key: String
    let title: LocalisedText
    let description: LocalisedText
    let minutes: Int
    let format: TrainingFormat
    /// Competence area codes of the shipped framework.
    let areas: [String]
    var audience: DemoTrainingAudience = .everyone
    /// Materials: a title and the page under the organisation's intranet.
    var materials: [(title: LocalisedText, page: String)] = []
}

/// A recurring format of the demo with its themes.
struct DemoSeriesSpec: Sendable {
    let key: String
    let title: LocalisedText
    let description: LocalisedText
    let themes: [DemoTrainingSpec]
}

/// The demo's training catalogue, in Finnish, Swedish and English: the series the DigiHelppi
/// municipalities ran (15-minute digi-tips and security quarters, six 30-minute Microsoft 365
/// sessions), AI sessions, digital onboarding, short sessions at daycare nap time, guidance on site
/// in the units, and courses taken elsewhere.
enum DemoTrainingTexts {
    // The framework's competence area codes (Migrations/0004_default_framework.sql).
    static let ictBasics = "ict-basics"
    static let digitalWork = "digital-work"
    static let digitalSolutions = "digital-solutions"
    static let security = "information-security"
    static let ethics = "ethics"
    static let clientGuidance = "client-guidance"

    private static func text(_ fi: String, _ sv: String, _ en: String) -> LocalisedText {
        LocalisedText(fi: fi, sv: sv, en: en)
    }

    private static func theme(_ key: String, _ minutes: Int, _ areas: [String], _ title: LocalisedText,
                              _ description: LocalisedText, format: TrainingFormat = .remote) -> DemoTrainingSpec {
        DemoTrainingSpec(key: key, title: title, description: description, minutes: minutes, format: format, areas: areas)
    }

    // MARK: - Digivinkkituokio

    static let digiTips = DemoSeriesSpec(
        key: "digivinkki",
        title: text("Digivinkkituokio", "Digitipsstund", "Digi-tip session"),
        description: text(
            "Vartin mittainen Teams-tuokio työpäivän keskellä: yksi työtä helpottava digivinkki kerrallaan. "
                + "Kameraa ei tarvitse avata, ja tallenteen voi katsoa myöhemmin.",
            "En kvarts Teams-stund mitt i arbetsdagen: ett digitips som gör arbetet lättare åt gången. "
                + "Du behöver inte slå på kameran, och inspelningen kan ses i efterhand.",
            "A quarter of an hour on Teams in the middle of the working day: one digital tip that makes work "
                + "easier at a time. No need to turn on your camera, and the recording can be watched later."),
        themes: [
            theme("digivinkki-onenote", 15, [digitalWork], text(
                "Digivinkki: sähköiset muistiinpanot OneNotella",
                "Digitips: digitala anteckningar i OneNote",
                "Digi-tip: digital notes with OneNote"), text(
                "Muistiinpanot, tarkistuslistat ja kuvat samaan paikkaan, joka kulkee puhelimessa mukana.",
                "Anteckningar, checklistor och bilder på ett ställe som följer med i telefonen.",
                "Notes, checklists and photos in one place that travels with you on your phone.")),
            theme("digivinkki-pikanappaimet", 15, [ictBasics], text(
                "Digivinkki: pikanäppäimet ja näyttökuvat",
                "Digitips: kortkommandon och skärmbilder",
                "Digi-tip: keyboard shortcuts and screenshots"), text(
                "Kymmenen pikanäppäintä, jotka säästävät aikaa joka päivä, ja näyttökuva ohjeen tueksi.",
                "Tio kortkommandon som sparar tid varje dag, och en skärmbild som stöd för en instruktion.",
                "Ten shortcuts that save time every day, and a screenshot to go with an instruction.")),
            theme("digivinkki-linkit", 15, [digitalWork], text(
                "Digivinkki: tiedosto jakoon linkkinä, ei liitteenä",
                "Digitips: dela filen som länk, inte som bilaga",
                "Digi-tip: share a file as a link, not an attachment"), text(
                "Kun kaikki muokkaavat samaa tiedostoa, versioita ei tarvitse koota sähköpostista.",
                "När alla redigerar samma fil behöver ingen samla ihop versioner ur e-posten.",
                "When everyone edits the same file, nobody has to gather versions from e-mail.")),
            theme("digivinkki-intra", 15, [ictBasics], text(
                "Digivinkki: intran haku ja digiohjeet",
                "Digitips: sökningen i intranätet och digianvisningarna",
                "Digi-tip: searching the intranet and the digital guides"), text(
                "Mistä löytyvät kunnan digiohjeet, lomakkeet ja ajankohtaiset tiedotteet, ja miten haku toimii.",
                "Var kommunens digianvisningar, blanketter och aktuella meddelanden finns och hur sökningen fungerar.",
                "Where to find the municipality's digital guides, forms and news, and how the search works.")),
            theme("digivinkki-itsepalvelu", 15, [ictBasics], text(
                "Digivinkki: lomat ja poissaolot HR-itsepalvelussa",
                "Digitips: semester och frånvaro i HR-självbetjäningen",
                "Digi-tip: leave and absences in HR self-service"), text(
                "Lomahakemus, sairauspoissaolon ilmoitus ja oma palkkalaskelma ilman paperilomakkeita.",
                "Semesteransökan, anmälan om sjukfrånvaro och den egna lönespecifikationen utan pappersblanketter.",
                "Applying for leave, reporting sick leave and finding your payslip without paper forms.")),
            theme("digivinkki-teams-kanavat", 15, [digitalWork], text(
                "Digivinkki: Teams-kanavat ja digivinkkauskanava",
                "Digitips: Teams-kanaler och tipskanalen",
                "Digi-tip: Teams channels and the tips channel"), text(
                "Kysy ja vinkkaa matalalla kynnyksellä: vastaa se, joka tietää ja ehtii ensin.",
                "Fråga och tipsa med låg tröskel: den som vet och hinner först svarar.",
                "Ask and share tips with a low threshold: whoever knows and has time first answers.")),
            theme("digivinkki-tyopuhelin", 15, [ictBasics], text(
                "Digivinkki: työpuhelin haltuun",
                "Digitips: få ut mer av jobbtelefonen",
                "Digi-tip: getting to grips with your work phone"), text(
                "Sähköposti, kalenteri ja Teams puhelimessa sekä asetukset, jotka kannattaa tarkistaa.",
                "E-post, kalender och Teams i telefonen samt inställningar som är värda att kontrollera.",
                "E-mail, calendar and Teams on your phone, and the settings worth checking.")),
            theme("digivinkki-forms", 15, [digitalSolutions], text(
                "Digivinkki: kyselyt ja ilmoittautumiset Formsilla",
                "Digitips: enkäter och anmälningar med Forms",
                "Digi-tip: surveys and sign-ups with Forms"), text(
                "Nopea kysely työkavereille tai ilmoittautuminen tapahtumaan ilman taulukoiden kokoamista.",
                "En snabb enkät till kollegerna eller en anmälan till ett evenemang utan att sammanställa tabeller.",
                "A quick survey for colleagues or a sign-up for an event without collating spreadsheets.")),
            theme("digivinkki-planner", 15, [digitalWork, digitalSolutions], text(
                "Digivinkki: työtehtävät jakoon Plannerilla",
                "Digitips: fördela arbetsuppgifter med Planner",
                "Digi-tip: sharing out tasks with Planner"), text(
                "Kausitöiden suunnittelu ja tehtävien jakaminen esimerkiksi kesätyöntekijöille yhdellä taululla.",
                "Planera säsongsarbeten och fördela uppgifter till exempel åt sommarjobbare på en och samma tavla.",
                "Planning seasonal work and sharing out tasks, for example to summer workers, on one board.")),
            theme("digivinkki-asiointi", 15, [clientGuidance, ethics], text(
                "Digivinkki: asukkaan opastaminen sähköiseen asiointiin",
                "Digitips: att hjälpa invånare med e-tjänster",
                "Digi-tip: helping residents with e-services"), text(
                "Miten opastan asukasta sähköisessä asioinnissa ja tunnistautumisessa niin, että hän voi valita "
                    + "itselleen sopivan tavan.",
                "Hur jag vägleder en invånare i e-tjänster och identifiering så att hen kan välja det sätt som "
                    + "passar hen.",
                "How to guide a resident through e-services and identification so that they can choose the way "
                    + "that suits them.")),
        ])

    // MARK: - Digiturvavartti

    static let securityQuarters = DemoSeriesSpec(
        key: "digiturva",
        title: text("Digiturvavartti", "Digisäkerhetskvart", "Digital security quarter"),
        description: text(
            "Vartin tietoturvatuokio, jossa paneudutaan yhteen teemaan ja kerrotaan ajankohtaisista "
                + "huijauksista ja uhista.",
            "En kvarts informationssäkerhet där vi går på djupet med ett tema och berättar om aktuella "
                + "bedrägerier och hot.",
            "A quarter of an hour on information security: one theme in depth, plus current scams and threats."),
        themes: [
            theme("digiturva-salasanat", 15, [security], text(
                "Digiturvavartti: vahva salasana ja salasanojen hallinta",
                "Digisäkerhetskvart: starka lösenord och lösenordshantering",
                "Security quarter: strong passwords and password managers"), text(
                "Pitkä salalause, eri salasana eri palveluihin ja salasanojen hallintaohjelma.",
                "En lång lösenfras, olika lösenord för olika tjänster och ett program för lösenordshantering.",
                "A long passphrase, a different password for each service, and a password manager.")),
            theme("digiturva-mfa", 15, [security, ictBasics], text(
                "Digiturvavartti: monivaiheinen tunnistautuminen",
                "Digisäkerhetskvart: flerstegsautentisering",
                "Security quarter: multi-factor authentication"), text(
                "Miksi kirjautumiseen tarvitaan toinen vaihe ja miten tunnistussovellus otetaan käyttöön.",
                "Varför inloggningen behöver ett andra steg och hur du tar i bruk en autentiseringsapp.",
                "Why sign-in needs a second step and how to set up an authenticator app.")),
            theme("digiturva-huijaukset", 15, [security], text(
                "Digiturvavartti: huijausviestien tunnistaminen",
                "Digisäkerhetskvart: att känna igen bedrägliga meddelanden",
                "Security quarter: recognising scam messages"), text(
                "Kalasteluviestien tuntomerkit sähköpostissa, tekstiviesteissä ja puheluissa sekä mitä tehdä, "
                    + "jos jo klikkasi.",
                "Kännetecken på nätfiske i e-post, sms och samtal, och vad du gör om du redan har klickat.",
                "Signs of phishing in e-mail, text messages and calls, and what to do if you already clicked.")),
            theme("digiturva-etatyo", 15, [security], text(
                "Digiturvavartti: etätyö turvallisesti",
                "Digisäkerhetskvart: tryggt distansarbete",
                "Security quarter: working remotely safely"), text(
                "Kotiverkko, julkiset verkot, näytön lukitseminen ja luottamukselliset puhelut kotona.",
                "Hemnätverket, offentliga nätverk, att låsa skärmen och konfidentiella samtal hemma.",
                "Home networks, public Wi-Fi, locking your screen and confidential calls at home.")),
            theme("digiturva-tietosuoja", 15, [security, ethics], text(
                "Digiturvavartti: henkilötietojen huolellinen käsittely",
                "Digisäkerhetskvart: att hantera personuppgifter omsorgsfullt",
                "Security quarter: handling personal data with care"), text(
                "Mitä tietoja saa käsitellä, missä niitä säilytetään ja kenelle niitä voi luovuttaa.",
                "Vilka uppgifter du får behandla, var de förvaras och till vem de får lämnas ut.",
                "Which data you may process, where it is kept and to whom it may be disclosed.")),
            theme("digiturva-poikkeamat", 15, [security], text(
                "Digiturvavartti: tietoturvapoikkeamasta ilmoittaminen",
                "Digisäkerhetskvart: att anmäla en informationssäkerhetsincident",
                "Security quarter: reporting a security incident"), text(
                "Väärään osoitteeseen lähtenyt viesti tai kadonnut puhelin: kenelle ilmoitetaan ja kuinka nopeasti.",
                "Ett meddelande till fel adress eller en borttappad telefon: vem du anmäler till och hur snabbt.",
                "A message sent to the wrong address or a lost phone: whom to tell and how quickly.")),
            theme("digiturva-some", 15, [security, ethics], text(
                "Digiturvavartti: sosiaalinen media ja oma työ",
                "Digisäkerhetskvart: sociala medier och det egna arbetet",
                "Security quarter: social media and your work"), text(
                "Mitä työstä voi kertoa somessa, asiakkaiden kuvat ja yksityisyys sekä oman tilin suojaaminen.",
                "Vad du kan berätta om arbetet i sociala medier, bilder på klienter och integritet samt att skydda "
                    + "det egna kontot.",
                "What you can share about work on social media, photos of clients and privacy, and protecting "
                    + "your own account.")),
            theme("digiturva-mobiili", 15, [security, ictBasics], text(
                "Digiturvavartti: puhelimen ja tabletin tietoturva",
                "Digisäkerhetskvart: säkerhet i telefon och surfplatta",
                "Security quarter: keeping phones and tablets safe"), text(
                "Näytön lukitus, päivitykset ja sovellusten luvat työkäytössä olevissa laitteissa.",
                "Skärmlås, uppdateringar och appbehörigheter i enheter som används i arbetet.",
                "Screen locks, updates and app permissions on devices used for work.")),
            theme("digiturva-tallennus", 15, [security, digitalWork], text(
                "Digiturvavartti: mihin tiedostot tallennetaan",
                "Digisäkerhetskvart: var filerna ska sparas",
                "Security quarter: where to save your files"), text(
                "OneDrive, Teams ja yksikön yhteiset kansiot: mikä sopii mihinkin ja miten jakaminen rajataan.",
                "OneDrive, Teams och enhetens gemensamma mappar: vad passar för vad och hur delningen begränsas.",
                "OneDrive, Teams and the unit's shared folders: what suits which purpose and how to limit sharing.")),
            theme("digiturva-tekoaly", 15, [security, digitalSolutions], text(
                "Digiturvavartti: tekoäly ja tietoturva",
                "Digisäkerhetskvart: AI och informationssäkerhet",
                "Security quarter: AI and information security"), text(
                "Mitä tekoälypalveluun saa kirjoittaa ja mitä ei, ja miten kunnan tekoälyohje linjaa käytön.",
                "Vad du får skriva i en AI-tjänst och vad inte, och hur kommunens AI-anvisning drar upp riktlinjerna.",
                "What you may and may not type into an AI service, and what the municipality's AI guidelines say.")),
        ])

    // MARK: - Microsoft 365

    static let microsoft365 = DemoSeriesSpec(
        key: "m365",
        title: text("Microsoft 365 -tuokiot", "Microsoft 365-stunder", "Microsoft 365 sessions"),
        description: text(
            "Kuusi puolen tunnin Teams-koulutusta Microsoft 365 -työkaluista: sähköposti, kalenteri, Teams, "
                + "Teams-kokoukset, OneDrive ja PowerPoint.",
            "Sex halvtimmesutbildningar på Teams om Microsoft 365-verktygen: e-post, kalender, Teams, "
                + "Teams-möten, OneDrive och PowerPoint.",
            "Six half-hour sessions on Teams about the Microsoft 365 tools: e-mail, calendar, Teams, Teams "
                + "meetings, OneDrive and PowerPoint."),
        themes: [
            theme("m365-outlook", 30, [ictBasics], text(
                "Outlook-sähköpostin käyttäminen",
                "Att använda e-posten i Outlook",
                "Using Outlook e-mail"), text(
                "Kansiot, säännöt, haku ja poissaoloviesti: sähköposti hallintaan puolessa tunnissa.",
                "Mappar, regler, sökning och frånvaromeddelande: ordning på e-posten på en halvtimme.",
                "Folders, rules, search and the out-of-office reply: your inbox in order in half an hour.")),
            theme("m365-kalenteri", 30, [ictBasics, digitalWork], text(
                "Outlookin ja Teamsin kalenteri",
                "Kalendern i Outlook och Teams",
                "The Outlook and Teams calendar"), text(
                "Kokouskutsut, yhteiset kalenterit ja vapaiden aikojen katsominen.",
                "Mötesinbjudningar, gemensamma kalendrar och att se lediga tider.",
                "Meeting invitations, shared calendars and finding free times.")),
            theme("m365-teams", 30, [digitalWork], text(
                "Teamsin käyttäminen",
                "Att använda Teams",
                "Using Teams"), text(
                "Chatit, tiimit ja kanavat sekä tiedostot yhteisessä työtilassa.",
                "Chattar, team och kanaler samt filer i en gemensam arbetsyta.",
                "Chats, teams and channels, and files in a shared workspace.")),
            theme("m365-kokous", 30, [digitalWork, clientGuidance], text(
                "Teams-kokouksen järjestäminen",
                "Att ordna ett Teams-möte",
                "Organising a Teams meeting"), text(
                "Kutsu, aula, näytön jakaminen ja tallennus sekä ulkopuolisen osallistujan ohjaaminen mukaan.",
                "Inbjudan, lobby, skärmdelning och inspelning samt att hjälpa en utomstående deltagare in i mötet.",
                "The invitation, the lobby, sharing your screen and recording, and helping an outside guest join.")),
            theme("m365-onedrive", 30, [ictBasics, digitalWork], text(
                "OneDriven käyttäminen",
                "Att använda OneDrive",
                "Using OneDrive"), text(
                "Omat tiedostot pilvessä, synkronointi ja tiedoston palauttaminen aiempaan versioon.",
                "Egna filer i molnet, synkronisering och att återställa en tidigare version av en fil.",
                "Your files in the cloud, syncing, and restoring an earlier version of a file.")),
            theme("m365-powerpoint", 30, [digitalWork], text(
                "Vinkkejä PowerPointin käyttämiseen",
                "Tips för PowerPoint",
                "Tips for PowerPoint"), text(
                "Selkeä esitys nopeasti: pohjat, suunnitteluehdotukset ja saavutettavat diat.",
                "En tydlig presentation snabbt: mallar, designförslag och tillgängliga bilder.",
                "A clear presentation quickly: templates, design suggestions and accessible slides.")),
        ])

    // MARK: - Trainings outside the series

    static let aiBasics = DemoTrainingSpec(
        key: "tekoaly-perusteet",
        title: text("Tekoälyn perusteet ja kunnan tekoälyohje", "Grunderna i AI och kommunens AI-anvisning",
                    "AI basics and the municipality's AI guidelines"),
        description: text(
            "Mitä tekoäly on ja mitä ei, mihin sitä voi työssä käyttää ja mitä kunnan tekoälyohje edellyttää.",
            "Vad AI är och inte är, vad den kan användas till i arbetet och vad kommunens AI-anvisning kräver.",
            "What AI is and is not, what it can be used for at work and what the municipality's AI guidelines require."),
        minutes: 45, format: .remote, areas: [digitalSolutions, ethics],
        materials: [(text("Kunnan tekoälyohje", "Kommunens AI-anvisning", "The municipality's AI guidelines"),
                     "digiohjeet/tekoaly")])

    static let aiWorkshop = DemoTrainingSpec(
        key: "tekoaly-tyopaja",
        title: text("Tekoälytyöpaja: Copilot omassa työssä", "AI-verkstad: Copilot i det egna arbetet",
                    "AI workshop: Copilot in your own work"),
        description: text(
            "Kokeillaan yhdessä tekstin tiivistämistä, kokousmuistion laatimista ja ideointia omilla "
                + "esimerkeillä. Ota mukaan kannettava tai tule paikan päälle.",
            "Vi prövar tillsammans att sammanfatta text, skriva mötesanteckningar och idégenerera med egna "
                + "exempel. Ta med en bärbar dator eller kom på plats.",
            "Together we try summarising text, drafting meeting notes and brainstorming with our own examples. "
                + "Bring a laptop or come on site."),
        minutes: 60, format: .hybrid, areas: [digitalSolutions, digitalWork])

    static let excel = DemoTrainingSpec(
        key: "excel",
        title: text("Excelin perusteet", "Grunderna i Excel", "Excel basics"),
        description: text(
            "Taulukon muotoilu, kaavat, suodatus ja yksinkertainen kaavio. Atk-luokassa on koneet valmiina.",
            "Formatering, formler, filtrering och ett enkelt diagram. Datorerna står färdiga i datasalen.",
            "Formatting, formulas, filtering and a simple chart. Computers are ready in the training room."),
        minutes: 60, format: .onSite, areas: [digitalWork, ictBasics],
        audience: .jobGroups([DemoCatalogue.officeStaff, DemoCatalogue.experts, DemoCatalogue.managers]))

    static let onboarding = DemoTrainingSpec(
        key: "digiperehdytys",
        title: text("Digiperehdytys uusille työntekijöille", "Digital introduktion för nyanställda",
                    "Digital onboarding for new employees"),
        description: text(
            "Ensimmäisten viikkojen digiasiat: tunnukset ja kirjautuminen, sähköposti, intra, HR-itsepalvelu, "
                + "Teams ja tietoturvan perusteet. Esihenkilö ilmoittaa uuden työntekijän tilaisuuteen.",
            "Det digitala under de första veckorna: användarnamn och inloggning, e-post, intranätet, "
                + "HR-självbetjäningen, Teams och grunderna i informationssäkerhet. Chefen anmäler den nyanställda.",
            "The digital basics of the first weeks: accounts and sign-in, e-mail, the intranet, HR self-service, "
                + "Teams and security basics. The supervisor signs up the new employee."),
        minutes: 60, format: .remote, areas: [ictBasics, security],
        materials: [(text("Koko kunnan digiperehdytysmateriaali", "Kommunens material för digital introduktion",
                          "The municipality's digital onboarding material"), "perehdytys/digi")])

    static let napTime = DemoTrainingSpec(
        key: "nukkarivartti",
        title: text("Nukkarivartti: digivinkit varhaiskasvatukseen", "Vilostundskvart: digitips för småbarnspedagogiken",
                    "Nap-time quarter: digital tips for early education"),
        description: text(
            "Puolen tunnin Teams-tuokio päiväkotien lepohetken aikaan: varhaiskasvatuksen järjestelmä, "
                + "huoltajaviestit, kuvien turvallinen käsittely ja tabletti ryhmän arjessa.",
            "En halvtimmes Teams-stund medan barnen vilar: småbarnspedagogikens system, meddelanden till "
                + "vårdnadshavare, att hantera bilder tryggt och surfplattan i gruppens vardag.",
            "A half-hour Teams session while the children rest: the early-education system, messages to "
                + "guardians, handling photos safely and the tablet in the group's day."),
        minutes: 30, format: .remote, areas: [digitalWork, security],
        audience: .sectors([DemoCatalogue.earlyEducation.name]))

    /// Guidance in the unit itself, for staff who do not work at a computer.
    static let onSite: [DemoTrainingSpec] = [
        DemoTrainingSpec(
            key: "yksikko-perusteet",
            title: text("Digiopastus yksikössä: sähköposti, Teams ja intra",
                        "Digihandledning på enheten: e-post, Teams och intranätet",
                        "Guidance in your unit: e-mail, Teams and the intranet"),
            description: text(
                "Digitukihenkilö tulee taukotilaan: kirjaudutaan yhdessä omalla puhelimella tai yksikön "
                    + "koneella ja käydään läpi juuri teidän arjen kysymykset.",
                "En digistödperson kommer till pausrummet: vi loggar in tillsammans med den egna telefonen eller "
                    + "enhetens dator och går igenom just era vardagliga frågor.",
                "A digital support person comes to your break room: we sign in together on your own phone or the "
                    + "unit's computer and go through your everyday questions."),
            minutes: 45, format: .onSite, areas: [ictBasics, digitalWork]),
        DemoTrainingSpec(
            key: "yksikko-itsepalvelu",
            title: text("Digiopastus yksikössä: HR-itsepalvelu ja palkkalaskelmat",
                        "Digihandledning på enheten: HR-självbetjäning och lönespecifikationer",
                        "Guidance in your unit: HR self-service and payslips"),
            description: text(
                "Loma-anomus, poissaoloilmoitus ja palkkalaskelma omalla puhelimella, rauhassa ja yhdessä.",
                "Semesteransökan, frånvaroanmälan och lönespecifikation i den egna telefonen, i lugn och ro och "
                    + "tillsammans.",
                "Applying for leave, reporting absences and finding your payslip on your own phone, calmly and "
                    + "together."),
            minutes: 30, format: .onSite, areas: [ictBasics]),
        DemoTrainingSpec(
            key: "yksikko-puhelin",
            title: text("Digiopastus yksikössä: työpuhelin turvallisesti",
                        "Digihandledning på enheten: jobbtelefonen på ett tryggt sätt",
                        "Guidance in your unit: using the work phone safely"),
            description: text(
                "Tunnistussovellus, näytön lukitus ja huijausviestit: puhelin kuntoon yhdessä.",
                "Autentiseringsappen, skärmlåset och bedrägliga meddelanden: vi fixar telefonen tillsammans.",
                "The authenticator app, screen lock and scam messages: setting up the phone together."),
            minutes: 30, format: .onSite, areas: [security, ictBasics]),
        DemoTrainingSpec(
            key: "yksikko-asiakasohjaus",
            title: text("Digiopastus yksikössä: asiakkaan ohjaaminen sähköisiin palveluihin",
                        "Digihandledning på enheten: att vägleda kunder till e-tjänster",
                        "Guidance in your unit: guiding clients to e-services"),
            description: text(
                "Miten ohjaan asiakasta tai asukasta sähköisessä asioinnissa ja etävastaanotolla, ja mitä teen, "
                    + "kun sähköinen tapa ei sovi hänelle.",
                "Hur jag vägleder en kund eller invånare i e-tjänster och på distansmottagning, och vad jag gör när "
                    + "det digitala sättet inte passar hen.",
                "How I guide a client or resident through e-services and remote appointments, and what I do when "
                    + "the digital way does not suit them."),
            minutes: 45, format: .onSite, areas: [clientGuidance, ethics]),
        DemoTrainingSpec(
            key: "yksikko-jarjestelmat",
            title: text("Digiopastus yksikössä: oman alan järjestelmät",
                        "Digihandledning på enheten: branschens egna system",
                        "Guidance in your unit: the systems of your own field"),
            description: text(
                "Yksikön pääkäyttäjä näyttää oman alan järjestelmän uudet toiminnot ja kätevät oikotiet.",
                "Enhetens huvudanvändare visar nya funktioner och smidiga genvägar i branschens eget system.",
                "The unit's key user shows new features and handy shortcuts in your field's own system."),
            minutes: 45, format: .onSite, areas: [digitalWork, digitalSolutions]),
    ]

    /// A course taken elsewhere: completions come as evidence HR approves.
    static let eLearning = DemoTrainingSpec(
        key: "tietosuoja-verkkokurssi",
        title: text("Tietosuoja ja tietoturva -verkkokurssi (eOppiva)",
                    "Webbkurs i dataskydd och informationssäkerhet (eOppiva)",
                    "Data protection and information security e-course (eOppiva)"),
        description: text(
            "Vuosittainen itsenäisesti suoritettava verkkokurssi. Lähetä todistus henkilöstöpalveluihin, niin "
                + "suoritus kirjataan.",
            "En årlig webbkurs som du går på egen hand. Skicka intyget till personaltjänsterna så registreras "
                + "prestationen.",
            "A yearly e-course taken on your own. Send the certificate to HR and the completion is recorded."),
        minutes: 60, format: .selfStudy, areas: [security, ethics])

    /// The note HR writes on an approved certificate.
    static func externalNote(swedish: Bool) -> String {
        swedish ? "Intyg från eOppiva granskat" : "eOppiva-todistus tarkastettu"
    }

    /// Comments left with the feedback after a session.
    static func feedbackComments(swedish: Bool, useful: Bool) -> [String] {
        switch (swedish, useful) {
        case (false, true):
            return ["Lyhyt ja selkeä, juuri sopiva tauon aikana.", "Hyvä, että näytettiin omalla puhelimella.",
                    "Tästä oli heti hyötyä, kiitos!", "Tallenne auttoi, kun en päässyt paikalle koko ajaksi.",
                    "Lisää tällaisia vinkkejä, esimerkiksi Teamsin kalenterista."]
        case (false, false):
            return ["Meni vähän liian nopeasti.", "Ääni pätki välillä Teamsissa.",
                    "Olisin tarvinnut enemmän aikaa kokeilla itse.", "Aihe oli minulle jo tuttu."]
        case (true, true):
            return ["Kort och tydligt, lagom under en paus.", "Bra att vi fick pröva i den egna telefonen.",
                    "Det här hade jag direkt nytta av, tack!", "Mer sådana tips, till exempel om kalendern i Teams."]
        case (true, false):
            return ["Det gick lite för snabbt.", "Ljudet hackade ibland i Teams.",
                    "Jag hade behövt mer tid att pröva själv."]
        }
    }

    /// Reasons given for cancelling a session.
    static func cancelReason(swedish: Bool, upcoming: Bool) -> String {
        switch (swedish, upcoming) {
        case (false, true): return "Kouluttaja on sairastunut. Uusi aika kerrotaan yksikön ilmoitustaululla."
        case (true, true): return "Utbildaren har insjuknat. En ny tid meddelas på enhetens anslagstavla."
        case (false, false): return "Siirretty henkilöstöinfon tieltä; aihe käsitellään seuraavalla kerralla."
        case (true, false): return "Flyttad på grund av personalinfo; temat behandlas nästa gång."
        }
    }

    /// Where a session in a unit is held.
    static func unitPlace(_ unitName: String, swedish: Bool, draw: Int) -> String {
        let rooms = swedish ? ["pausrummet", "kafferummet", "mötesrummet"] : ["taukotila", "kahvihuone", "neuvotteluhuone"]
        return "\(unitName), \(rooms[draw % rooms.count])"
    }
}
