import Foundation
import Storage

/// The instructions library ("Digiohjeet") as DigiHelppi built it: short written instructions with
/// video links on the intranet, kept by IT (HR for its own services), the AI-use guideline pinned,
/// a few reviews overdue; some in Swedish as translations, Solvik's in Swedish; and key users for the
/// systems of Järvelä. Everything follows from the lists below and the sorted staff: no randomness.
struct DemoInstructions {
    let database: AppDatabase
    let today: DemoDay

    /// One instruction of the demo. `sector` is a word found in the sector's Finnish or Swedish name
    /// (nil: everyone); `topic` a position in `DemoTutors.topics` (1-based); `reviewed` days ago.
    struct Entry {
        let title: String
        let body: String
        var system = ""
        var topic: Int?
        var sector: [String]?
        var team = "IT"
        var owner: String?
        var reviewed = 60
        var months = 12
        var pinned = false
        var links: [(String, String)] = []
        var swedish: (title: String, body: String)?
    }

    static let intra = "https://intra.jarvela.fi"

    static let aiGuideline = Entry(
        title: "Tekoälyn käyttö työssä – organisaation ohje",
        body: """
            Tekoälysovellukset (esimerkiksi Copilot) voivat nopeuttaa tekstien luonnostelua, tiivistämistä ja ideointia. \
            Käytä niitä näin:

            - Käytä vain organisaation hyväksymiä sovelluksia ja kirjaudu työtunnuksillasi.
            - **Älä syötä** henkilötietoja, asiakastietoja, salassa pidettäviä tietoja tai keskeneräisiä päätöksiä.
            - Tarkista aina tulos: tekoäly voi keksiä asioita. Vastuu tekstistä on sinulla.
            - Kerro, jos tekoäly on tuottanut merkittävän osan asiakirjasta.

            Kysy epäselvissä tilanteissa esihenkilöltä tai tietosuojavastaavalta.
            """,
        system: "Copilot", topic: 8, team: "Tietohallinto ja tietosuoja", owner: "hr", reviewed: 30, months: 6, pinned: true,
        links: [("Video: tekoäly työn tukena (8 min)", intra + "/digiohjeet/video/tekoaly-tyossa")],
        swedish: ("Användning av AI i arbetet – organisationens riktlinje", """
            AI-tjänster (till exempel Copilot) kan snabba upp utkast, sammanfattningar och idéer. Använd dem så här:

            - Använd endast tjänster som organisationen godkänt och logga in med ditt arbetskonto.
            - **Mata inte in** personuppgifter, klientuppgifter, sekretessbelagda uppgifter eller oavslutade beslut.
            - Kontrollera alltid resultatet: AI kan hitta på. Du ansvarar för texten.
            """))

    static let jarvela: [Entry] = [
        aiGuideline,
        Entry(title: "Salasanan vaihtaminen ja unohtunut salasana", body: """
            Työtunnuksen salasana vaihdetaan 12 kuukauden välein. Kun kone muistuttaa vaihdosta:

            1. Paina Ctrl + Alt + Delete ja valitse **Vaihda salasana**.
            2. Kirjoita vanha salasana ja kahdesti uusi salasana (vähintään 14 merkkiä).
            3. Hyvä salasana on pitkä lause, jota et käytä missään muualla.

            Jos salasana on unohtunut, soita IT-tukeen tai vaihda se itsepalvelussa puhelimella vahvistaen.
            """, system: "Työtunnus", topic: 6, reviewed: 200,
              links: [("Video: salasanan vaihto (3 min)", intra + "/digiohjeet/video/salasana")],
              swedish: ("Byta lösenord och glömt lösenord", """
                Lösenordet till arbetskontot byts var tolfte månad:

                1. Tryck Ctrl + Alt + Delete och välj **Byt lösenord**.
                2. Skriv det gamla lösenordet och två gånger det nya (minst 14 tecken).

                Har du glömt lösenordet, ring IT-supporten.
                """)),
        Entry(title: "Monivaiheinen tunnistautuminen Authenticator-sovelluksella", body: """
            Kirjautuessasi työsovelluksiin kodin tai muun verkon kautta vahvistat kirjautumisen puhelimella.

            - Asenna **Microsoft Authenticator** työpuhelimeen tai omaan puhelimeesi.
            - Avaa tietokoneella osoite aka.ms/mfasetup ja lue QR-koodi sovelluksella.
            - Hyväksy kirjautuminen vain, kun olet itse kirjautumassa. Odottamaton pyyntö on merkki tietomurron yrityksestä: ilmoita IT-tukeen.

            Jos vaihdat puhelinta, pyydä IT-tukea siirtämään tunnistautuminen.
            """, system: "Authenticator", topic: 6, reviewed: 90,
              links: [("Video: Authenticatorin käyttöönotto (4 min)", intra + "/digiohjeet/video/authenticator")]),
        Entry(title: "Tunnista tietojenkalastelu", body: """
            Huijausviesti yrittää saada sinut avaamaan linkin, antamaan tunnuksesi tai maksamaan laskun.

            - Tarkista lähettäjän osoite, älä pelkkää nimeä.
            - Kiire, uhkaus tai palkinto ovat varoitusmerkkejä.
            - Älä koskaan anna salasanaa sähköpostin tai puhelun perusteella.

            Ilmoita epäilyttävästä viestistä Outlookin **Ilmoita tietojenkalastelusta** -painikkeella.
            """, system: "Outlook", topic: 6, reviewed: 420,
              links: [("Digiturvavartti: huijausviestit (tallenne)", intra + "/digiohjeet/video/tietojenkalastelu")]),
        Entry(title: "Tietosuojan perusteet arjessa", body: """
            Käsittelet työssäsi henkilötietoja. Muista:

            - Käsittele vain niitä tietoja, joita työtehtäväsi vaatii.
            - Lukitse näyttö (Windows + L), kun poistut koneelta.
            - Älä lähetä henkilötunnuksia tai terveystietoja tavallisella sähköpostilla: käytä **turvapostia**.
            - Tietoturvapoikkeamasta ilmoitetaan heti esihenkilölle ja tietosuojavastaavalle.
            """, topic: 6, team: "Tietosuojavastaava", reviewed: 150,
              links: [("Tietosuojakoulutus (verkkokurssi)", intra + "/koulutus/tietosuoja")]),
        Entry(title: "Sähköpostin käyttö Outlookissa", body: """
            Työsähköposti on osoitteessa etunimi.sukunimi@jarvela.fi.

            - Avaa Outlook tietokoneella tai puhelimen Outlook-sovelluksella.
            - Kirjoita viestiin selkeä otsikko ja vastaa vain niille, joita asia koskee.
            - Poissaolon ajaksi laita automaattinen vastaus: **Tiedosto → Automaattiset vastaukset**.
            """, system: "Outlook", topic: 2, reviewed: 100,
              links: [("Video: Outlookin perusteet (6 min)", intra + "/digiohjeet/video/outlook")],
              swedish: ("E-post i Outlook", """
                Arbetsposten finns på adressen fornamn.efternamn@jarvela.fi.

                - Öppna Outlook på datorn eller i Outlook-appen i telefonen.
                - Sätt på autosvar när du är borta: **Arkiv → Automatiska svar**.
                """)),
        Entry(title: "Kalenteri ja kokouskutsut", body: """
            Outlookin kalenterissa näet omat menosi ja voit kutsua muita kokoukseen.

            - Uusi kokous: **Uusi kokous**, lisää osallistujat ja valitse aika **Ajoitusavustajalla**.
            - Valitse **Teams-kokous**, jos osa osallistuu etänä.
            - Jaa kalenterisi esihenkilölle: **Jaa kalenteri**.
            """, system: "Outlook", topic: 2, reviewed: 100),
        Entry(title: "Intranetin käyttö: uutiset, ohjeet ja lomakkeet", body: """
            Intranet Jarviksesta löydät organisaation tiedotteet, yhteystiedot ja lomakkeet.

            - Avaa intranet selaimen aloitussivulta tai puhelimella osoitteesta intra.jarvela.fi.
            - Tilaa oman toimialasi uutiset sivun **Seuraa**-painikkeella.
            - Hae henkilöitä nimellä tai tehtävällä hakukentästä.
            """, system: "Jarvis-intranet", topic: 5, reviewed: 30,
              links: [("Video: intranet tutuksi (5 min)", intra + "/digiohjeet/video/intranet")]),
        Entry(title: "Lomien ja vapaiden hakeminen HR-itsepalvelussa", body: """
            Vuosilomat ja muut vapaat haetaan HR-itsepalvelu **Henkassa**.

            1. Kirjaudu Henkaan intranetin etusivun linkistä tai puhelimen Henkka-sovelluksella.
            2. Valitse **Poissaolot → Uusi hakemus** ja lajiksi esimerkiksi vuosiloma.
            3. Hakemus menee esihenkilön hyväksyttäväksi; saat ilmoituksen päätöksestä.
            """, system: "Henkka", topic: 4, team: "Henkilöstöpalvelut", owner: "hr", reviewed: 45,
              links: [("Video: loman hakeminen (3 min)", intra + "/digiohjeet/video/henkka-loma")],
              swedish: ("Ansöka om semester och ledighet i HR-självbetjäningen", """
                Semester och annan ledighet söks i HR-självbetjäningen **Henkka**.

                1. Logga in från intranätets startsida eller med Henkka-appen.
                2. Välj **Frånvaro → Ny ansökan**.
                3. Ansökan går till din chef för godkännande.
                """)),
        Entry(title: "Sairauspoissaolon ilmoittaminen", body: """
            Ilmoita sairastumisesta esihenkilölle heti, ennen työvuoron alkua, puhelimella tai tekstiviestillä.

            - Kirjaa poissaolo **Henkaan** kohtaan **Poissaolot → Sairauspoissaolo** viimeistään palattuasi.
            - Enintään kolmen päivän poissaoloon riittää oma ilmoitus; pidempään tarvitaan todistus.
            - Lääkärintodistuksen voi tallentaa kuvana Henkka-sovelluksessa.
            """, system: "Henkka", topic: 4, team: "Henkilöstöpalvelut", owner: "hr", reviewed: 500),
        Entry(title: "Palkkalaskelman katsominen", body: """
            Palkkalaskelmat ovat sähköisinä Henkassa kohdassa **Palkka → Palkkalaskelmat**.

            - Laskelma julkaistaan kaksi päivää ennen palkkapäivää.
            - Voit tallentaa laskelman PDF-tiedostona esimerkiksi vuokranantajaa varten.
            - Verokortin muutokset tehdään OmaVerossa; ne päivittyvät palkanlaskentaan automaattisesti.
            """, system: "Henkka", topic: 4, team: "Palkanlaskenta", owner: "hr", reviewed: 120),
        Entry(title: "Teams-kokoukseen osallistuminen", body: """
            Teams-kokoukseen liitytään kalenterikutsun linkistä **Liity Teams-kokoukseen**.

            - Tarkista ennen liittymistä kamera ja mikrofoni.
            - Pidä mikrofoni mykistettynä, kun et puhu. Viittaa **Nosta käsi** -painikkeella.
            - Puhelimella liityt Teams-sovelluksella samasta linkistä.
            """, system: "Teams", topic: 1, owner: "digitutor", reviewed: 60,
              links: [("Video: Teams-kokouksen perusteet (5 min)", intra + "/digiohjeet/video/teams-kokous")],
              swedish: ("Delta i ett Teams-möte", """
                Du ansluter till Teams-mötet från kalenderinbjudans länk **Anslut till Teams-mötet**.

                - Kontrollera kamera och mikrofon innan du ansluter.
                - Håll mikrofonen avstängd när du inte talar.
                """)),
        Entry(title: "Teams-chat ja kanavat", body: """
            Chatissa keskustelet yhden tai muutaman ihmisen kanssa, kanavilla koko tiimin kanssa.

            - Uusi chat: **Chat → Uusi keskustelu** ja hae vastaanottaja nimellä.
            - Kanavalla mainitse henkilö kirjoittamalla @ ja nimi, niin hän saa ilmoituksen.
            - Älä jaa chatissa salassa pidettäviä tietoja.
            """, system: "Teams", topic: 1, owner: "digitutor", reviewed: 60),
        Entry(title: "Tiedostojen tallentaminen ja jakaminen OneDrivessa", body: """
            Tallenna työtiedostot OneDriveen tai tiimin Teams-kanavalle, ei tietokoneen työpöydälle.

            - OneDrive varmuuskopioituu, ja tiedostot näkyvät myös puhelimessa.
            - Jaa tiedosto **Jaa**-painikkeella nimetyille henkilöille; vältä linkkiä, joka toimii kaikille.
            - Kun lähdet organisaatiosta, siirrä yhteiset tiedostot tiimille.
            """, system: "OneDrive", topic: 7, reviewed: 380, links: [("Video: OneDrive ja jakaminen (6 min)", intra + "/digiohjeet/video/onedrive")]),
        Entry(title: "Tulostaminen monitoimilaitteella", body: """
            Tulosteet odottavat laitteella, kunnes kirjaudut siihen kulkukortilla (turvatulostus).

            1. Valitse tulostimeksi **Jarvela-Tulostus**.
            2. Mene lähimmälle monitoimilaitteelle ja näytä kulkukorttia lukijalle.
            3. Valitse tulosteet ja **Tulosta**. Tulostamattomat poistuvat vuorokauden kuluttua.
            """, system: "Turvatulostus", reviewed: 250),
        Entry(title: "Työpuhelimen käyttöönotto", body: """
            Työpuhelin on valmiiksi rekisteröity organisaation hallintaan.

            - Kirjaudu käyttöönotossa työsähköpostilla ja vahvista Authenticatorilla.
            - Sovellukset (Outlook, Teams, Henkka) asennetaan **Yritysportaali**-sovelluksesta.
            - Pidä puhelin lukittuna PIN-koodilla. Kadonneesta puhelimesta ilmoitetaan heti IT-tukeen.
            """, system: "Työpuhelin", topic: 3, reviewed: 75,
              links: [("Video: työpuhelimen käyttöönotto (7 min)", intra + "/digiohjeet/video/tyopuhelin")]),
        Entry(title: "Kadonnut tai rikkoutunut työpuhelin", body: """
            Ilmoita kadonneesta puhelimesta IT-tukeen heti, myös iltaisin: puhelin voidaan lukita ja tyhjentää etänä.

            - Tee myös ilmoitus esihenkilölle.
            - Rikkoutuneen puhelimen vaihto tilataan IT:n palvelupyynnöllä.
            """, system: "Työpuhelin", topic: 3, reviewed: 75),
        Entry(title: "IT-tuen palvelupyyntö", body: """
            Kun jokin ei toimi, tee palvelupyyntö **IT-palveluportaalissa** tai soita IT-tukeen arkisin 7–17.

            - Kerro, mikä ei toimi, milloin ongelma alkoi ja mikä virheilmoitus näkyy.
            - Liitä kuvakaappaus (Windows + Shift + S).
            - Kiireellisissä asioissa soita.
            """, system: "IT-palveluportaali", reviewed: 20),
        Entry(title: "Etätyöyhteys ja VPN", body: """
            Kotoa käsin yhteys organisaation järjestelmiin avataan VPN-ohjelmalla.

            - Käynnistä **Jarvela VPN** ja kirjaudu työtunnuksella; vahvista Authenticatorilla.
            - Käytä vain turvallista verkkoa, älä julkista avointa wlania ilman VPN:ää.
            """, system: "VPN", topic: 6, reviewed: 110),
        // Early education.
        Entry(title: "Lapsen läsnäolojen kirjaaminen Lapsitiedossa", body: """
            Lasten tulo- ja lähtöajat kirjataan ryhmän tabletilla **Lapsitieto**-sovellukseen.

            1. Valitse ryhmä ja napauta lapsen nimeä, kun lapsi tulee tai lähtee.
            2. Tarkista päivän lopuksi, että kaikki lähteneet on kirjattu.
            3. Poikkeukset (esimerkiksi sairaus) merkitään **Poissaolo**-valinnalla.
            """, system: "Lapsitieto", topic: 5, sector: ["varhais", "småbarn"], team: "Varhaiskasvatuksen tietojärjestelmät",
              reviewed: 90, links: [("Video: läsnäolokirjaukset (4 min)", intra + "/digiohjeet/video/lapsitieto-lasnaolo")]),
        Entry(title: "Viestit huoltajille Viestikossa", body: """
            Huoltajille viestitään **Viestikko**-palvelussa, ei henkilökohtaisella puhelimella.

            - Ryhmätiedote: **Uusi viesti → Ryhmän huoltajat**.
            - Yhden lapsen asioista viestitään vain lapsen omille huoltajille.
            - Älä kirjoita viestiin terveystietoja; sovi niistä tapaaminen.
            """, system: "Viestikko", topic: 5, sector: ["varhais", "småbarn", "perusopetus", "grundläggande"], reviewed: 40,
              swedish: ("Meddelanden till vårdnadshavare i Viestikko", """
                Vårdnadshavare kontaktas i tjänsten **Viestikko**, inte från en privat telefon.

                - Gruppmeddelande: **Nytt meddelande → Gruppens vårdnadshavare**.
                - Skriv inga hälsouppgifter i meddelandet.
                """)),
        Entry(title: "Varhaiskasvatussuunnitelman kirjaaminen", body: """
            Lapsen varhaiskasvatussuunnitelma (vasu) kirjataan Lapsitiedon **Suunnitelmat**-osioon.

            - Kirjaa keskustelu huoltajien kanssa samana päivänä.
            - Tallenna luonnos; suunnitelma lukitaan, kun se on käyty läpi huoltajien kanssa.
            """, system: "Lapsitieto", topic: 5, sector: ["varhais", "småbarn"], team: "Varhaiskasvatuksen tietojärjestelmät",
              reviewed: 450),
        // Basic education.
        Entry(title: "Poissaolojen ja arviointien kirjaaminen Oppilasnetissä", body: """
            Oppilaiden poissaolot ja arvioinnit kirjataan **Oppilasnettiin**.

            - Tuntimerkinnät: **Työjärjestys → Tunti → Merkinnät**.
            - Arvioinnit tallennetaan arviointijakson loppuun mennessä.
            """, system: "Oppilasnetti", topic: 5, sector: ["perusopetus", "grundläggande"], reviewed: 80),
        // Food and cleaning services.
        Entry(title: "Ruokatilaukset ja erityisruokavaliot Ateriassa", body: """
            Keittiöiden tilaukset ja erityisruokavaliot hoidetaan **Ateria**-järjestelmässä.

            1. Tee seuraavan viikon tilaus torstaihin klo 12 mennessä.
            2. Erityisruokavaliot näkyvät asiakkaittain; tarkista ne päivän listasta ennen annostelua.
            3. Tilaa muutokset viimeistään edellisenä päivänä klo 10.
            """, system: "Ateria", topic: 5, sector: ["ruoka", "kost"], team: "Ruokapalvelujen tietojärjestelmät", reviewed: 30,
              links: [("Video: tilauksen tekeminen (5 min)", intra + "/digiohjeet/video/ateria-tilaus")]),
        Entry(title: "Omavalvonnan lämpötilakirjaukset tabletilla", body: """
            Kylmiöiden ja kuljetusten lämpötilat kirjataan keittiön tabletille **Ateria**-sovelluksen **Omavalvonta**-osioon.

            - Kirjaa lämpötila aamulla ja iltapäivällä.
            - Poikkeama merkitään heti ja siitä ilmoitetaan esihenkilölle.
            """, system: "Ateria", topic: 5, sector: ["ruoka", "kost"], reviewed: 200),
        Entry(title: "Siivouksen työtilaukset mobiilisovelluksessa", body: """
            Siivouksen lisätyöt ja havaitut viat kirjataan **Huoltopyyntö**-sovellukseen puhelimella.

            - Ota kuva ja kirjoita lyhyesti, mitä on tehtävä ja missä.
            - Näet sovelluksesta, milloin tilaus on hoidettu.
            """, system: "Huoltopyyntö", topic: 5, sector: ["ruoka", "kost"], reviewed: 60),
        // Technical services.
        Entry(title: "Huoltopyyntöjen käsittely", body: """
            Kiinteistöjen vikailmoitukset tulevat **Huoltopyyntö**-järjestelmään.

            1. Ota pyyntö työn alle puhelimen sovelluksessa.
            2. Kirjaa tehty työ ja käytetyt tarvikkeet.
            3. Kuittaa valmiiksi; ilmoittaja saa viestin.
            """, system: "Huoltopyyntö", topic: 5, sector: ["tekni"], team: "Tilapalvelut", reviewed: 390),
        // Social and health services.
        Entry(title: "Kirjaaminen asiakastietojärjestelmään", body: """
            Asiakastiedot kirjataan **Hoiviin** heti käynnin jälkeen.

            - Kirjaa vain tarpeellinen ja asiallinen tieto.
            - Katso vain niiden asiakkaiden tietoja, joiden hoitoon osallistut: katselut lokitetaan.
            """, system: "Hoivi", topic: 5, sector: ["sosiaali", "social"], reviewed: 100),
        Entry(title: "Digituen ja digitutorin löytäminen", body: """
            Jokaisessa yksikössä on digitutor tai häntä voi kysyä naapuriyksiköstä. Taitotutkan **Digitutorit**-sivulta löydät \
            lähimmän tutorin aiheen mukaan.

            - Tutor auttaa esimerkiksi Teamsissa, sähköpostissa ja HR-itsepalvelussa.
            - Digivinkkituokiot ovat kerran kuussa; tallenteet löytyvät koulutuskalenterista.
            """, topic: 1, team: "Digitutoreiden koordinaattori", reviewed: 15),
    ]

    /// Solviks kommun: Swedish-speaking.
    static let solvik: [Entry] = [
        Entry(title: "Byta lösenord", body: """
            Lösenordet till arbetskontot byts var tolfte månad.

            1. Tryck Ctrl + Alt + Delete och välj **Byt lösenord**.
            2. Ett bra lösenord är en lång mening som du inte använder någon annanstans.
            """, system: "Arbetskonto", reviewed: 100),
        Entry(title: "Användning av AI i arbetet", body: """
            - Använd endast tjänster som kommunen godkänt.
            - Mata aldrig in personuppgifter eller klientuppgifter.
            - Kontrollera alltid resultatet.
            """, system: "Copilot", team: "IT och dataskydd", reviewed: 40, months: 6, pinned: true),
        Entry(title: "Anmäla sjukfrånvaro", body: """
            Meddela din chef innan arbetspasset börjar. Registrera frånvaron i HR-självbetjäningen under **Frånvaro**.
            """, system: "HR-självbetjäning", team: "Personalservice", reviewed: 420),
        Entry(title: "Teams-möten i småbarnspedagogiken", body: """
            Föräldramöten kan hållas på Teams. Skicka inbjudan från Outlook och välj **Teams-möte**.
            """, system: "Teams", sector: ["småbarn", "varhais"], reviewed: 60),
    ]

    /// Koskenkylän kunta: a small library of its own.
    static let koskenkyla: [Entry] = [
        Entry(title: "Tekoälyn käyttö Koskenkylän kunnassa", body: """
            - Käytä vain kunnan hyväksymiä tekoälypalveluja.
            - Älä syötä henkilötietoja.
            - Tarkista tulos aina itse.
            """, system: "Copilot", reviewed: 20, months: 6, pinned: true),
        Entry(title: "Salasanan vaihto", body: "Salasana vaihdetaan kerran vuodessa: Ctrl + Alt + Delete → **Vaihda salasana**.",
              system: "Työtunnus", reviewed: 300),
        Entry(title: "Teams-kokoukset", body: "Liity kokoukseen kalenterikutsun linkistä. Pidä mikrofoni mykistettynä, kun et puhu.",
              system: "Teams", reviewed: 90),
    ]

    /// Järvelä's systems with key users: name, purpose, and which sector's people are asked (nil: any).
    static let systems: [(name: String, purpose: String, sector: [String]?)] = [
        ("Outlook", "Sähköposti ja kalenteri", nil),
        ("Teams", "Kokoukset, chat ja tiimien tiedostot", nil),
        ("Henkka", "HR-itsepalvelu: lomat, poissaolot, palkkalaskelmat", ["hallinto"]),
        ("Jarvis-intranet", "Organisaation tiedotteet, ohjeet ja lomakkeet", ["hallinto"]),
        ("Authenticator", "Monivaiheinen tunnistautuminen", nil),
        ("Lapsitieto", "Varhaiskasvatuksen läsnäolot, sijoitukset ja suunnitelmat", ["varhais"]),
        ("Viestikko", "Viestit huoltajille", ["varhais"]),
        ("Oppilasnetti", "Perusopetuksen poissaolot ja arvioinnit", ["perusopetus"]),
        ("Ateria", "Ruokatilaukset, erityisruokavaliot ja omavalvonta", ["ruoka"]),
        ("Huoltopyyntö", "Kiinteistöjen vikailmoitukset ja siivouksen työtilaukset", ["tekni"]),
        ("Hoivi", "Sosiaali- ja terveyspalvelujen asiakastiedot", ["sosiaali"]),
    ]

    static let notes = ["Tavoittaa parhaiten Teamsissa", "Paikalla ma–to", "Soita tai laita viesti", ""]

    /// Loads the libraries; returns how many instructions were written.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> Int {
        var written = 0
        for (slug, entries) in [("jarvela", Self.jarvela), ("solvik", Self.solvik), ("koskenkyla", Self.koskenkyla)] {
            guard let organisationID = organisationIDs[slug] else { continue }
            written += try load(entries, organisationID: organisationID, language: slug == "solvik" ? "sv" : "fi")
        }
        if let jarvela = organisationIDs["jarvela"] { try loadKeyUsers(organisationID: jarvela) }
        return written
    }

    private func load(_ entries: [Entry], organisationID: Int64, language: String) throws(DemoError) -> Int {
        let sectors = try demoStorage { try SectorStore(database).sectors(organisationID: organisationID) }
            .sorted { $0.id < $1.id }
        let topics = try demoStorage { try TutorStore(database).topics(organisationID: organisationID) }
        func sectorID(_ words: [String]?) -> Int64? {
            guard let words else { return nil }
            return sectors.first { sector in words.contains { sector.name.lowercased().contains($0) } }?.id
        }
        func userID(_ login: String?) throws(DemoError) -> [Int64] {
            guard let login else { return [] }
            return try demoStorage { try UserStore(database).user(loginOrEmail: login).map { [$0.id] } ?? [] }
        }
        func topicID(_ position: Int?) -> Int64? {
            position.flatMap { position in topics.first { $0.position == position }?.id }
        }
        var originals: [InstructionDraft] = []
        for entry in entries {
            originals.append(InstructionDraft(
                instruction: Instruction(organisationID: organisationID, title: entry.title, body: entry.body,
                                         topicID: topicID(entry.topic), systemName: entry.system, sectorID: sectorID(entry.sector),
                                         language: language, ownerTeam: entry.team, pinned: entry.pinned,
                                         reviewedOn: today.adding(days: -entry.reviewed).text, reviewIntervalMonths: entry.months),
                links: entry.links.map { InstructionLink(title: $0.0, url: $0.1) }, ownerUserIDs: try userID(entry.owner)))
        }
        let stored = try demoStorage { try InstructionStore(database).createMany(originals) }
        var translations: [InstructionDraft] = []
        for (entry, original) in zip(entries, stored) {
            guard let swedish = entry.swedish else { continue }
            var instruction = original.record
            instruction.title = swedish.title
            instruction.body = swedish.body
            instruction.language = "sv"
            instruction.translationOf = original.id
            instruction.pinned = false
            translations.append(InstructionDraft(instruction: instruction, links: entry.links.map { InstructionLink(title: $0.0, url: $0.1) },
                                                 ownerUserIDs: try userID(entry.owner)))
        }
        if !translations.isEmpty { _ = try demoStorage { try InstructionStore(database).createMany(translations) } }
        return stored.count + translations.count
    }

    /// Key users for each system: two people of its sector (or anyone), the first active ones by
    /// name after skipping a few, so the same people are not everywhere.
    private func loadKeyUsers(organisationID: Int64) throws(DemoError) {
        let sectors = try demoStorage { try SectorStore(database).sectors(organisationID: organisationID) }
        let people = try demoStorage { try ComplianceEvidenceStore(database).people(organisationID: organisationID, activeOnly: true) }
        let store = KeyUserStore(database)
        for (index, system) in Self.systems.enumerated() {
            let sectorIDs = Set(sectors.filter { sector in system.sector?.contains { sector.name.lowercased().contains($0) } ?? true }.map(\.id))
            let candidates = people.filter { person in person.sectorID.map(sectorIDs.contains) ?? false }
            guard !candidates.isEmpty else { continue }
            let first = (index * 7) % candidates.count
            let picks = [candidates[first], candidates[(first + candidates.count / 2) % candidates.count]]
            var entries: [KeyUserEntry] = []
            for (offset, person) in picks.enumerated() where !entries.contains(where: { $0.employeeID == person.id }) {
                entries.append(KeyUserEntry(employeeID: person.id, note: Self.notes[(index + offset) % Self.notes.count]))
            }
            _ = try demoStorage {
                try store.create(KeyUserSystem(organisationID: organisationID, name: system.name, purpose: system.purpose), keyUsers: entries)
            }
        }
    }
}
