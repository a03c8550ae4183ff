import App
import Storage

/// The words of the demo rounds: titles, the open question and the answers people write to it.
enum DemoSurveyTexts {
    static let openQuestion = LocalisedText(
        fi: "Millaista tukea toivoisit digitaitojen oppimiseen?",
        sv: "Vilket stöd skulle du önska för att lära dig digitala färdigheter?",
        en: "What support would help you learn digital skills?")

    /// "Digiosaamiskysely syksy 2025": the season and year of the day the round opens.
    static func title(opensOn day: DemoDay, identified: Bool) -> String {
        let (year, month, _) = day.components
        let season = month <= 6 ? "kevät" : "syksy"
        return identified ? "Digiosaamisen itsearviointi \(season) \(year)" : "Digiosaamiskysely \(season) \(year)"
    }

    /// The title of the identified pilot round put to one unit.
    static func pilotTitle(opensOn day: DemoDay) -> String {
        title(opensOn: day, identified: true) + " (pilotti)"
    }

    /// Open answers in the respondent's language (`fi`, `sv` or `en`).
    static func openAnswers(language: String) -> [String] {
        switch language {
        case "sv": return swedish
        case "en": return english
        default: return finnish
        }
    }

    static let finnish = [
        "Aikaa opetella uusia ohjelmia työajalla. Nyt opettelu jää aina kiireen alle.",
        "Oma digitutor meidän yksikköön, jolta voisi kysyä heti kun tulee ongelma.",
        "Kädestä pitäen neuvomista. Videot eivät auta minua, tarvitsen jonkun viereen.",
        "Intran ohjeet ovat vaikeita löytää ja liian pitkiä. Lyhyet ohjeet kuvien kanssa olisivat hyviä.",
        "Koulutusta pienissä ryhmissä, jossa uskaltaa kysyä tyhmiäkin kysymyksiä.",
        "Toivoisin, että uudet järjestelmät esiteltäisiin ennen kuin ne otetaan käyttöön.",
        "Meillä on yksi yhteinen tietokone koko keittiölle. Laite olisi jo iso apu.",
        "Lyhyitä vinkkivideoita, joita voi katsoa puhelimella tauolla.",
        "Teamsin käyttöön lisää opastusta, varsinkin kokouksiin liittymiseen.",
        "Tukea salasanojen ja kirjautumisen kanssa. Unohdan aina, mitä pitää tehdä.",
        "Että esihenkilö antaisi luvan käyttää työaikaa koulutuksiin.",
        "Koulutukset olisivat samaan aikaan kuin meidän vuorot, nyt ne ovat aina aamupäivällä.",
        "Selkeä ohje siitä, keneltä kysyä apua, kun jokin ei toimi.",
        "Tietoturvasta enemmän käytännön esimerkkejä, esim. miltä huijausviesti näyttää.",
        "Olisi hyvä, jos voisi harjoitella järjestelmää ilman pelkoa, että rikkoo jotain.",
        "Perehdytyksessä enemmän aikaa digiasioille. Aloittaessa kaikki tuli kerralla.",
        "Kertauskoulutusta palkka- ja lomasovelluksen käyttöön.",
        "Tekoälystä haluaisin tietää, mitä saa käyttää ja mitä ei.",
        "Vertaistukea työkavereilta. Joku meistä voisi olla nimetty apuhenkilö.",
        "Ohjeet suomeksi ja selkokielellä.",
        "Enemmän aikaa ja vähemmän uusia järjestelmiä kerralla.",
        "Pari tuntia kuussa yhteistä aikaa, jolloin digitutor on paikalla.",
        "Asiakkaiden ohjaamiseen sähköisiin palveluihin tarvitsisin itse ensin koulutusta.",
        "Tulostettava muistilista tavallisimmista asioista seinälle.",
        "En tarvitse nyt mitään erityistä, kiitos kysymästä.",
    ]

    static let swedish = [
        "Tid att lära mig nya program under arbetstid.",
        "En digitutor i vår enhet som man kan fråga direkt.",
        "Handledning på plats, steg för steg. Videor räcker inte för mig.",
        "Tydligare anvisningar på intranätet, gärna på svenska.",
        "Utbildning i små grupper där man vågar fråga.",
        "Korta tipsvideor som går att se på telefonen.",
        "Hjälp med lösenord och inloggning, det krånglar ofta.",
        "Att utbildningarna ordnas också på eftermiddagar och kvällar.",
        "Mer om informationssäkerhet med exempel från vardagen.",
        "Stöd från kollegor och en tydlig person att vända sig till.",
    ]

    static let english = [
        "Time to learn new systems during working hours.",
        "Instructions in English, or at least in plain Finnish.",
        "Someone in our unit who can show me how things work.",
        "Short videos I can watch on my phone.",
        "Help with signing in and passwords.",
        "Small-group training where it is fine to ask basic questions.",
    ]
}
