import Storage

/// The words of the demo's development discussions: preparation questions, the answers people give,
/// goals by competence area, actions' notes, supervisors' notes and employees' comments, in Finnish,
/// Swedish and (for the few who answer in it) English. Every pool is small on purpose: a demo reader
/// sees the same sentences recur, as they would in a real unit where people answer briefly.
enum DemoDiscussionTexts {
    /// The organisation's four preparation questions, in order.
    static let questions: [LocalisedText] = [
        LocalisedText(fi: "Missä digitaalisissa työtehtävissä onnistuit tänä vuonna?",
                      sv: "I vilka digitala arbetsuppgifter lyckades du i år?",
                      en: "Which digital tasks at work went well for you this year?"),
        LocalisedText(fi: "Mikä digitaalinen työväline tai tehtävä tuntuu vaikealta?",
                      sv: "Vilket digitalt verktyg eller vilken digital uppgift känns svår?",
                      en: "Which digital tool or task feels difficult?"),
        LocalisedText(fi: "Mitä haluaisit oppia seuraavaksi?",
                      sv: "Vad skulle du vilja lära dig härnäst?",
                      en: "What would you like to learn next?"),
        LocalisedText(fi: "Millaista tukea toivot esihenkilöltä tai digitutorilta?",
                      sv: "Vilket stöd önskar du av din chef eller av digitutorn?",
                      en: "What support would you like from your supervisor or the digitutor?"),
    ]

    /// Answers to each question (same order as `questions`), by language.
    static let answers: [DemoLanguageText] = [
        DemoLanguageText(fi: ["Opin käyttämään Teamsia palavereissa, ja kirjaukset sujuvat nyt puhelimella.",
                              "Sähköposti ja kalenteri ovat nyt arkea.",
                              "Hain lomat itsepalvelusta ilman apua.",
                              "Osallistuin ensimmäistä kertaa etäkoulutukseen, ja se sujui hyvin."],
                         sv: ["Jag lärde mig använda Teams på möten, och dokumentationen går nu smidigt i telefonen.",
                              "E-post och kalender hör nu till vardagen.",
                              "Jag ansökte om semester i självservicen utan hjälp.",
                              "Jag deltog i en distansutbildning för första gången, och det gick bra."],
                         en: ["I learned to use Teams in meetings, and records now go smoothly on the phone.",
                              "I applied for leave in HR self-service without help."]),
        DemoLanguageText(fi: ["Tiedostojen tallentaminen yhteiseen kansioon on vielä hankalaa.",
                              "Salasanan vaihtaminen ja monivaiheinen tunnistautuminen jännittävät.",
                              "Asiakastietojärjestelmän uudet toiminnot ovat vielä vieraita.",
                              "En aina tunnista, onko viesti huijaus."],
                         sv: ["Att spara filer i den gemensamma mappen är fortfarande svårt.",
                              "Att byta lösenord och flerstegsautentiseringen känns osäkra.",
                              "De nya funktionerna i klientdatasystemet är ännu obekanta.",
                              "Jag känner inte alltid igen ett bluffmeddelande."],
                         en: ["Saving files in the shared folder is still hard.",
                              "I do not always recognise a scam message."]),
        DemoLanguageText(fi: ["Haluaisin oppia käyttämään Teamsin kanavia ja tiedostoja.",
                              "Tekoälyn käyttöä työssä ohjeen mukaan.",
                              "Taulukkolaskennan perusteita.",
                              "Miten neuvon asiakasta asioimaan verkossa."],
                         sv: ["Jag skulle vilja lära mig använda kanaler och filer i Teams.",
                              "Att använda AI i arbetet enligt riktlinjen.",
                              "Grunderna i kalkylprogram.",
                              "Hur jag hjälper kunder att sköta ärenden på nätet."],
                         en: ["I would like to learn Teams channels and files.",
                              "How to use AI at work under the guideline."]),
        DemoLanguageText(fi: ["Aikaa harjoitella työaikana.",
                              "Digitutorin apua kerran kuussa.",
                              "Vinkkejä siihen, mihin koulutuksiin kannattaa osallistua.",
                              "Selkeät ohjeet intraan."],
                         sv: ["Tid att öva under arbetstid.",
                              "Hjälp av digitutorn en gång i månaden.",
                              "Tips om vilka utbildningar det lönar sig att gå på.",
                              "Tydliga anvisningar på intranätet."],
                         en: ["Time to practise during working hours.",
                              "Help from the digitutor once a month."]),
    ]

    /// Goals by competence-area code of the shipped framework, Finnish and Swedish: the supervisor
    /// writes the plan in the organisation's language.
    static let goals: [String: [(fi: String, sv: String)]] = [
        "ict-basics": [
            ("Vaihdan salasanan ja käytän monivaiheista tunnistautumista itsenäisesti.",
             "Jag byter lösenord och använder flerstegsautentisering på egen hand."),
            ("Hoidan omat työsuhdeasiani itsepalvelussa ilman apua.",
             "Jag sköter mina egna anställningsärenden i självservicen utan hjälp."),
        ],
        "digital-work": [
            ("Otan Teamsin kanavat ja tiedostot käyttöön tiimin yhteisessä työssä.",
             "Jag börjar använda kanaler och filer i Teams i teamets gemensamma arbete."),
            ("Teen työhöni kuuluvat kirjaukset sujuvasti sähköisesti.",
             "Jag gör den dokumentation som hör till mitt arbete smidigt digitalt."),
        ],
        "digital-solutions": [
            ("Kokeilen tekoälyä työtehtävissä organisaation ohjeen mukaan.",
             "Jag prövar AI i arbetsuppgifter enligt organisationens riktlinje."),
            ("Arvioin verkosta löytämäni tiedon luotettavuutta ennen kuin käytän sitä.",
             "Jag bedömer hur tillförlitlig information från nätet är innan jag använder den."),
        ],
        "information-security": [
            ("Tunnistan huijausviestit ja ilmoitan niistä oikeaan paikkaan.",
             "Jag känner igen bluffmeddelanden och anmäler dem till rätt ställe."),
            ("Käsittelen asiakkaiden henkilötietoja tietosuojaohjeen mukaan.",
             "Jag hanterar kundernas personuppgifter enligt dataskyddsanvisningen."),
        ],
        "ethics": [
            ("Huolehdin, että asiakas voi valita myös muun kuin digitaalisen asiointitavan.",
             "Jag ser till att kunden också kan välja ett annat än digitalt sätt att sköta ärenden."),
            ("Tunnistan digitaalisten palvelujen saavutettavuuden puutteet ja kerron niistä.",
             "Jag känner igen brister i de digitala tjänsternas tillgänglighet och berättar om dem."),
        ],
        "client-guidance": [
            ("Neuvon asiakasta sähköisessä asioinnissa myös etänä.",
             "Jag vägleder kunder i e-tjänster också på distans."),
            ("Ohjaan huoltajia käyttämään viestintäsovellusta.",
             "Jag hjälper vårdnadshavare att använda kommunikationsappen."),
        ],
    ]

    /// A goal for an area of an organisation's own framework, which the table above does not know.
    static func goal(areaName: LocalisedText, swedish: Bool) -> String {
        swedish ? "Jag utvecklar min kompetens: \(areaName.sv.isEmpty ? areaName.fi : areaName.sv)."
            : "Kehitän osaamistani: \(areaName.fi)."
    }

    static let tutorNotes: [(fi: String, sv: String)] = [
        ("Sovitaan aika yksikön digitutorin kanssa.", "Vi bokar en tid med enhetens digitutor."),
        ("Digitutor näyttää työpisteellä, miten se tehdään.", "Digitutorn visar på arbetsplatsen hur det görs."),
    ]
    static let practiceNotes: [(fi: String, sv: String)] = [
        ("Harjoittelen työssä kerran viikossa.", "Jag övar i arbetet en gång i veckan."),
        ("Kokeilen uutta tapaa seuraavissa tiimipalavereissa.", "Jag prövar det nya sättet på de följande teammötena."),
    ]
    static let instructionNote = (fi: "Luen ohjeen ja kokeilen sen mukaan.", sv: "Jag läser anvisningen och prövar enligt den.")

    static let supervisorNotes: [(fi: String, sv: String)] = [
        ("Käytiin läpi edellisen vuoden tavoitteet ja sovittiin uudet.", "Vi gick igenom förra årets mål och kom överens om nya."),
        ("Hyvää edistystä; tukea tarvitaan järjestelmän uusissa toiminnoissa.",
         "Goda framsteg; stöd behövs för systemets nya funktioner."),
        ("Sovittiin seurannasta syksyn tiimipalaverissa.", "Vi kom överens om uppföljning på höstens teammöte."),
    ]

    static let agreeingComments = DemoLanguageText(
        fi: ["Hyvä keskustelu, tavoitteet tuntuvat sopivilta.", "Toivon, että koulutuksiin pääsee työaikana."],
        sv: ["Ett bra samtal, målen känns lagom.", "Jag hoppas att man kan gå på utbildningarna under arbetstid."],
        en: ["A good talk; the goals feel right."])
    static let disagreeingComments = DemoLanguageText(
        fi: ["En ole samaa mieltä arviosta: sijaisjärjestelyjen vuoksi koulutuksiin ei ole päässyt.",
             "Osaan tämän mielestäni jo; toivoisin tavoitteeksi jotain muuta."],
        sv: ["Jag håller inte med om bedömningen: på grund av vikariearrangemangen har jag inte kunnat gå på utbildningar.",
             "Jag tycker att jag redan kan det här; jag skulle önska ett annat mål."],
        en: ["I do not agree with the assessment: staffing has kept me from trainings."])
}

/// Sentences in each language a person may write in; `en` is the shortest pool.
struct DemoLanguageText {
    let fi: [String]
    let sv: [String]
    let en: [String]

    /// The pool for a person's language code (`fi`, `sv`, `en`).
    func pool(_ language: String) -> [String] {
        switch language {
        case "sv": return sv
        case "en": return en
        default: return fi
        }
    }
}
