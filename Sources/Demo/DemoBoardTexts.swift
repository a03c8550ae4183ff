import Foundation

/// One answer in a demo thread.
struct DemoBoardAnswer: Sendable {
    let text: String
    /// Marked as solving the question.
    var solves = false
    /// Written by a digitutor (the loader picks a digitutor of the organisation as author).
    var byTutor = false
}

/// A demo tip or question with its answers.
struct DemoBoardThread: Sendable {
    /// "tip" or "question".
    let kind: String
    let title: String
    /// Plain text or a small Markdown subset: paragraphs, "- " lists, "1. " lists, **bold**, and [links](https://...).
    let body: String
    /// A framework area code above, or nil.
    var area: String? = nil
    /// A tool, e.g. "Teams", "Outlook", "OneDrive", "Työpuhelin", "HR-järjestelmä", "Pedanet", or "".
    var tool = ""
    /// A word found in the sector's Finnish or Swedish name (e.g. "Varhaiskasvatus", "Ruoka", "Tekniset"), or nil for everyone.
    var sector: String? = nil
    /// Asked anonymously (questions only).
    var anonymous = false
    var answers: [DemoBoardAnswer] = []
}

/// A demo development deed ("kehittämisteko").
struct DemoBoardPractice: Sendable {
    let title: String
    /// What we did (a few sentences).
    let body: String
    /// How, step by step (short).
    let how: String
    /// Tools used, e.g. "Teams, tabletti".
    let tools: String
    /// Time it took, e.g. "2 kuukautta, noin 10 tuntia työtä".
    let time: String
    var area: String? = nil
    var tool = ""
    var sector: String? = nil
    /// "How it went" notes of units that adopted it (some empty strings = adopted without a note); 0–6 entries.
    var adoptions: [String] = []
}

/// The words of the demo's board (Digivinkit): tips, questions with their answers and development deeds
/// (kehittämisteot) in Finnish and Swedish, written as municipal staff write them, and building blocks for
/// generating many older posts for load tests. Only literals; the loader picks authors, units and dates.
enum DemoBoardTexts {
    /// About 60 Finnish tips and questions (roughly 25 tips and 35 questions).
    static let finnish: [DemoBoardThread] = [
        // MARK: Tips

        DemoBoardThread(
            kind: "tip",
            title: "Uusi puhelin? Siirrä Authenticator ennen kuin palautat vanhan",
            body: """
                Kun työpuhelin vaihtuu, monivaiheinen tunnistautuminen ei siirry itsestään uuteen laitteeseen.
                Moni huomaa tämän vasta, kun vanha puhelin on jo palautettu eikä kirjautuminen onnistu.

                Näin teet sen:

                1. Pidä vanha puhelin vielä tallessa ja päällä.
                2. Asenna uuteen puhelimeen Microsoft Authenticator.
                3. Avaa koneella oman tilin **Suojaustiedot** ja valitse **Lisää kirjautumistapa** → Authenticator-sovellus.
                4. Skannaa koneen näytöltä QR-koodi uudella puhelimella ja hyväksy testi-ilmoitus.
                5. Poista vanha puhelin listalta vasta, kun uusi toimii.

                Jos vanha puhelin on jo ehtinyt lähteä, soita IT-tukeen. He voivat nollata tunnistautumisen,
                mutta henkilöllisyys tarkistetaan ensin. Salasanaa et tässä tarvitse vaihtaa.
                """,
            area: "information-security", tool: "Authenticator",
            answers: [
                DemoBoardAnswer(text: "Olisinpa lukenut tämän viime viikolla 🙈 Meni puoli päivää ilman sähköpostia."),
                DemoBoardAnswer(text: "Hyvä ohje! Lisään tämän meidän perehdytyskansioon.", byTutor: true),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Salasanaksi lause, ei sana",
            body: """
                Pitkä salasana on turvallisempi kuin lyhyt ja monimutkainen. Helpoin tapa on keksiä lause, jonka muistat,
                esimerkiksi **Mummon-mökillä-kasvaa-9-mustikkaa!** (älä tietenkään käytä juuri tätä).

                - Vähintään 15 merkkiä, mieluummin enemmän.
                - Eri salasana työhön ja omiin palveluihin.
                - Älä kirjoita salasanaa lapulle näytön reunaan tai puhelimen kuoren sisälle.
                - Jos epäilet, että salasana on vuotanut, vaihda se heti ja kerro IT-tukeen.

                Salasanan vaihto onnistuu koneella painamalla **Ctrl + Alt + Delete** ja valitsemalla **Vaihda salasana**.
                """,
            area: "information-security"),

        DemoBoardThread(
            kind: "tip",
            title: "OneDrive-jako: valitse ”Tietyt henkilöt”",
            body: """
                Kun jaat tiedoston OneDrivesta, tarkista linkin asetukset aina ennen lähettämistä.
                Linkki voi oletuksena toimia kaikille organisaatiossa, ja se kulkee helposti eteenpäin.

                1. Valitse tiedosto ja **Jaa**.
                2. Avaa linkin asetukset (teksti ”Kuka tahansa, jolla on linkki…” tai rataspyörä).
                3. Valitse **Tietyt henkilöt** ja kirjoita vastaanottajien nimet.
                4. Poista muokkausoikeus, jos toisen pitää vain lukea.

                Henkilötietoja sisältäviä tiedostoja ei jaeta avoimella linkillä koskaan.
                Jakamisen voi perua kohdasta **Hallitse käyttöoikeuksia**.
                """,
            area: "information-security", tool: "OneDrive"),

        DemoBoardThread(
            kind: "tip",
            title: "Teams-palaveriin puhelimella vaikka kesken työpäivän",
            body: """
                Meillä päiväkodissa harvoin ehtii koneelle, mutta yksikön palaveriin pääsee hyvin puhelimella:

                - Asenna Teams työpuhelimeen ja kirjaudu työtunnuksilla kerran.
                - Alareunan **Kalenteri**-kohdassa näkyvät kokoukset. Paina kokousta ja sitten **Liity**.
                - Pidä mikki kiinni, kun et puhu – lapset kuuluvat yllättävän hyvin.
                - Jos sovellus ei toimi, kutsun lopussa on puhelinnumero ja konferenssitunnus,
                joilla voi soittaa tavallisena puheluna.

                Kuulokkeet helpottavat paljon, jos ympärillä on hälinää.
                """,
            area: "digital-work", tool: "Teams", sector: "Varhaiskasvatus",
            answers: [
                DemoBoardAnswer(text: "Toimii! Me liitytään näin lepohetken aikana taukotilasta."),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Taustan sumennus Teamsissa – kotona tai kahvihuoneessa",
            body: """
                Ennen kuin liityt kokoukseen, esikatselussa on kohta **Taustasuodattimet**.
                Valitse **Sumenna**, niin taustalla oleva pyykkiteline tai työkaverin näyttö ei näy muille.

                Kesken kokouksen saman löytää kohdasta **Lisää (…) → Video-efektit**.

                Huom! Sumennus ei ole tietoturvaratkaisu. Jos takanasi on esimerkiksi ilmoitustaulu,
                jossa on asiakkaiden nimiä, siirry mieluummin toiseen paikkaan.
                """,
            area: "digital-work", tool: "Teams"),

        DemoBoardThread(
            kind: "tip",
            title: "Viisi merkkiä huijausviestistä",
            body: """
                Huijausviestit ovat nykyään hyvin tehtyjä ja usein virheetöntä suomea. Pysähdy ainakin näissä kohdissa:

                1. **Kiire tai uhka**: ”tilisi suljetaan tänään”, ”maksa heti”.
                2. **Lähettäjän osoite** ei täsmää nimeen, kun viet hiiren nimen päälle.
                3. **Linkki** vie muualle kuin väittää. Tarkista osoite ennen klikkaamista.
                4. **Pyyntö antaa tunnuksia**, vahvistuskoodeja tai pankkitietoja. Oikea IT-tuki ei koskaan kysy salasanaasi.
                5. **Odottamaton liite**, esimerkiksi lasku tai ”skannattu asiakirja”.

                Jos epäilet, että kyseessä on huijausviesti, ilmoita siitä Outlookin **Raportoi**-painikkeella ja poista viesti.
                Lisää esimerkkejä: [Kyberturvallisuuskeskus](https://www.kyberturvallisuuskeskus.fi).
                """,
            area: "information-security", tool: "Outlook",
            answers: [
                DemoBoardAnswer(text: "Tulostin tämän keittiön ilmoitustaululle, kiitos!"),
                DemoBoardAnswer(text: "Kohta 2 on hyvä. Puhelimessa osoitteen näkee painamalla lähettäjän nimeä."),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Toimitusjohtajahuijaus: ”Oletko koneella? Tarvitsen pikaisen palveluksen”",
            body: """
                Viime viikolla kolme hallinnon työntekijää sai viestin, joka näytti tulevan meidän toimialajohtajalta.
                Ensin kysyttiin vain ”oletko paikalla?”, ja seuraavassa viestissä pyydettiin ostamaan lahjakortteja
                tai maksamaan lasku kiireellisesti.

                Tämä on niin sanottu **toimitusjohtajahuijaus**. Tunnusmerkit:

                - lähettäjänä tuttu johtaja, mutta osoite on esimerkiksi gmail-osoite
                - kiire ja salailu (”älä kerro vielä muille”)
                - pyyntö poiketa tavallisesta maksu- tai hyväksymiskäytännöstä

                Jos saat tällaisen, **älä vastaa viestiin**. Soita henkilölle itselleen numeroon, jonka tiedät valmiiksi,
                ja ilmoita viestistä IT-tukeen.
                """,
            area: "information-security", tool: "Outlook", sector: "Hallinto"),

        DemoBoardThread(
            kind: "tip",
            title: "Lomahakemus HR-järjestelmässä puhelimella parissa minuutissa",
            body: """
                Lomahakemuksen voi tehdä myös kännykällä, ei tarvitse odottaa vuoron loppua ja jonottaa taukotilan koneelle.

                1. Avaa HR-järjestelmän mobiilisovellus ja kirjaudu (ensimmäisellä kerralla pyytää tunnistautumista).
                2. Valitse **Poissaolot → Uusi hakemus**.
                3. Valitse lajiksi **Vuosiloma** sekä alku- ja loppupäivä.
                4. Lisää tarvittaessa viesti esihenkilölle ja paina **Lähetä hyväksyttäväksi**.

                Hakemus on tilassa ”Odottaa hyväksyntää”, kunnes esihenkilö hyväksyy sen, ja saat siitä ilmoituksen sähköpostiin.
                Jos hakemus jää tilaan ”Luonnos”, se ei ole vielä lähtenyt!
                """,
            area: "ict-basics", tool: "HR-järjestelmä"),

        DemoBoardThread(
            kind: "tip",
            title: "Omat työvuorot yhdellä painalluksella",
            body: """
                Vinkki meidän puhtauspalveluiden porukalta: HR-järjestelmän mobiilisovelluksessa on **Työvuorot**-näkymä.
                Kun lisäät sovelluksen kuvakkeen puhelimen kotinäytölle, näet seuraavan viikon vuorot heti
                eikä tarvitse soittaa työnjohtajalle.

                Vuoronvaihtotoiveet tehdään edelleen työnjohdon kautta, sovellus näyttää vain hyväksytyt vuorot.
                """,
            area: "ict-basics", tool: "HR-järjestelmä", sector: "Ruoka"),

        DemoBoardThread(
            kind: "tip",
            title: "Kotihoidon kirjaukset sujuvammin omilla fraaseilla",
            body: """
                Mobiilikirjauksessa on **Omat fraasit** -toiminto, johon voi tallentaa usein toistuvia lauseita,
                esimerkiksi ”Lääkkeet otettu valvotusti.” tai ”Asiakasta ohjattu ottamaan yhteyttä omaiseen.”

                Fraasit lisätään kirjaukseen kahdella napautuksella. Kirjaukseen lisätään aina oma havainto – fraasi on vain pohja.

                Asiakastietoja ei sanella puhelimen yleiseen sanelutoimintoon, vaan ne kirjataan vain kirjaussovellukseen.
                Kysy digitutorilta, jos et ole varma.
                """,
            area: "digital-work", tool: "Työpuhelin", sector: "Sosiaali",
            answers: [
                DemoBoardAnswer(text: "Tehtiin tiimin kanssa yhteinen fraasilista, säästää oikeasti aikaa käyntien välissä."),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Kuvat lapsista vain varhaiskasvatuksen sovelluksen kautta",
            body: """
                Pieni muistutus syksyn alkuun: kun otat kuvia lasten arjesta havainnointia tai huoltajille tiedottamista varten,
                **käytä tabletissa varhaiskasvatuksen sovelluksen omaa kameraa**. Silloin kuva tallentuu suoraan oikeaan paikkaan
                eikä jää laitteen kuvagalleriaan.

                - Tarkista tabletin kuvagalleria viikoittain ja tyhjennä se.
                - Älä lähetä kuvia WhatsAppilla tai omalla puhelimella.
                - Huomioi, keiden lasten kuvaamiseen on lupa.
                """,
            area: "information-security", tool: "Tabletti", sector: "Varhaiskasvatus"),

        DemoBoardThread(
            kind: "tip",
            title: "Työpuhelimen kolme perusasiaa, jotka kannattaa tarkistaa nyt",
            body: """
                1. **Näytön lukitus**: vähintään kuusinumeroinen PIN-koodi tai sormenjälki, lukitus päälle minuutin kohdalla.
                2. **Päivitykset**: Asetukset → Järjestelmä → Ohjelmistopäivitys. Kun puhelin ilmoittaa päivityksestä,
                asenna se tauolla. Päivitykset korjaavat tietoturva-aukkoja.
                3. **Sovellukset vain Yrityksen portaalista** tai organisaation hyväksymästä kaupasta.

                Jos puhelin katoaa, ilmoita heti IT-tukeen. Laitteen voi tyhjentää etänä.
                """,
            area: "ict-basics", tool: "Työpuhelin"),

        DemoBoardThread(
            kind: "tip",
            title: "Tulosta mihin tahansa monitoimilaitteeseen ja hae tuloste kortilla",
            body: """
                Kaikki eivät tiedä, että tulostusjono on yhteinen: kun valitset tulostimeksi **Seuraa minua**,
                tuloste odottaa sinua, ja sen voi hakea mistä tahansa organisaation monitoimilaitteesta näyttämällä kulkukorttia.

                Hyödyt:

                - tulosteet eivät jää unohduksiin laitteen päälle
                - luottamukselliset paperit eivät jää muiden nähtäville
                - jos lähin laite on jumissa, mene seuraavaan

                Tulostustyöt säilyvät jonossa vuorokauden.
                """,
            area: "ict-basics", tool: "Tulostin"),

        DemoBoardThread(
            kind: "tip",
            title: "Outlookin kalenteri: katso tiimin kalenterit rinnakkain",
            body: """
                Kun etsit yhteistä aikaa palaverille, ei tarvitse kysellä jokaiselta erikseen.

                1. Avaa Outlookin **Kalenteri**.
                2. Valitse **Lisää kalenteri → Osoitekirjasta** ja hae työkaverin nimi.
                3. Kalenterit näkyvät vierekkäin. Kokouskutsussa voit myös avata **Ajoitusavustajan**, joka näyttää kaikkien vapaat ajat.

                Yksityiseksi merkityistä tapaamisista näkyy vain ”Varattu”.
                """,
            area: "digital-work", tool: "Outlook"),

        DemoBoardThread(
            kind: "tip",
            title: "Ajastettu lähetys Outlookissa – ei viestejä työkavereille iltaisin",
            body: """
                Jos kirjoitat viestejä illalla tai viikonloppuna, ajasta ne lähtemään vasta seuraavana arkiaamuna.
                Silloin kenenkään ei tarvitse miettiä, pitäisikö vastata heti.

                Uudessa Outlookissa: **Lähetä**-painikkeen vieressä olevasta nuolesta → **Ajoita lähetys**.
                Perinteisessä Outlookissa: **Asetukset → Viivästä toimitusta**.
                """,
            area: "digital-work", tool: "Outlook"),

        DemoBoardThread(
            kind: "tip",
            title: "Tekoäly työssä – muistilista organisaation ohjeesta",
            body: """
                Meillä on nyt oma tekoälyohje intrassa. Tiivistettynä:

                - Käytä **vain organisaation hyväksymää tekoälypalvelua** työtunnuksilla kirjautuneena (Copilot).
                - **Älä syötä** asiakkaiden, oppilaiden tai työkavereiden henkilötietoja, terveystietoja tai salassa pidettävää tietoa.
                - **Tarkista** aina vastaus. Tekoäly keksii välillä asioita, myös lakipykäliä.
                - Vastuu tekstistä on aina sinulla, ei tekoälyllä.
                - Kerro tarvittaessa, että tekstin luonnostelussa on käytetty tekoälyä.

                Hyviä käyttötapoja: sähköpostin sävyn selkeyttäminen, palaverimuistion rungon tekeminen ja selkokielisen version luonnostelu.
                """,
            area: "ethics", tool: "Copilot",
            answers: [
                DemoBoardAnswer(text: "Hyvä tiivistys. Missä kohtaa intraa koko ohje on?"),
                DemoBoardAnswer(text: "Intran etusivulla: Ohjeet → Tietoturva ja tietosuoja → Tekoälyn käyttö.", byTutor: true),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Suomi.fi-valtuudet – kun asiakas haluaa läheisen hoitavan asioitaan",
            body: """
                Asiakkaat kysyvät usein, voiko esimerkiksi aikuinen lapsi hoitaa vanhemman asioita verkossa.
                Voi, **Suomi.fi-valtuuksilla**.

                1. Valtuuttaja kirjautuu [Suomi.fi](https://www.suomi.fi)-palveluun omilla pankkitunnuksillaan tai mobiilivarmenteella.
                2. Hän valitsee **Valtuudet** ja antaa valtuuden läheiselleen niihin asioihin, joita valtuutus koskee.
                3. Valtuutettu näkee valtuuden, kun hän kirjautuu omilla tunnuksillaan.

                Jos asiakkaalla ei ole tunnuksia lainkaan, valtuutusta voi hakea Digi- ja väestötietovirastosta.
                Me emme tee valtuutusta asiakkaan puolesta, mutta neuvomme vierestä.
                """,
            area: "client-guidance", tool: "Suomi.fi", sector: "Sosiaali"),

        DemoBoardThread(
            kind: "tip",
            title: "Digiohjauksessa: neuvo vierestä, älä kirjaudu asukkaan puolesta",
            body: """
                Kirjaston laitehelpissä ja asiakaspalvelupisteissä tulee usein tilanne, jossa asukas ojentaa puhelimen
                ja sanoo ”tee sinä”. Meidän pelisäännöt:

                - **Emme koskaan käytä asukkaan pankkitunnuksia tai mobiilivarmennetta** emmekä kirjoita niitä hänen puolestaan.
                - Asukas pitää laitetta itse kädessään, me neuvomme sanoin ja näyttämällä.
                - Emme ota kuvia asukkaan näytöstä.
                - Jos asia vaatii valtuutusta, ohjataan Suomi.fi-valtuuksiin.

                Hyvä lause: ”Minä kerron, mitä painetaan, ja sinä painat.” Asukas oppii, ja vastuu pysyy oikealla ihmisellä.
                """,
            area: "client-guidance", sector: "Kulttuuri",
            answers: [
                DemoBoardAnswer(text: "Tämä lause on kultaa. Otetaan käyttöön myös palvelupisteessä."),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Saavutettavuus: kirjoita kuvalle vaihtoehtoinen teksti",
            body: """
                Kun lisäät kuvan tiedotteeseen, verkkosivulle tai Teams-viestiin, ruudunlukijaa käyttävä ei saa siitä mitään
                ilman **vaihtoehtoista tekstiä** (alt-teksti).

                - Wordissa ja PowerPointissa: hiiren oikea painike kuvan päällä → **Näytä vaihtoehtoinen teksti**.
                - Kerro lyhyesti, mitä kuvassa on ja miksi se on siinä, esimerkiksi ”Kartta: uimahallin sisäänkäynti on Koulukadun puolella.”
                - Pelkkä koristekuva merkitään koristeelliseksi.

                Lisää ohjeita: [saavutettavuusvaatimukset.fi](https://www.saavutettavuusvaatimukset.fi).
                """,
            area: "digital-solutions", tool: "Word"),

        DemoBoardThread(
            kind: "tip",
            title: "Saavutettava PDF syntyy jo Wordissa",
            body: """
                Jos PDF tehdään skannaamalla, ruudunlukija ei saa siitä mitään irti. Tee näin:

                1. Käytä Wordissa **otsikkotyylejä** (Otsikko 1, Otsikko 2), älä pelkkää lihavointia ja isoa fonttia.
                2. Tee luettelot luettelotyökalulla.
                3. Aja **Tarkista → Tarkista helppokäyttöisyys** ja korjaa, mitä se löytää.
                4. Tallenna **Tiedosto → Tallenna nimellä → PDF** ja varmista asetuksista, että asiakirjan rakenteen tunnisteet ovat mukana.

                Näin tehty PDF on myös helpompi lukea puhelimella.
                """,
            area: "digital-solutions", tool: "Word", sector: "Hallinto"),

        DemoBoardThread(
            kind: "tip",
            title: "Teamsin ilmoitukset kuriin: seuraa vain tärkeitä kanavia",
            body: """
                Jos Teams piippaa koko ajan, säädä ilmoitukset kanavakohtaisesti:

                - Kanavan nimen kohdalla **… → Kanavan ilmoitukset → Mukautettu**.
                - Tärkeille kanaville (esim. ”Tiedotteet”) kaikki ilmoitukset, muille vain maininnat.
                - Piilota kanavat, joita et tarvitse. Ne eivät katoa, vaan löytyvät kohdasta ”Piilotetut kanavat”.

                Työpuhelimessa voi lisäksi asettaa hiljaiset tunnit, jolloin Teams ei ilmoittele vapaa-ajalla.
                """,
            area: "digital-work", tool: "Teams"),

        DemoBoardThread(
            kind: "tip",
            title: "Viisi pikanäppäintä, jotka säästävät eniten aikaa",
            body: """
                - **Windows + L**: lukitsee koneen, kun lähdet pisteeltä. Tärkein kaikista!
                - **Windows + Shift + S**: kuvakaappaus valitusta alueesta.
                - **Ctrl + Z**: peruu edellisen, myös vahingossa poistetun tekstin.
                - **Windows + V**: leikepöydän historia (pitää ottaa kerran käyttöön).
                - **Ctrl + F**: hakee sanaa sivulta tai asiakirjasta.

                Tulosta lista vaikka näytön viereen.
                """,
            area: "ict-basics", tool: "Windows",
            answers: [
                DemoBoardAnswer(text: "Windows + V oli mulle uusi. Kätevä!"),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Teams-tallenne vanhenee – tallenna tärkeä koulutus talteen",
            body: """
                Teams-kokousten tallenteilla on **vanhentumispäivä**, meillä oletuksena 120 päivää.
                Jos tallennat esimerkiksi perehdytyksen tai koulutuksen, jota halutaan katsoa myöhemmin:

                1. Avaa tallenne kokouksen chatista.
                2. Avaa **Tiedot** ja vaihda vanhentumispäivä tai valitse ”Ei vanhentumista”.
                3. Siirrä tallenne tarvittaessa tiimin kanavan tiedostoihin, jotta se ei ole vain sinun OneDrivessasi.

                Muista kertoa osallistujille ennen kuin aloitat tallennuksen.
                """,
            area: "digital-work", tool: "Teams"),

        DemoBoardThread(
            kind: "tip",
            title: "Keittiön tabletti: allergialista ajan tasalle yhdellä päivityksellä",
            body: """
                Meillä keskuskeittiössä erityisruokavaliolistat olivat ennen paperilla jääkaapin ovessa,
                ja vanha versio jäi helposti roikkumaan. Nyt lista on OneDrivessa ja auki keittiön tabletilla.

                - Tiedosto on jaettu vain keittiön henkilökunnalle.
                - Ruokapalveluvastaava päivittää listan, muut lukevat.
                - Tabletissa on kotelo, jonka voi pyyhkiä desinfiointiaineella.

                Enää ei tarvitse miettiä, onko paperi uusin versio.
                """,
            area: "digital-work", tool: "Tabletti", sector: "Ruoka",
            answers: [
                DemoBoardAnswer(text: "Mikä kotelo teillä on? Meidän ensimmäinen ei kestänyt höyryä."),
                DemoBoardAnswer(text: "Vedenkestävä kotelo, jossa on kahva. Kysy hankinnoista, he tietävät mallin."),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Vikailmoitus kiinteistöhuoltoon kuvan kanssa",
            body: """
                Terveisiä kiinteistöhuollosta! Vikailmoituksen voi tehdä työpuhelimella suoraan vikailmoituslomakkeelle.
                Liitä mukaan kuva – se säästää turhan käynnin, kun oikeat tarvikkeet voi ottaa heti mukaan.

                Hyvä ilmoitus kertoo:

                - rakennuksen ja tilan (esim. ”Mäntymäen koulu, liikuntasali, naisten pukuhuone”)
                - mikä on rikki ja mistä lähtien
                - onko tilanne vaarallinen (vesivuoto, sähkö)

                Kiireelliset viat soitetaan aina päivystykseen, ei lomakkeella.
                """,
            area: "digital-work", tool: "Työpuhelin", sector: "Tekniset"),

        // MARK: Questions

        DemoBoardThread(
            kind: "question",
            title: "Vaihdoin puhelimen ja nyt Authenticator ei kysy mitään",
            body: """
                Sain uuden työpuhelimen eilen ja palautin vanhan. Nyt kun yritän kirjautua sähköpostiin koneella,
                se sanoo että hyväksy kirjautuminen Authenticatorissa, mutta uuteen puhelimeen ei tule mitään ilmoitusta.
                Asensin sovelluksen kyllä. Mitä teen?
                """,
            area: "information-security", tool: "Authenticator",
            answers: [
                DemoBoardAnswer(text: "Sama kävi mulle. Pelkkä sovelluksen asentaminen ei riitä, tili pitää lisätä siihen uudestaan."),
                DemoBoardAnswer(text: """
                    Koska vanha puhelin on jo palautettu, soita IT-tukeen ja pyydä nollaamaan monivaiheinen tunnistautuminen.
                    Sen jälkeen kone näyttää kirjautuessa QR-koodin, jonka skannaat uuden puhelimen Authenticatorilla.
                    Ensi kerralla kannattaa lisätä uusi puhelin ennen kuin vanha lähtee, ohje on vinkeissä.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Kiitos! IT nollasi ja nyt toimii."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Tämä on varmaan tyhmä kysymys, mutta miten salasana vaihdetaan?",
            body: """
                Esihenkilö sanoi, että mun pitäisi vaihtaa salasana, koska olen käyttänyt samaa jo vuosia ja se on liian lyhyt.
                En ole koskaan vaihtanut sitä itse, viimeksi joku auttoi. Missä se tehdään? Käytän lähinnä taukotilan yhteiskonetta.
                """,
            area: "ict-basics", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    Ei ole tyhmä kysymys, tätä kysytään tosi usein! Kun olet kirjautunut koneelle omilla tunnuksillasi,
                    paina **Ctrl + Alt + Delete** ja valitse **Vaihda salasana**. Kirjoita ensin vanha salasana ja sitten uusi kahteen kertaan.

                    Uusi salasana on heti voimassa kaikkialla, joten puhelin saattaa kysyä sitä kohta uudelleen.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Mulla puhelimen sähköposti lakkasi toimimasta vaihdon jälkeen, piti vaan kirjoittaa uusi salasana sinne."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Salasanan vaihdon jälkeen tunnus menee lukkoon joka aamu",
            body: """
                Vaihdoin salasanan maanantaina ja siitä asti tunnus on mennyt lukkoon joka aamu.
                IT avasi sen jo kahdesti. Mistä tämä voi johtua?
                """,
            area: "information-security",
            answers: [
                DemoBoardAnswer(text: """
                    Onko sulla työsähköposti myös jollain tabletilla? Se yrittää kirjautua vanhalla salasanalla
                    ja lukitsee tunnuksen.
                    """),
                DemoBoardAnswer(text: """
                    Tää oli se! Vanhassa tabletissa oli vielä sähköposti auki. Poistin tilin sieltä,
                    ja nyt on mennyt kaksi päivää ilman lukkoa.
                    """, solves: true),
                DemoBoardAnswer(text: """
                    Hyvä että löytyi. Muistilistaksi muille: salasanan vaihdon jälkeen päivitä uusi salasana kaikkiin laitteisiin,
                    joissa olet kirjautuneena, tai kirjaudu niistä ulos.
                    """, byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Tunnus lukossa yövuorossa, IT-tuki ei vastaa",
            body: """
                Olen yövuorossa palvelutalossa ja tunnukset menivät lukkoon, en pääse kirjaamaan.
                IT-tuki aukeaa vasta kahdeksalta. Miten muut on hoitaneet tämän?
                """,
            area: "ict-basics", sector: "Sosiaali",
            answers: [
                DemoBoardAnswer(text: "Me kirjataan silloin paperille ja siirretään aamulla järjestelmään. Ei kiva mutta toimii."),
                DemoBoardAnswer(text: """
                    Salasanan voi nollata itse itsepalvelussa, jos olet rekisteröinyt puhelinnumerosi etukäteen.
                    Se kannattaa tehdä päivävuorossa valmiiksi. Lukitun tunnuksen saa yöllä auki vain IT-päivystys,
                    jonka numero on yksikön ohjekansiossa.
                    """, byTutor: true),
                DemoBoardAnswer(text: "Meillä ei ainakaan ole kansiossa sellaista numeroa, tai en ole löytänyt. Voisiko joku tarkistaa?"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Miten jaan OneDrive-kansion vain oman tiimin opettajille?",
            body: """
                Haluan jakaa kansion, jossa on ensi kevään leirikoulun suunnitelmat, vain meidän kolmen opettajan kesken.
                Kun painan Jaa, se antaa linkin. Näkeekö sen silloin kuka tahansa?
                """,
            area: "information-security", tool: "OneDrive", sector: "Perusopetus",
            answers: [
                DemoBoardAnswer(text: """
                    Linkin asetuksista voit valita **Tietyt henkilöt** ja kirjoittaa kolmen opettajan nimet.
                    Silloin linkki toimii vain heille, vaikka se kulkisi eteenpäin.

                    Jos kansio on pitkään yhteiskäytössä, harkitse Teams-tiimiä: OneDrive-kansio on sidottu sinun tunnukseesi.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Kiitos, onnistui!"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Yhteistyökumppani ei saa OneDrive-linkkiä auki",
            body: """
                Lähetin seurakunnan nuorisotyöntekijälle linkin tiedostoon OneDrivesta,
                mutta hän saa ilmoituksen, ettei hänellä ole oikeuksia. Mikä menee pieleen?
                """,
            area: "digital-work", tool: "OneDrive", sector: "Kulttuuri",
            answers: [
                DemoBoardAnswer(text: """
                    Ulkopuolisille jakaminen OneDrivesta on meillä rajattu. Jos tiedostossa ei ole henkilötietoja,
                    helpointa on lähettää se sähköpostin liitteenä. Pidempään yhteistyöhön voi pyytää IT:ltä vieraskäyttäjää Teams-tiimiin.
                    """),
                DemoBoardAnswer(text: """
                    Meillä teknisissä se onnistui valitsemalla Tietyt henkilöt ja kirjoittamalla ulkopuolisen sähköpostiosoitteen.
                    Hän sai kertakäyttökoodin sähköpostiin. Voi olla, että oikeudet on eri eri ryhmillä.
                    """),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Poistinko vahingossa jaetun tiedoston kaikilta??",
            body: """
                Siivosin OneDrivea ja poistin kansion, jonka olin jakanut työkavereille. Nyt yksi kysyi, missä työvuorotaulukko on.
                Onko se lopullisesti poissa? Vähän paniikki.
                """,
            area: "ict-basics", tool: "OneDrive", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    Ei hätää! OneDrivessa on **Roskakori** (selaimessa vasemmassa reunassa). Poistetut tiedostot ovat siellä tallessa 93 päivää.
                    Valitse kansio ja **Palauta**, niin se palaa paikalleen ja jaot toimivat taas.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Tämä pelasti mutkin kerran 😅"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Pääseekö Teams-kokoukseen puhelimella ilman sovellusta?",
            body: """
                Meillä on päiväkodissa yksi yhteinen tabletti ja se on usein käytössä.
                Pääseekö vanhempainillan suunnittelupalaveriin omalla työpuhelimella, jos siinä ei ole Teamsia?
                """,
            area: "digital-work", tool: "Teams", sector: "Varhaiskasvatus",
            answers: [
                DemoBoardAnswer(text: """
                    Pääsee. Kokouskutsun lopussa on puhelinnumero ja konferenssitunnus.
                    Soita numeroon ja näppäile tunnus, niin olet mukana äänellä. Jaettua näyttöä et silloin näe.
                    """),
                DemoBoardAnswer(text: """
                    Teamsin voi asentaa työpuhelimeen Yrityksen portaalista, silloin näet myös esitykset.
                    Autan mielelläni asennuksessa, tulen teille torstaina.
                    """, byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Saako Teams-kokouksen nauhoittaa, ja kuka tallenteen näkee?",
            body: """
                Pidämme kuukausittaisen henkilöstöinfon Teamsissa, ja osa ei pääse paikalle vuorotyön vuoksi.
                Voinko tallentaa sen? Ja kenelle tallenne näkyy?
                """,
            area: "information-security", tool: "Teams",
            answers: [
                DemoBoardAnswer(text: """
                    Voit, kunhan kerrot osallistujille ennen tallennuksen aloittamista.
                    Tallennus alkaa kohdasta **Lisää → Tallenna ja litteroi → Aloita tallennus**.

                    Tallenne näkyy kokouksen chatissa kaikille kutsutuille. Jos kokous pidettiin kanavalla,
                    tallenne menee kanavan tiedostoihin ja näkyy tiimin jäsenille. Huomaa myös tallenteen vanhentumispäivä.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Me tehdään näin joka kuukausi ja laitetaan linkki vielä erikseen tiedotteeseen. Toimii hyvin."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Kanava vai chat – mihin tiimin asiat kannattaa kirjoittaa?",
            body: """
                Meillä osa laittaa asiat tiimin kanavalle, osa ryhmächattiin ja osa sähköpostilla. Tärkeitä juttuja menee ohi.
                Miten muilla on sovittu?
                """,
            area: "digital-work", tool: "Teams",
            answers: [
                DemoBoardAnswer(text: """
                    Meillä sovittiin: kanavalle kaikki, mikä koskee koko porukkaa ja pitää löytyä myöhemmin (ohjeet, vuorolistat),
                    chattiin pikaiset kysymykset. Sähköposti vain ulkopuolisille.
                    """),
                DemoBoardAnswer(text: """
                    Kanavan hyvä puoli on, että uusi työntekijä näkee vanhat keskustelut ja tiedostot, chatissa ei.
                    Sopikaa pelisäännöt yhdessä palaverissa ja kirjatkaa ne kanavan ylälaitaan.
                    """, byTutor: true),
                DemoBoardAnswer(text: """
                    Meillä ei oikein toimi, koska puolet ei avaa Teamsia ollenkaan. WhatsApp-ryhmä on kätevämpi,
                    vaikka tiedetään ettei pitäisi…
                    """),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Kuulokkeiden mikki ei toimi Teamsissa, mutta toimii muualla",
            body: """
                Langattomat kuulokkeet toimii puheluissa ihan ok, mutta Teamsissa muut ei kuule mua.
                Asetuksista valitsin oikean laitteen. Onko kellään ollut samaa?
                """,
            area: "ict-basics", tool: "Teams"),

        DemoBoardThread(
            kind: "question",
            title: "Onko tämä huijausviesti? Tulli ja paketti",
            body: """
                Työpuhelimeen tuli tekstiviesti: ”Pakettisi odottaa tullausta, maksa 2,90 € osoitteessa…”
                Tilasin kyllä yhden jutun netistä, mutta työpuhelimen numeroa en ole antanut kenellekään. Uskaltaako avata?
                """,
            area: "information-security", tool: "Työpuhelin", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    Älä avaa! Tämä on tyypillinen huijausviesti. Kuljetusyhtiö tai Tulli ei pyydä maksamaan tekstiviestin linkin kautta.
                    Poista viesti ja estä lähettäjä. Jos olet jo avannut linkin tai syöttänyt korttitietoja, soita heti pankkiin
                    ja kerro IT-tukeen.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Mulle tuli sama viesti omaan puhelimeen, eli näitä tulee kaikille."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Rehtorin nimissä pyyntö ostaa lahjakortteja",
            body: """
                Sain sähköpostin, jossa lähettäjänä on meidän rehtori. Hän kysyy, voinko ostaa kuusi 50 euron lahjakorttia
                opettajille yllätykseksi ja lähettää koodit hänelle. Rehtori on tänään koulutuksessa, joten en saa häntä kiinni.
                Onko tämä oikea?
                """,
            area: "information-security", tool: "Outlook", sector: "Perusopetus",
            answers: [
                DemoBoardAnswer(text: """
                    Tämä on niin sanottu toimitusjohtajahuijaus. Kaikki tunnusmerkit täyttyvät: kiire, esihenkilön nimi,
                    lahjakortit ja koodien lähettäminen sähköpostilla.

                    - Älä osta mitään äläkä vastaa viestiin.
                    - Tarkista lähettäjän osoite, se on todennäköisesti ulkopuolinen.
                    - Ilmoita viesti Outlookin **Raportoi**-painikkeella ja kerro rehtorille tekstiviestillä.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Meidän koulussa sama viesti tuli kolmelle. Rehtori vahvisti, ettei ollut hän."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Klikkasin linkkiä ja kirjoitin salasanan, mitä nyt?",
            body: """
                Aamulla tuli viesti, että postilaatikko on täynnä ja pitää kirjautua. Kirjoitin tunnukset ennen kuin tajusin.
                Nolottaa ihan hirveästi. Mitä mun pitää tehdä?
                """,
            area: "information-security", tool: "Outlook", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    Hyvä että kysyit heti. Nolostua ei tarvitse, tämä voi sattua kenelle tahansa. Tee nyt heti:

                    1. Vaihda salasana (**Ctrl + Alt + Delete → Vaihda salasana**).
                    2. Soita IT-tukeen ja kerro, mihin aikaan klikkasit. He tarkistavat, onko tunnuksillasi kirjauduttu muualta.
                    3. Jos Authenticator pyytää hyväksymään kirjautumista, jota et itse tee, **älä hyväksy**.

                    Ilmoittamisesta ei seuraa mitään ikävää, mutta viivyttely voi pahentaa tilannetta.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Mulle kävi sama viime vuonna. IT hoiti homman puolessa tunnissa, ei tarvinnut selitellä."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Miten ilmoitan epäilyttävästä sähköpostista IT:lle?",
            body: "Pitääkö huijausviesti lähettää eteenpäin IT-tukeen vai riittääkö, että poistan sen?",
            area: "information-security", tool: "Outlook",
            answers: [
                DemoBoardAnswer(text: """
                    Outlookissa on **Raportoi**-painike (Aloitus-välilehdellä, puhelimessa viestin kolmen pisteen takana).
                    Se lähettää viestin tietoturvatiimille oikeassa muodossa. Älä lähetä viestiä eteenpäin tavallisena viestinä,
                    koska silloin linkit lähtevät kiertämään.
                    """, solves: true),
                DemoBoardAnswer(text: """
                    Jos painiketta ei näy, ota kuvakaappaus ja lähetä se IT-tukeen.
                    Ilmoittaminen on tärkeää, koska samaa viestiä on usein tullut monelle.
                    """, byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Lomahakemus jäi tilaan Luonnos",
            body: """
                Tein lomahakemuksen heinäkuulle HR-järjestelmässä kaksi viikkoa sitten, ja esihenkilö sanoo, ettei ole nähnyt sitä.
                Hakemuksen tila on ”Luonnos”. Mitä tein väärin?
                """,
            area: "ict-basics", tool: "HR-järjestelmä",
            answers: [
                DemoBoardAnswer(text: """
                    Luonnos tarkoittaa, että hakemus on tallennettu mutta ei lähetetty. Avaa hakemus ja paina alhaalta
                    **Lähetä hyväksyttäväksi**. Puhelimessa painike voi olla piilossa, pitää vierittää loppuun asti.
                    """, solves: true),
                DemoBoardAnswer(text: "Sama tapahtui mulle, nappi oli ihan sivun alareunassa."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Työvuorot ei näy mobiilisovelluksessa",
            body: """
                Koneella näen ensi viikon työvuorot, mutta mobiilisovelluksessa lukee ”Ei vuoroja”.
                Muilla meidän keittiössä näkyy.
                """,
            area: "ict-basics", tool: "HR-järjestelmä", sector: "Ruoka",
            answers: [
                DemoBoardAnswer(text: "Kokeile kirjautua ulos sovelluksesta ja takaisin sisään."),
                DemoBoardAnswer(text: "Kokeilin, ei auttanut. Sovellus on päivitetty."),
                DemoBoardAnswer(text: """
                    Laitoin tästä viestin HR-järjestelmän pääkäyttäjälle. Voi olla, että tietosi ovat väärässä työvuororyhmässä.
                    Palaan asiaan, kun kuulen.
                    """, byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Mistä näen montako lomapäivää mulla on jäljellä?",
            body: "Olen ollut töissä vasta puoli vuotta enkä kehtaa kysyä tätä taas esihenkilöltä.",
            area: "ict-basics", tool: "HR-järjestelmä", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    HR-järjestelmässä **Omat tiedot → Lomat ja saldot**.
                    Siinä näkyvät ansaitut, pidetyt ja jäljellä olevat lomapäivät lomavuosittain.
                    """, solves: true),
                DemoBoardAnswer(text: "Ja kysyä saa aina, se kuuluu perehdytykseen! Lomanmääräytymisvuosi vaihtuu huhtikuun alussa.", byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Saako havainnot kirjoittaa ensin paperille ja siirtää myöhemmin?",
            body: """
                Kesken toiminnan en ehdi tabletille. Kirjoitan muistiinpanot lappuihin ja siirrän ne illalla järjestelmään.
                Onko tämä ok tietosuojan kannalta?
                """,
            area: "information-security", sector: "Varhaiskasvatus",
            answers: [
                DemoBoardAnswer(text: """
                    Lyhyet muistiinpanot ovat ok, kunhan lappuja ei jätetä pöydille eikä niissä ole lapsen koko nimeä
                    (käytä esim. etukirjaimia). Kun tieto on siirretty, laput tietosuojaroskikseen. Kotiin niitä ei viedä.

                    Tabletilla kirjauksia voi tehdä myös lyhyinä pätkinä päivän mittaan, näytän mielelläni.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Meillä on sovittu, että kirjaukset tehdään lepohetken aikana. Silloin ehtii."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Kotihoidon kirjaus ei tallennu kun kenttä katkeaa",
            body: """
                Haja-asutusalueella kenttä katkeaa usein. Kirjaus näyttää menevän, mutta toimistolla sitä ei näy.
                Katoaako se?
                """,
            area: "digital-work", tool: "Työpuhelin", sector: "Sosiaali",
            answers: [
                DemoBoardAnswer(text: """
                    Ei katoa, jos sovellus on ehtinyt tallentaa sen puhelimeen. Kirjaussovelluksen yläreunassa on pilvikuvake,
                    jonka vieressä oleva numero kertoo, montako kirjausta odottaa lähetystä. Kun kenttä palaa, avaa sovellus,
                    niin kirjaukset lähtevät. Älä kirjaudu ulos ennen kuin numero on nollassa.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Ahaa, en ollut huomannut tuota kuvaketta ollenkaan. Kiitos!"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Voiko työpuhelimessa käyttää WhatsAppia työkavereiden kanssa?",
            body: "Meidän tiimillä on WhatsApp-ryhmä vuoronvaihtoja varten. Nyt joku sanoi, että se on kielletty. Pitääkö paikkansa?",
            area: "information-security", tool: "Työpuhelin",
            answers: [
                DemoBoardAnswer(text: """
                    Organisaation ohjeen mukaan WhatsAppissa ei käsitellä asiakkaiden tai oppilaiden tietoja eikä muuta luottamuksellista.
                    Vuoronvaihtojen sopiminen ei sinänsä ole salaista, mutta suositus on Teamsin ryhmächatti:
                    se on organisaation hallinnassa, ja viestit säilyvät, vaikka joku lähtee talosta.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Me siirryttiin Teamsiin viime syksynä. Alkuun oli nurinaa, nyt kaikki on tottuneet."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Tulostin sanoo että työ odottaa, mutta mitään ei tule",
            body: "Tulostin palaverimuistion, laite piippaa ja näytössä lukee ”1 työ odottaa”, mutta paperia ei tule.",
            area: "ict-basics", tool: "Tulostin",
            answers: [
                DemoBoardAnswer(text: """
                    Meillä on Seuraa minua -tulostus: tuloste vapautetaan näyttämällä kulkukortti laitteen lukijaan
                    ja valitsemalla työ listalta. Jos korttia ei ole vielä liitetty tunnukseesi, laite kysyy ensimmäisellä kerralla
                    käyttäjätunnuksen ja salasanan.
                    """, solves: true),
                DemoBoardAnswer(text: "Juuri näin, kortti piti vain liittää. Kiitos!"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Kokous puuttuu kalenterista, vaikka hyväksyin kutsun puhelimella",
            body: """
                Hyväksyin kokouskutsun puhelimen sähköpostissa, mutta kokous ei näy Outlookin kalenterissa koneella.
                Nyt en tiedä, olenko menossa vai en 😅
                """,
            area: "digital-work", tool: "Outlook",
            answers: [
                DemoBoardAnswer(text: """
                    Onko puhelimessa Outlook-sovellus vai puhelimen oma sähköposti? Puhelimen omassa sovelluksessa hyväksyntä
                    ei aina päivity kalenteriin. Asenna Outlook-sovellus ja hyväksy kutsu uudelleen, niin se synkronoituu.
                    """, solves: true),
                DemoBoardAnswer(text: "Outlook-sovelluksella toimi. Puhelimen oma posti oli se ongelma."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Miten varaan kokoushuoneen Outlookin kautta?",
            body: """
                Ennen varattiin paperikalenterista toimiston ovelta. Nyt pitäisi kuulemma varata Outlookissa, mutta miten?
                """,
            area: "digital-work", tool: "Outlook", sector: "Hallinto",
            answers: [
                DemoBoardAnswer(text: """
                    Tee tavallinen kokouskutsu ja valitse huone **Sijainti**-kentästä tai **Huonehaku**-painikkeesta.
                    Huone on kuin osallistuja, ja se hyväksyy kutsun automaattisesti, jos aika on vapaa.
                    Jos tarvitset huoneen vain itsellesi, lähetä kutsu pelkälle huoneelle.
                    """, byTutor: true),
                DemoBoardAnswer(text: "Kätevää, ei tarvitse enää kävellä toiseen kerrokseen katsomaan."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Saako tekoälyllä kirjoittaa asiakaskirjeen luonnoksen?",
            body: """
                Pitäisi kirjoittaa selkokielinen kirje asiakkaille palvelun muutoksesta. Voinko käyttää Copilotia?
                Kirjeessä ei ole kenenkään nimiä.
                """,
            area: "ethics", tool: "Copilot", sector: "Sosiaali",
            answers: [
                DemoBoardAnswer(text: """
                    Voit, tämä on juuri sellaista käyttöä, jota tekoälyohje suosittelee. Kirjaudu Copilotiin työtunnuksilla
                    (silloin keskustelut pysyvät organisaation suojauksen piirissä), älä liitä henkilötietoja ja tarkista lopputulos itse.
                    Selkokielisen tekstin voi vielä antaa työkaverin luettavaksi.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: """
                    Kokeilin samaa ja pyysin ”kirjoita selkokielellä, lyhyet lauseet”. Tuli ihan hyvä pohja,
                    mutta korjasin yhden väärän päivämäärän.
                    """),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Tekoäly tuntisuunnittelussa – miten te käytätte?",
            body: """
                Olen kokeillut tekoälyä tehtävien ideointiin seiskaluokkalaisille. Toimii yllättävän hyvin,
                mutta mietin, saako sitä käyttää ja miten oppilaiden kanssa pitäisi puhua tästä. Kokemuksia?
                """,
            area: "ethics", tool: "Copilot", sector: "Perusopetus",
            answers: [
                DemoBoardAnswer(text: "Käytän tehtävien eriyttämiseen. En koskaan laita oppilaiden nimiä tai arviointeja."),
                DemoBoardAnswer(text: """
                    Organisaation tekoälyohjeen mukaan käytetään ensisijaisesti Copilotia työtunnuksilla.
                    Oppilaiden kanssa kannattaa puhua avoimesti siitä, milloin tekoäly on apuväline ja milloin se tekee työn puolesta.
                    Opetushallituksella on aiheesta materiaalia.
                    """, byTutor: true),
                DemoBoardAnswer(text: "Meillä yläkoululla aiheesta on tulossa VESO-koulutus keväällä."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Sijainen ei pääse muokkaamaan luokan Pedanet-sivua",
            body: """
                Olen sairauslomalla ja sijainen yrittää päivittää luokan viikkotiedotteen Pedanetiin, mutta ei näe muokkausnappia.
                Kuka voi antaa oikeudet?
                """,
            area: "digital-work", tool: "Pedanet", sector: "Perusopetus"),

        DemoBoardThread(
            kind: "question",
            title: "Asiakas pyytää kirjautumaan pankkitunnuksillaan puolestaan",
            body: """
                Kirjaston asiakaspalvelussa iäkäs asiakas antoi minulle pankkitunnuksensa ja pyysi hakemaan Kelan etuutta.
                Kieltäydyin, mutta hän pahastui. Miten te toimitte näissä?
                """,
            area: "client-guidance", sector: "Kulttuuri",
            answers: [
                DemoBoardAnswer(text: """
                    Toimit ihan oikein. Vahvaa tunnistautumista ei tehdä toisen puolesta koskaan, ja se on asiakkaan omaksikin turvaksi.
                    Voit sanoa esimerkiksi: ”En saa käyttää sinun tunnuksiasi, mutta neuvon vierestä koko ajan.”

                    Jos asiakas ei pysty asioimaan itse, ohjaa Suomi.fi-valtuuksiin tai Kelan palvelunumeroon.
                    Kirjastolla on myös tiistaisin laitehelppitunti.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: """
                    Tuttu tilanne. Meillä auttoi, kun tulostettiin pieni lappu ”Miksi en voi kirjautua puolestasi”,
                    jota voi näyttää asiakkaalle.
                    """),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Miten ohjaan asukasta tekemään Suomi.fi-valtuutuksen puolisolle?",
            body: """
                Sosiaalitoimistoon tuli pariskunta, jossa mies hoitaa kaikki paperiasiat, ja vaimo haluaisi antaa hänelle oikeuden
                hoitaa myös omat asiansa verkossa. Miten neuvon tässä?
                """,
            area: "client-guidance", tool: "Suomi.fi", sector: "Sosiaali",
            answers: [
                DemoBoardAnswer(text: """
                    Vaimo kirjautuu omilla tunnuksillaan Suomi.fi:hin, valitsee **Valtuudet** ja antaa valtuuden miehelleen.
                    Valtuuden voi rajata asioittain ja antaa määräajaksi. Ohjeet: [Suomi.fi-valtuudet](https://www.suomi.fi/valtuudet).
                    Jos vaimolla ei ole pankkitunnuksia, valtuutusta haetaan Digi- ja väestötietovirastosta.
                    """, solves: true),
                DemoBoardAnswer(text: "Katsokaa myös yhdessä, mitä asioita valtuus kattaa. Kaikki palvelut eivät tue valtuuksia.", byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Pitääkö saavutettavuusseloste päivittää, jos sivuille tulee uusi lomake?",
            body: """
                Olemme lisäämässä liikuntapaikkojen vuorovarauslomakkeen verkkosivuille. Pitääkö saavutettavuusselosteeseen tehdä jotain?
                """,
            area: "digital-solutions", sector: "Hallinto",
            answers: [
                DemoBoardAnswer(text: """
                    Seloste pitää tarkistaa aina, kun sivustolle tulee merkittäviä muutoksia, ja muutenkin säännöllisesti.
                    Testaa lomake ensin: toimiiko se pelkällä näppäimistöllä, onko kentillä selkeät nimet ja ovatko virheilmoitukset
                    ymmärrettäviä. Jos jotain ei saada korjattua, puute kirjataan selosteeseen.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Kiitos, testattiin ja yksi pudotusvalikko ei toiminut näppäimistöllä. Toimittaja korjaa."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Kuka tietää keittiön tabletin PIN-koodin?",
            body: "Olen sijaisena keittiöllä tämän viikon ja tabletti on lukossa. En kehtaa kysyä joka aamu uudestaan.",
            area: "ict-basics", tool: "Tabletti", sector: "Ruoka", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    Koodia ei kannata kirjoittaa tänne, koska palsta näkyy kaikille. Vuoron vastaava kertoo koodin,
                    ja sijaisille se on myös perehdytyslistassa. Kysy rohkeasti, sitä varten lista on!
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Me ollaan kans mietitty, että sijaisille pitäis olla oma lyhyt perehdytyslappu tabletista."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Vikailmoitukset ohjautuvat väärälle kiinteistönhoitajalle",
            body: """
                Uuden vikailmoituslomakkeen käyttöönoton jälkeen Koivulan koulun ilmoitukset tulevat minulle,
                vaikka koulu kuuluu toiselle alueelle. Miten tämä korjataan?
                """,
            area: "digital-solutions", sector: "Tekniset",
            answers: [
                DemoBoardAnswer(text: "Sama ongelma meillä Kirkonkylän alueella. Ilmeisesti rakennusten aluejako on järjestelmässä vanha."),
                DemoBoardAnswer(text: "Onko tästä tehty ilmoitus järjestelmän pääkäyttäjälle?"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Sähköinen avainhallinta: miten kuittaan avaimen palautetuksi?",
            body: """
                Urakoitsija palautti yleisavaimen, mutta järjestelmässä se näkyy edelleen hänellä lainassa.
                Pitääkö palautus kuitata jotenkin erikseen?
                """,
            area: "digital-solutions", tool: "Avainhallinta", sector: "Tekniset",
            answers: [
                DemoBoardAnswer(text: """
                    Pitää. Palautus tehdään avainkaapin lukijalla tai järjestelmässä kohdassa **Lainaukset → Palauta**.
                    Jos avain on vain jätetty pöydälle, järjestelmä luulee sen olevan yhä lainassa.
                    Tarkista samalla, että avain on oikeassa lokerossa.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Kiitti, löytyi."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Taustan sumennusta ei löydy Teamsista",
            body: "Kollegoilla on taustan sumennus, mutta mulla ei ole sitä vaihtoehtoa ollenkaan. Käytän Teamsia selaimessa taukotilan koneella.",
            area: "digital-work", tool: "Teams",
            answers: [
                DemoBoardAnswer(text: """
                    Selainversiossa taustaefektit toimivat vain osassa selaimia. Kokeile Edgellä tai Chromella,
                    tai käytä työpuhelimen Teams-sovellusta, jossa sumennus löytyy kohdasta **… → Taustaefektit**.
                    """, solves: true),
                DemoBoardAnswer(text: "Edgellä löytyi!"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Saako työsähköpostin laittaa omaan puhelimeen?",
            body: "Mulla ei ole työpuhelinta. Olisi kätevä lukea työsähköpostia omalla puhelimella, mutta en tiedä saako.",
            area: "information-security", tool: "Outlook", anonymous: true),

        DemoBoardThread(
            kind: "question",
            title: "Miksi salasanaa ei enää tarvitse vaihtaa kolmen kuukauden välein?",
            body: "Ennen salasana piti vaihtaa neljä kertaa vuodessa. Nyt kuulin, ettei tarvitse. Onko tämä turvallista?",
            area: "information-security",
            answers: [
                DemoBoardAnswer(text: """
                    Nykysuositus on pitkä salasana ja monivaiheinen tunnistautuminen. Tiheät pakotetut vaihdot johtavat siihen,
                    että ihmiset keksivät arvattavia salasanoja (Kevät2024!, Kesä2024!…). Salasana vaihdetaan heti,
                    jos on epäilys, että se on päätynyt vääriin käsiin.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Hyvä tietää! Mulla oli juuri tuo vuodenaikasysteemi 🙈"),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Voiko Teams-kokouksen chattiin laittaa asiakkaan nimen?",
            body: """
                Moniammatillisessa palaverissa joku kirjoitti chattiin asiakkaan nimen ja syntymäajan, jotta muut löytävät tiedot.
                Onko se ok? Chattiin pääsee käsiksi vielä kokouksen jälkeenkin.
                """,
            area: "information-security", tool: "Teams", sector: "Sosiaali",
            answers: [
                DemoBoardAnswer(text: """
                    Ei ole ok. Kokouksen chat jää talteen kaikille osallistujille, myös niille, joilla ei ole oikeutta asiakkaan tietoihin.
                    Asiakastiedot käsitellään asiakastietojärjestelmässä. Palaverissa voi viitata vaikka asiakkuuden numeroon
                    tai sopia asiasta suullisesti.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Hyvä muistutus. Poistin oman viestini chatista."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Skannaus sähköpostiin ei toimi keittiön monitoimilaitteella",
            body: "Yritän skannata toimituslähetteet omaan sähköpostiin, mutta mitään ei tule perille. Roskapostissakaan ei ole.",
            area: "ict-basics", tool: "Tulostin", sector: "Ruoka"),
    ]

    /// About 12 Swedish ones for Solvik.
    static let swedish: [DemoBoardThread] = [
        DemoBoardThread(
            kind: "tip",
            title: "Byt lösenord så här – och välj en lång mening",
            body: """
                Lösenordet byter du enklast på datorn: tryck **Ctrl + Alt + Delete** och välj **Byt lösenord**.

                - Använd en lång mening, minst 15 tecken, till exempel fyra ord med bindestreck.
                - Använd inte samma lösenord i jobbet och privat.
                - Skriv inte upp lösenordet på en lapp vid skärmen.

                Kom ihåg att uppdatera det nya lösenordet i telefonens e-post om du läser jobbmejlen där.
                """,
            area: "information-security"),

        DemoBoardThread(
            kind: "question",
            title: "Hur ansluter jag till ett Teams-möte från telefonen?",
            body: """
                Jag jobbar på daghemmet och hinner sällan till datorn. Nästa vecka har vi ett Teams-möte för hela enheten.
                Går det att delta med arbetstelefonen?
                """,
            area: "digital-work", tool: "Teams", sector: "Småbarnspedagogik",
            answers: [
                DemoBoardAnswer(text: """
                    Ja! Installera Teams från företagsportalen och logga in med dina jobbkoder. Öppna **Kalender** längst ner,
                    tryck på mötet och välj **Anslut**. Om appen krånglar finns ett telefonnummer och ett konferens-ID i kallelsen,
                    då kan du ringa in som ett vanligt samtal.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Tack, det fungerade fint!"),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Känn igen bluffmeddelanden – fem varningstecken",
            body: """
                1. **Brådska eller hot**: ”ditt konto stängs i dag”.
                2. **Avsändarens adress** stämmer inte med namnet.
                3. **Länken** leder någon annanstans än den påstår.
                4. Någon ber om **lösenord, koder eller bankuppgifter**. IT-stödet frågar aldrig efter ditt lösenord.
                5. En **oväntad bilaga**, till exempel en faktura.

                Rapportera misstänkta mejl med knappen **Rapportera** i Outlook och radera sedan meddelandet.
                Om någon som ser ut att vara din chef plötsligt ber dig köpa presentkort är det ett så kallat VD-bedrägeri.
                Ring personen och kontrollera.
                """,
            area: "information-security", tool: "Outlook",
            answers: [
                DemoBoardAnswer(text: "Bra lista! Jag satte upp den i personalrummet."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Ny telefon – Authenticator ger inga aviseringar",
            body: """
                Jag fick en ny arbetstelefon och lämnade tillbaka den gamla. Nu kommer det inga aviseringar i Authenticator
                när jag loggar in på datorn. Vad ska jag göra?
                """,
            area: "information-security", tool: "Authenticator",
            answers: [
                DemoBoardAnswer(text: """
                    Eftersom den gamla telefonen redan är borta behöver IT-stödet nollställa din flerstegsautentisering.
                    Ring dem, sedan kan du skanna en ny QR-kod med den nya telefonen. Nästa gång: lägg till den nya telefonen
                    innan du lämnar ifrån dig den gamla.
                    """, solves: true, byTutor: true),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Semesteransökan syns inte för min chef",
            body: """
                Jag gjorde en semesteransökan i HR-systemet för två veckor sedan, men min chef säger att hon inte har fått något.
                Status är ”Utkast”.
                """,
            area: "ict-basics", tool: "HR-systemet",
            answers: [
                DemoBoardAnswer(text: """
                    Utkast betyder att ansökan är sparad men inte skickad. Öppna den och tryck på **Skicka för godkännande**
                    längst ner. I mobilen måste man skrolla ända ner.
                    """, solves: true),
                DemoBoardAnswer(text: "Samma sak hände mig förra året 🙂"),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Dela filer i OneDrive bara med vissa personer",
            body: """
                När du delar en fil i OneDrive, kontrollera länkinställningarna innan du skickar:

                1. Välj filen och **Dela**.
                2. Öppna länkinställningarna och välj **Specifika personer**.
                3. Skriv in mottagarnas namn och ta vid behov bort redigeringsrätten.

                Filer med personuppgifter delas aldrig med en öppen länk. Du kan ta bort en delning under **Hantera åtkomst**.
                """,
            area: "information-security", tool: "OneDrive"),

        DemoBoardThread(
            kind: "question",
            title: "Det här är säkert en dum fråga, men var ser jag mina arbetsturer?",
            body: """
                Jag har jobbat i städservicen sedan i höstas och har alltid fått turlistan på papper.
                Nu säger alla att man ska kolla i telefonen.
                """,
            area: "ict-basics", tool: "HR-systemet", sector: "Kost", anonymous: true,
            answers: [
                DemoBoardAnswer(text: """
                    Inte alls dum! Öppna HR-systemets mobilapp och välj **Arbetsturer**. Där ser du de godkända turerna
                    för de kommande veckorna. Om du inte har appen kan vi installera den tillsammans – jag finns i köket på tisdagar.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Tips: lägg appen på hemskärmen, då hittar man den snabbt."),
            ]),

        DemoBoardThread(
            kind: "question",
            title: "Får jag använda AI för att skriva ett utkast till informationsbrev?",
            body: """
                Vi ska skicka ett brev till vårdnadshavarna om daghemmets nya öppettider. Får jag ta hjälp av Copilot?
                Det finns inga namn i brevet.
                """,
            area: "ethics", tool: "Copilot", sector: "Småbarnspedagogik",
            answers: [
                DemoBoardAnswer(text: "Jag har gjort det med en inbjudan till föräldramöte. Bra grund, men jag skrev om en hel del."),
                DemoBoardAnswer(text: """
                    Enligt kommunens AI-riktlinje går det bra om du loggar in med jobbkontot och inte matar in personuppgifter.
                    Granska alltid texten själv innan den skickas.
                    """, byTutor: true),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Observationer med surfplattan i småbarnspedagogiken",
            body: """
                Ett tips från vårt daghem: vi antecknar korta observationer direkt i appen på surfplattan under vilan
                i stället för på lappar.

                - Ta bilder bara med appens egen kamera, så hamnar de inte i plattans bildgalleri.
                - Töm bildgalleriet varje fredag.
                - Skicka aldrig bilder på barn via WhatsApp.
                """,
            area: "information-security", tool: "Surfplatta", sector: "Småbarnspedagogik"),

        DemoBoardThread(
            kind: "question",
            title: "Skrivaren i skolköket skriver inte ut menyerna",
            body: "Skrivaren säger att jobbet väntar, men ingenting kommer ut. Har någon haft samma problem?",
            area: "ict-basics", tool: "Skrivare", sector: "Kost"),

        DemoBoardThread(
            kind: "tip",
            title: "Hjälp invånare med e-tjänster – men logga aldrig in åt dem",
            body: """
                På biblioteket har vi enhetshjälp för invånare på tisdagar kl. 13–15. Några regler vi följer:

                - Vi använder aldrig invånarens bankkoder eller mobilcertifikat.
                - Invånaren håller själv i telefonen, vi visar och förklarar.
                - Behöver någon sköta en anhörigs ärenden hänvisar vi till Suomi.fi-fullmakter på [Suomi.fi](https://www.suomi.fi).

                En bra fras: ”Jag berättar vad du ska trycka på, och du trycker.”
                """,
            area: "client-guidance", tool: "Suomi.fi", sector: "Kultur"),

        DemoBoardThread(
            kind: "question",
            title: "Vem ser inspelningen av vårt Teams-möte?",
            body: """
                Vi spelar in personalinfon varje månad för dem som jobbar i skift.
                Vem kan se inspelningen efteråt, och hur länge finns den kvar?
                """,
            area: "digital-work", tool: "Teams", sector: "Social",
            answers: [
                DemoBoardAnswer(text: """
                    Inspelningen syns i mötets chatt för alla som var inbjudna. Om mötet hölls i en kanal sparas den bland kanalens filer
                    och syns för teamets medlemmar. Inspelningar har ett utgångsdatum, hos oss 120 dagar,
                    men du kan ändra det under inspelningens **Information**.
                    """, solves: true, byTutor: true),
                DemoBoardAnswer(text: "Kom ihåg att berätta för deltagarna innan du börjar spela in!"),
            ]),

        DemoBoardThread(
            kind: "tip",
            title: "Tillgänglighet: skriv alternativ text till bilder",
            body: """
                När du lägger in en bild i ett meddelande, på webbplatsen eller i ett Teams-inlägg ser den som använder skärmläsare
                ingenting utan **alternativ text**.

                - I Word och PowerPoint: högerklicka på bilden → **Visa alternativ text**.
                - Berätta kort vad bilden visar och varför den finns där.
                - Rena dekorationsbilder markeras som dekorativa.
                """,
            area: "digital-solutions", tool: "Word", sector: "Förvaltning"),
    ]

    /// About 20 Finnish practices.
    static let practices: [DemoBoardPractice] = [
        DemoBoardPractice(
            title: "Digivinkkijulisteet kahvihuoneisiin QR-koodeilla",
            body: """
                Teemme kerran kuukaudessa vaihtuvan A4-julisteen, jossa on yksi digivinkki (esimerkiksi Teamsin taustan sumennus
                tai huijausviestin tunnistaminen) ja QR-koodi, josta pääsee lyhyeen ohjeeseen tai videoon intrassa.
                Julisteet ovat kahvihuoneissa, keittiöissä ja varikolla eli siellä, missä ihmiset eivät istu koneella.
                Kahvikupin ääressä vinkki tulee luettua, ja QR-koodilla ohjeen saa omaan puhelimeen.
                """,
            how: """
                1. Digitutorit valitsevat kuukauden aiheen Digivinkit-palstan yleisimmistä kysymyksistä.
                2. Juliste tehdään valmiiseen pohjaan, tekstiä enintään viisi riviä.
                3. QR-koodi ohjaa intran ohjeeseen, ei suoraan tiedostoon.
                4. Yksiköiden yhteyshenkilöt tulostavat ja vaihtavat julisteet kuun ensimmäisenä maanantaina.
                """,
            tools: "Word-pohja, QR-koodigeneraattori, intra, tulostin",
            time: "Suunnittelu 2 viikkoa, sen jälkeen noin 2 tuntia kuukaudessa",
            area: "ict-basics",
            adoptions: [
                "Otimme käyttöön varikolla syksyllä. Huijausviestijuliste herätti paljon keskustelua, hyvä!",
                "",
                "Opettajainhuoneessa julisteet hukkuivat muiden ilmoitusten alle. Siirsimme ne kahvinkeittimen viereen, nyt luetaan.",
                "Käytössä kolmessa päiväkodissa.",
                "",
            ]),

        DemoBoardPractice(
            title: "Päiväunidigit – digituokio päiväkodin lepohetkellä",
            body: """
                Varhaiskasvatuksessa työntekijöillä on harvoin aikaa koneen ääressä. Sovimme, että kerran viikossa lepohetken aikana
                on 20 minuutin Päiväunidigit: digitutori näyttää tabletilla yhden asian, esimerkiksi havaintojen kirjaamisen,
                lomahakemuksen tai Teams-kokoukseen liittymisen. Mukana ovat ne, jotka eivät ole valvomassa lepoa.
                """,
            how: """
                - Aiheet kerätään tiimipalaverissa post-it-lapuilla.
                - Sama aihe pidetään kahtena viikkona peräkkäin, jotta kaikki ehtivät.
                - Tuokion lopuksi jokainen kokeilee itse omilla tunnuksillaan.
                - Ohje jää tabletille pikakuvakkeeksi.
                """,
            tools: "Tabletti, Teams, HR-järjestelmä",
            time: "Kokeilu 3 kuukautta, 20 minuuttia viikossa",
            area: "digital-work", tool: "Tabletti", sector: "Varhaiskasvatus",
            adoptions: [
                "Otimme käyttöön syksyllä, toimii hyvin. Suosituin aihe oli lomahakemus.",
                "",
                "Meillä lepohetki on niin lyhyt, että teimme 10 minuutin version. Sekin riittää yhteen asiaan.",
                "",
                "Aloitettiin keväällä kahdessa ryhmässä, syksyllä mukana koko talo.",
                "Toimii! Vetäjä vaihtuu kuukausittain, niin kuormitus jakautuu.",
            ]),

        DemoBoardPractice(
            title: "Tabletit keittiöön: reseptit ja allergiatiedot yhdestä paikasta",
            body: """
                Keskuskeittiöön ja kolmeen jakelukeittiöön hankittiin suojakoteloidut tabletit. Niillä näkyvät ruokalista,
                vakioreseptit ja erityisruokavaliolista, joka päivittyy OneDrivesta. Ennen paperilistoja oli useita versioita,
                eikä sijainen voinut tietää, mikä on uusin. Nyt tabletilta tarkistetaan myös työvuorot ja sähköposti.
                """,
            how: """
                1. Valittiin kotelo, joka kestää kosteutta ja pyyhkimistä.
                2. Erityisruokavaliolista siirrettiin OneDriveen, yksi vastuuhenkilö päivittää.
                3. Tabletin aloitusnäytölle pikakuvakkeet: ruokalista, reseptit, allergiat, työvuorot.
                4. Kaikille 15 minuutin opastus vuoron alussa.
                """,
            tools: "Tabletti ja suojakotelo, OneDrive, ruokapalveluiden tuotannonohjausjärjestelmä",
            time: "6 viikkoa, noin 20 tuntia työtä",
            area: "digital-work", tool: "Tabletti", sector: "Ruoka",
            adoptions: [
                "Otimme käyttöön koulun keittiössä. Allergialistan päivittäminen yhteen paikkaan oli iso helpotus.",
                "",
                "Kotelo kannattaa valita huolella, meidän ensimmäinen halkesi kuukaudessa.",
            ]),

        DemoBoardPractice(
            title: "Digitutorivuoro kotihoidossa",
            body: """
                Kotihoidon tiimeissä on nyt joka arkipäivä nimetty digitutori, joka on aamun raportin jälkeen puoli tuntia
                tavoitettavissa puhelimitse ja toimistolla. Kysymykset koskevat useimmiten mobiilikirjausta, työpuhelimen päivityksiä
                ja salasanan vaihtoa. Kysymykset eivät enää kasaannu esihenkilölle, ja uudet työntekijät saavat apua nopeasti.
                """,
            how: """
                - Neljä digitutoria jakaa vuorot, ja vuoro merkitään työvuorolistaan.
                - Päivän tutor näkyy toimiston seinällä ja Teams-kanavalla.
                - Tutor kirjaa lyhyesti, mitä kysyttiin. Yleisimmistä tehdään vinkki Digivinkit-palstalle.
                """,
            tools: "Työpuhelin, Teams, mobiilikirjaus",
            time: "Käynnistys kuukausi, 30 minuuttia päivässä tutorin työaikaa",
            area: "digital-work", tool: "Työpuhelin", sector: "Sosiaali",
            adoptions: [
                "Kokeilimme palveluasumisessa. Iltavuoroon tarvittiin oma tutor, koska silloin muuta tukea ei ole.",
                "",
            ]),

        DemoBoardPractice(
            title: "Teams-kanava sijaisille",
            body: """
                Koulullamme on Teams-tiimi, johon lisätään kaikki lyhyt- ja pitkäaikaiset sijaiset heti ensimmäisenä päivänä.
                Sieltä löytyvät päivän työjärjestys, luokkien tärkeimmät käytännöt ilman oppilaiden henkilötietoja,
                välituntivalvontavuorot ja yhteystiedot. Sijaiset voivat kysyä kanavalla matalalla kynnyksellä.
                """,
            how: """
                1. Perustettiin tiimi ”Sijaiset” ja kanavat Yleinen, Työjärjestykset ja Kysy.
                2. Koulusihteeri lisää sijaisen tiimiin tunnusten luonnin yhteydessä.
                3. Luokanopettajat päivittävät lyhyen ohjeen luokastaan kerran lukukaudessa.
                4. Sijainen poistetaan tiimistä, kun sijaisuus päättyy.
                """,
            tools: "Teams, kanavan tiedostot",
            time: "Perustaminen yksi päivä, ylläpito noin tunti kuukaudessa",
            area: "digital-work", tool: "Teams", sector: "Perusopetus",
            adoptions: [
                "Otimme käyttöön yläkoulussa. Sijaiset kiittelevät, ennen ohjeet olivat opettajainhuoneen mapissa.",
                "",
                "Toimii myös päiväkodissa. Lisäsimme kanavan myös varahenkilöille.",
                "",
            ]),

        DemoBoardPractice(
            title: "Sähköinen avainhallinta kiinteistöpalveluissa",
            body: """
                Korvasimme paperisen avainkirjan sähköisellä avainkaapilla ja avainhallintajärjestelmällä. Jokainen lainaus ja palautus
                kirjautuu kulkukortilla, ja järjestelmästä näkee heti, kenellä yleisavain on. Urakoitsijoiden avaimet palautuvat nyt
                ajallaan, kun järjestelmä lähettää muistutuksen.
                """,
            how: """
                1. Kaikki avaimet inventoitiin ja merkittiin tunnisteella.
                2. Avainkaappi asennettiin kiinteistöpalveluiden toimistolle.
                3. Kiinteistönhoitajat saivat tunnin koulutuksen.
                4. Paperinen avainkirja pidettiin rinnalla kolme kuukautta.
                """,
            tools: "Sähköinen avainkaappi, avainhallintajärjestelmä, kulkukortti",
            time: "4 kuukautta, noin 60 tuntia työtä",
            area: "digital-solutions", tool: "Avainhallinta", sector: "Tekniset",
            adoptions: [
                "Vesihuollossa otettiin käyttöön samanlainen. Inventointi vei odotettua kauemmin, mutta avaimia ei enää katoa.",
            ]),

        DemoBoardPractice(
            title: "Paperiton perehdytyskansio ja digistartti",
            body: """
                Uuden työntekijän perehdytyskansio oli ennen 40-sivuinen paperinippu. Nyt perehdytysmateriaali on Teamsin
                perehdytyskanavalla, ja ensimmäisenä päivänä tehdään digistartti: tunnukset, salasanan vaihto, monivaiheinen
                tunnistautuminen, työpuhelin ja HR-järjestelmä kuntoon. Perehdyttäjä kuittaa tarkistuslistan kohdat tehdyiksi.
                """,
            how: """
                - Kansion sisältö käytiin läpi ja vanhentuneet ohjeet poistettiin.
                - Ohjeet linkitettiin intraan, niitä ei kopioitu.
                - Digistartin tarkistuslista tehtiin yhdessä IT-tuen kanssa.
                - Ensimmäisen viikon lopuksi uusi työntekijä antaa palautetta lyhyellä lomakkeella.
                """,
            tools: "Teams, intra, sähköinen lomake",
            time: "3 kuukautta, noin 25 tuntia työtä",
            area: "ict-basics", sector: "Hallinto",
            adoptions: [
                "Otimme digistartin käyttöön teknisissä palveluissa. Puhelimen käyttöönotto yhdessä säästi monta soittoa IT:lle.",
                "",
                "Hyvä malli. Kesätyöntekijöille teimme lyhyemmän version.",
            ]),

        DemoBoardPractice(
            title: "Digikahvit – vertaisoppimista kahvikupin ääressä",
            body: """
                Kerran kuussa perjantaina klo 9–9.30 pidämme digikahvit, joissa joku työkavereista näyttää yhden itselleen
                hyödyllisen asian: Outlookin kalenterin jakamisen, OneDriven versiohistorian tai Excelin suodatuksen.
                Ei esityksiä, vaan näytetään omalta koneelta. Kahvin ja pullan tarjoaa työpaikka. Osallistuminen on vapaaehtoista,
                ja mukana on ollut keskimäärin 12 henkeä.
                """,
            how: """
                1. Aiheet kerätään kahvihuoneen seinälle ja Teamsiin.
                2. Vetäjä vaihtuu joka kerta, digitutori auttaa tarvittaessa.
                3. Mukaan pääsee paikan päällä tai Teamsissa.
                4. Päivän vinkki kirjoitetaan lopuksi Digivinkit-palstalle.
                """,
            tools: "Teams, näyttö, kahvinkeitin",
            time: "Noin tunti valmistelua kerralla",
            area: "digital-work",
            adoptions: [
                "Otettiin käyttöön kirjastolla, toimii!",
                "",
                "Aamuvuorolaiset eivät päässeet perjantaiaamuisin, joten siirsimme kahvit iltapäivään. Nyt parempi.",
                "Terveysasemalla 15 minuutin versio ennen aamupalaveria.",
                "",
                "Kahvit vetävät 😄 Osallistujia on enemmän kuin koulutuksissa.",
            ]),

        DemoBoardPractice(
            title: "Yhteinen kansiorakenne tiimin tiedostoille",
            body: """
                Hallinnon tiimin tiedostot olivat kunkin omassa OneDrivessa, sähköpostin liitteinä ja verkkolevyllä.
                Sovimme yhteisen kansiorakenteen Teams-tiimin tiedostoihin ja nimeämiskäytännön (vuosi-kuukausi-aihe).
                Nyt tiedosto löytyy, vaikka tekijä olisi lomalla.
                """,
            how: """
                1. Kartoitettiin, mitä tiedostoja tiimillä on ja kuka niitä tarvitsee.
                2. Sovittiin enintään kolme kansiotasoa.
                3. Jokainen siirsi omat tiedostonsa sovitulla viikolla.
                4. Vanha verkkolevy muutettiin vain luku -tilaan.
                """,
            tools: "Teams, OneDrive, SharePoint",
            time: "2 kuukautta, noin 10 tuntia työtä",
            area: "digital-work", tool: "OneDrive", sector: "Hallinto",
            adoptions: [
                "Teimme saman talouspalveluissa. Nimeämiskäytäntö oli se, mikä todella auttoi.",
                "",
            ]),

        DemoBoardPractice(
            title: "Laitehelppitunti asukkaille kirjastossa",
            body: """
                Pääkirjastolla on joka tiistai klo 13–15 laitehelppi, johon asukkaat voivat tuoda oman puhelimen tai tabletin
                ja kysyä apua. Yleisimpiä aiheita ovat Suomi.fi, sähköposti, kuvien siirtäminen ja huijausviestit.
                Auttajina ovat kirjaston henkilökunta ja vapaaehtoiset. Emme koskaan käytä asukkaan tunnuksia, vaan neuvomme vierestä.
                """,
            how: """
                - Henkilökunta kävi digiopastajan koulutuksen.
                - Aikaa ei tarvitse varata, jonossa on vuoronumerot.
                - Jokaisesta käynnistä kirjataan tilastoa varten vain aihe.
                - Yleisimmistä kysymyksistä tehtiin tulostettavat ohjeet.
                """,
            tools: "Kirjaston tabletit, latauskaapelit, tulostetut ohjeet",
            time: "Käynnistys kuukausi, 2 tuntia viikossa",
            area: "client-guidance", sector: "Kulttuuri",
            adoptions: [
                "Aloitimme saman lähikirjastossa kerran kuussa. Kävijöitä on 5–8 kerralla.",
                "",
                "Teemme tätä yhdessä palvelukeskuksen kanssa, toimii hyvin.",
            ]),

        DemoBoardPractice(
            title: "Digiturvavartti viikkopalaverissa",
            body: """
                Viikkopalaverin alussa käydään vartissa läpi yksi tietoturva-asia: huijausviestin tunnistaminen, salasanan vaihto,
                näytön lukitseminen tai tulosteiden unohtuminen tulostimelle. Materiaalina on valmis lyhyt diasarja,
                jonka digitutori tai esihenkilö voi vetää ilman valmistelua.
                """,
            how: """
                1. IT ja digitutorit tekivät 12 lyhyen diasarjan paketin.
                2. Esihenkilöt lisäsivät vartin palaverin asialistan alkuun.
                3. Jokaisen aiheen lopussa on yksi kysymys, jota pohditaan yhdessä.
                4. Uudet aiheet nousevat IT:lle ilmoitetuista huijausviesteistä.
                """,
            tools: "Teams, PowerPoint, intra",
            time: "Materiaalin teko kuukausi, sen jälkeen 15 minuuttia viikossa",
            area: "information-security",
            adoptions: [
                "Otimme käyttöön koko sivistystoimessa. Toimitusjohtajahuijaus-vartin jälkeen meille ilmoitettiin kaksi oikeaa yritystä!",
                "",
                "Keittiöillä pidämme vartin kerran kuussa aamupalaverissa.",
                "",
                "Toimii. Diasarjat voisi päivittää kerran vuodessa.",
            ]),

        DemoBoardPractice(
            title: "Huijausviestiharjoitus yhdessä IT:n kanssa",
            body: """
                Lähetimme hallinnon henkilöstölle harjoitusviestin, joka muistutti tyypillistä huijausviestiä (”Salasanasi vanhenee,
                kirjaudu tästä”). Linkkiä klikanneet ohjattiin sivulle, jossa kerrottiin, mistä viestin olisi voinut tunnistaa.
                Tuloksia ei käsitelty henkilöittäin, vaan niistä kerrottiin koko henkilöstölle yhteisesti.
                """,
            how: """
                - Harjoituksesta sovittiin etukäteen johtoryhmässä ja henkilöstön edustajien kanssa.
                - Ensimmäisellä kierroksella linkkiä klikkasi 18 %, toisella 7 %.
                - Raportoi-painikkeen käyttö kolminkertaistui.
                """,
            tools: "Outlook, IT:n harjoitustyökalu, intra",
            time: "2 kuukautta, noin 15 tuntia työtä",
            area: "information-security", tool: "Outlook", sector: "Hallinto"),

        DemoBoardPractice(
            title: "Puhtauspalveluiden mobiiliaamut: työvuorot ja lomahakemukset puhelimeen",
            body: """
                Siivoojat eivät käytä työssään tietokonetta, joten lomahakemukset ja työvuorojen tarkistus kulkivat ennen paperilla
                tai työnjohtajan kautta. Järjestimme kolmena aamuna vuoron alussa 20 minuutin opastuksen, jossa jokainen otti käyttöön
                HR-järjestelmän mobiilisovelluksen ja teki harjoituslomahakemuksen. Nyt lähes kaikki hoitavat lomansa itse.
                """,
            how: """
                1. Työnjohtaja ja digitutori kävivät kohteissa aamuvuoron alussa.
                2. Apuna oli kuvallinen ohje suomeksi ja selkokielellä.
                3. Niille, joilla ei ole työpuhelinta, näytettiin selainversio yksikön tabletilla.
                4. Kuukauden päästä pidettiin kysymysaamu.
                """,
            tools: "Työpuhelin, HR-järjestelmän mobiilisovellus, kuvallinen ohje",
            time: "Kuukausi, noin 12 tuntia työtä",
            area: "ict-basics", tool: "HR-järjestelmä", sector: "Ruoka",
            adoptions: [
                "Kouluruokailussa sama malli. Teimme ohjeesta myös englanninkielisen version.",
                "",
            ]),

        DemoBoardPractice(
            title: "Kirjaamisen fraasipankki kotihoitoon",
            body: """
                Kokosimme tiimin kanssa 30 usein toistuvan kirjauksen fraasipankin mobiilikirjaukseen. Fraasit ovat pohjia,
                joita täydennetään aina omalla havainnolla. Kirjaamiseen kuluva aika käyntien välissä lyheni,
                ja kirjaukset ovat yhdenmukaisempia.
                """,
            how: """
                - Kahden viikon ajan jokainen merkitsi ylös lauseet, joita kirjoittaa usein.
                - Sairaanhoitaja ja digitutori kävivät listan läpi ja karsivat.
                - Fraasit tallennettiin jokaisen puhelimeen yhteisellä tuokiolla.
                - Fraasipankki tarkistetaan puolen vuoden välein.
                """,
            tools: "Mobiilikirjaus, työpuhelin",
            time: "6 viikkoa, noin 15 tuntia työtä",
            area: "digital-work", tool: "Työpuhelin", sector: "Sosiaali",
            adoptions: [
                "Otimme käyttöön kotihoidon pohjoisella alueella, toimii hyvin.",
                "Lisäsimme fraaseihin ruotsinkieliset versiot.",
            ]),

        DemoBoardPractice(
            title: "Digivinkkituokiot Teamsissa vartti kerran kuussa",
            body: """
                Kerran kuussa on 15 minuutin Digivinkkituokio Teamsissa. Yksi aihe kerrallaan, esimerkiksi Outlookin kalenterin
                jakaminen tai OneDriven jakolinkit. Tuokio tallennetaan, ja tallenne ja lyhyt ohje julkaistaan Digivinkit-palstalla.
                Tuokioon voi liittyä puhelimella, joten mukana on ollut myös varhaiskasvatuksen ja keittiöiden väkeä.
                """,
            how: """
                1. Aiheet tulevat palstan kysymyksistä.
                2. Vetäjänä on digitutori tai IT:n asiantuntija.
                3. Aina sama aika: kuun toinen tiistai klo 14.
                4. Tallenteen vanhentumispäivä poistetaan, jotta se löytyy myöhemminkin.
                """,
            tools: "Teams, Digivinkit-palsta",
            time: "Noin 2 tuntia kuukaudessa",
            area: "digital-work", tool: "Teams",
            adoptions: [
                "",
                "Katsomme tallenteen yhdessä tiimipalaverissa, kun livenä ei ehditä.",
                "Aloitimme myös ruotsinkieliset tuokiot.",
                "",
            ]),

        DemoBoardPractice(
            title: "Oppilasdigitutorit opettajien ja luokkakavereiden tukena",
            body: """
                Yläkoulun kahdeksasluokkalaisista koottiin kahdeksan oppilasdigitutorin ryhmä, joka auttaa opettajia ja
                luokkakavereita laitteiden ja sovellusten kanssa. Tutorit päivystävät välitunneilla kirjaston nurkassa
                ja opastavat myös alakoululaisia tablettien käytössä.
                """,
            how: """
                - Tutorit valittiin hakemusten perusteella.
                - Koulutus 4 × 45 minuuttia: laitteet, tietoturva ja toisen opastaminen.
                - Tutorit eivät käsittele toisten tunnuksia tai arvosanoja.
                - Toiminnasta saa merkinnän todistuksen liitteeseen.
                """,
            tools: "Oppilaiden kannettavat, tabletit, Teams",
            time: "Lukuvuosi, ohjaavalla opettajalla noin 2 tuntia viikossa",
            area: "client-guidance", sector: "Perusopetus",
            adoptions: [
                "Meillä alakoulussa kuudesluokkalaiset toimivat tutoreina ja ovat tosi ylpeitä tehtävästään.",
            ]),

        DemoBoardPractice(
            title: "Tekoälykokeilu yhteisillä pelisäännöillä",
            body: """
                Hallinnon tiimi kokeili kolmen kuukauden ajan tekoälyä palaverimuistioiden luonnosteluun ja tiedotteiden
                selkokielistämiseen. Ennen kokeilua kävimme yhdessä läpi organisaation tekoälyohjeen ja sovimme tiimin pelisäännöt.
                Lopuksi kirjoitimme kokemuksista lyhyen yhteenvedon johtoryhmälle.
                """,
            how: """
                1. Luimme tekoälyohjeen yhdessä ja veimme epäselvät kohdat IT:lle.
                2. Sovimme: ei henkilötietoja, ihminen tarkistaa aina, käytöstä kerrotaan.
                3. Jokainen kirjasi viikoittain yhden onnistumisen ja yhden epäonnistumisen.
                4. Yhteenveto käsiteltiin johtoryhmässä.
                """,
            tools: "Copilot, Teams, Word",
            time: "3 kuukautta, noin tunti viikossa",
            area: "ethics", tool: "Copilot", sector: "Hallinto"),

        DemoBoardPractice(
            title: "Saavutettavuuden tarkistuslista ennen julkaisua",
            body: """
                Kulttuuripalveluiden sisällöntuottajat ja viestintä tekivät yhden sivun tarkistuslistan, joka käydään läpi ennen kuin
                tiedote, juliste tai verkkosivu julkaistaan: otsikkotyylit, kuvien vaihtoehtoiset tekstit, kuvaavat linkkitekstit,
                riittävä kontrasti ja selkeä kieli. Lista on intrassa ja tulostettuna viestinnän pöydällä.
                """,
            how: """
                - Lista koottiin saavutettavuusvaatimuksista ja omista kokemuksista.
                - Sitä testattiin kuukauden ajan ja karsittiin.
                - Tiimi opetteli ruudunlukijan peruskäytön tunnin koulutuksessa.
                """,
            tools: "Word, verkkosivujen julkaisujärjestelmä, ruudunlukija, kontrastin tarkistustyökalu",
            time: "Kuukausi, noin 8 tuntia työtä",
            area: "digital-solutions", sector: "Kulttuuri",
            adoptions: [
                "Otimme käyttöön varhaiskasvatuksen tiedotteissa huoltajille.",
                "",
            ]),

        DemoBoardPractice(
            title: "Liikuntavuorojen hakulomake sähköiseksi",
            body: """
                Seurojen liikuntavuorohakemukset tulivat ennen sähköpostin liitteinä ja paperilla, ja niiden kokoaminen taulukkoon
                vei viikkoja. Teimme sähköisen lomakkeen, joka tallentaa hakemukset suoraan taulukkoon. Lomakkeen saavutettavuus
                testattiin ennen julkaisua.
                """,
            how: """
                1. Paperilomake käytiin läpi ja turhat kysymykset poistettiin.
                2. Lomake rakennettiin ja testattiin kolmen seuran kanssa.
                3. Saavutettavuus tarkistettiin näppäimistöllä ja ruudunlukijalla.
                4. Seuroille lähetettiin ohje ja linkki.
                """,
            tools: "Sähköinen lomake, Excel, verkkosivut",
            time: "2 kuukautta, noin 30 tuntia työtä",
            area: "digital-solutions", tool: "Excel", sector: "Kulttuuri"),

        DemoBoardPractice(
            title: "Vikailmoitukset kuvina suoraan työpuhelimella",
            body: """
                Koulujen ja päiväkotien henkilökunta soitti ennen vioista kiinteistönhoitajalle, ja tiedot jäivät usein puutteellisiksi.
                Otimme käyttöön vikailmoituslomakkeen, jonka voi täyttää puhelimella ja johon liitetään kuva. Kiinteistönhoitaja
                näkee ilmoituksen heti ja osaa ottaa oikeat tarvikkeet mukaan.
                """,
            how: """
                - Lomakkeen linkki ja QR-koodi laitettiin jokaisen kohteen taukotilaan.
                - Kiireelliset viat soitetaan edelleen päivystykseen.
                - Ilmoittaja saa kuittauksen, kun vika on korjattu.
                """,
            tools: "Työpuhelin, sähköinen lomake, QR-koodi",
            time: "6 viikkoa, noin 20 tuntia työtä",
            area: "digital-solutions", tool: "Työpuhelin", sector: "Tekniset",
            adoptions: [
                "Otimme käyttöön kaikissa päiväkodeissa. Kuvat säästävät aikaa.",
                "",
                "Toimii hyvin. Alussa osa ilmoituksista ohjautui väärälle alueelle, mutta se on korjattu.",
            ]),

        DemoBoardPractice(
            title: "Naapurikuntien rakennustarkastajien yhteinen Teams-tiimi",
            body: """
                Alueen rakennustarkastajat tapasivat ennen kaksi kertaa vuodessa, ja väliajan asiat hoidettiin sähköpostiketjuissa.
                Perustimme yhteisen Teams-tiimin, jossa kysytään matalalla kynnyksellä tulkinnoista, jaetaan lomakepohjia
                ja valmistaudutaan yhdessä lainsäädännön muutoksiin.
                """,
            how: """
                1. Sovittiin, kenen organisaatio ylläpitää tiimiä.
                2. Muiden kuntien tarkastajat kutsuttiin vieraskäyttäjiksi.
                3. Kanavat: Kysy, Lomakepohjat, Ajankohtaista.
                4. Kerran kuussa puolen tunnin Teams-tapaaminen.
                """,
            tools: "Teams, vieraskäyttö",
            time: "Perustaminen 2 viikkoa, ylläpito vähäistä",
            area: "digital-work", tool: "Teams", sector: "Tekniset",
            adoptions: [
                "Ympäristönsuojelun viranhaltijat perustivat saman mallin mukaan oman tiimin.",
            ]),
    ]

    /// About 5 Swedish practices.
    static let swedishPractices: [DemoBoardPractice] = [
        DemoBoardPractice(
            title: "Digistund under vilan på daghemmet",
            body: """
                En gång i veckan under barnens vila håller digitutorn en digistund på 20 minuter för dem som inte övervakar vilan.
                Vi har gått igenom semesteransökan i HR-systemet, hur man deltar i ett Teams-möte från telefonen
                och hur man känner igen bluffmeddelanden.
                """,
            how: """
                - Ämnena samlas in på teammötet.
                - Samma ämne två veckor i rad så att alla hinner delta.
                - Alla provar själva med sina egna koder.
                """,
            tools: "Surfplatta, Teams, HR-systemet",
            time: "3 månader, 20 minuter i veckan",
            area: "digital-work", tool: "Surfplatta", sector: "Småbarnspedagogik",
            adoptions: [
                "Vi började i höstas. Fungerar bra, mest frågor om semesteransökan.",
                "",
            ]),

        DemoBoardPractice(
            title: "Surfplatta i köket för recept och allergier",
            body: """
                Centralköket fick två surfplattor i skyddsfodral. På dem finns matsedeln, standardrecepten och listan över
                specialdieter, som uppdateras i OneDrive. Tidigare fanns det flera papperslistor, och vikarierna visste inte
                vilken som var den senaste.
                """,
            how: """
                1. Specialdietlistan flyttades till OneDrive, en ansvarsperson uppdaterar den.
                2. Genvägar på startskärmen: matsedel, recept, allergier, arbetsturer.
                3. Alla fick en kort genomgång i början av skiftet.
                """,
            tools: "Surfplatta med skyddsfodral, OneDrive",
            time: "1 månad, cirka 15 timmar arbete",
            area: "digital-work", tool: "Surfplatta", sector: "Kost",
            adoptions: [
                "Infört i skolköket. Allergilistan är alltid aktuell nu.",
            ]),

        DemoBoardPractice(
            title: "Teams-kanal för vikarier",
            body: """
                Alla vikarier läggs till i skolans Teams-team redan första dagen. Där finns dagens schema, klassernas viktigaste
                rutiner utan elevers personuppgifter, rastvaktslistan och kontaktuppgifter. Vikarierna kan ställa frågor i kanalen Fråga.
                """,
            how: """
                1. Skolsekreteraren lägger till vikarien när användarkoderna skapas.
                2. Klasslärarna uppdaterar en kort beskrivning av sin klass varje termin.
                3. Vikarien tas bort ur teamet när vikariatet tar slut.
                """,
            tools: "Teams",
            time: "En dag att starta, cirka en timme i månaden",
            area: "digital-work", tool: "Teams", sector: "Grundläggande",
            adoptions: [
                "",
                "Vi gjorde likadant på daghemmet, fungerar fint.",
            ]),

        DemoBoardPractice(
            title: "Enhetshjälp för invånare på biblioteket",
            body: """
                Varje tisdag kl. 13–15 kan invånarna ta med sin egen telefon eller surfplatta till huvudbiblioteket och få hjälp.
                De vanligaste frågorna gäller Suomi.fi, e-post, bilder och bluffmeddelanden. Vi loggar aldrig in åt någon,
                utan visar och förklarar medan invånaren själv trycker.
                """,
            how: """
                - Personalen gick en kurs för digihandledare.
                - Ingen tidsbokning, könummer vid dörren.
                - Vi antecknar bara ämnet för statistiken.
                """,
            tools: "Bibliotekets surfplattor, laddkablar, utskrivna anvisningar",
            time: "En månad att starta, 2 timmar i veckan",
            area: "client-guidance", sector: "Kultur",
            adoptions: [
                "Populärt! Mest frågor om Suomi.fi och bankkoder.",
                "",
                "Vi samarbetar med pensionärsföreningen, de kommer som frivilliga.",
            ]),

        DemoBoardPractice(
            title: "Digitutor i tur och ordning i hemvården",
            body: """
                I hemvården finns det varje vardag en utsedd digitutor som efter morgonrapporten kan nås en halvtimme per telefon
                och på kontoret. De flesta frågorna gäller mobil dokumentation, uppdateringar av arbetstelefonen och byte av lösenord.
                """,
            how: """
                - Tre digitutorer delar på turerna, som syns i arbetsturlistan.
                - Dagens tutor står på tavlan på kontoret och i Teams-kanalen.
                - Vanliga frågor blir tips på Digitips-tavlan.
                """,
            tools: "Arbetstelefon, Teams, mobil dokumentation",
            time: "En månad att starta, 30 minuter om dagen",
            area: "digital-work", tool: "Arbetstelefon", sector: "Social"),
    ]

    // MARK: Filler for load tests

    /// Building blocks for generating many more plausible (older) posts for load tests. Topics are Finnish noun phrases in the
    /// nominative (never at the start of a title pattern, so they stay lower-case); tools are the topics' tools.
    static let fillerTopics: [(topic: String, tool: String, area: String)] = [
        ("kokouskutsun lähettäminen", "Outlook", "digital-work"),
        ("kalenterin jakaminen", "Outlook", "digital-work"),
        ("automaattisen poissaoloviestin asettaminen", "Outlook", "digital-work"),
        ("sähköpostin allekirjoituksen muokkaaminen", "Outlook", "digital-work"),
        ("roskapostin tunnistaminen", "Outlook", "information-security"),
        ("epäilyttävän viestin raportointi", "Outlook", "information-security"),
        ("salasanan vaihtaminen", "Windows", "information-security"),
        ("näytön lukitseminen", "Windows", "information-security"),
        ("kuvakaappauksen ottaminen", "Windows", "ict-basics"),
        ("tiedoston jakaminen", "OneDrive", "digital-work"),
        ("jakolinkin oikeuksien muuttaminen", "OneDrive", "information-security"),
        ("poistetun tiedoston palauttaminen", "OneDrive", "ict-basics"),
        ("tiedoston vanhan version palauttaminen", "OneDrive", "ict-basics"),
        ("Teams-kokoukseen liittyminen", "Teams", "digital-work"),
        ("taustan sumentaminen", "Teams", "digital-work"),
        ("näytön jakaminen", "Teams", "digital-work"),
        ("kokouksen tallentaminen", "Teams", "digital-work"),
        ("kanavan ilmoitusten säätäminen", "Teams", "digital-work"),
        ("tiedoston lisääminen kanavalle", "Teams", "digital-work"),
        ("kirjautumisen hyväksyminen", "Authenticator", "information-security"),
        ("tunnistautumisen siirtäminen uuteen puhelimeen", "Authenticator", "information-security"),
        ("lomahakemuksen tekeminen", "HR-järjestelmä", "ict-basics"),
        ("työvuorojen tarkistaminen", "HR-järjestelmä", "ict-basics"),
        ("palkkalaskelman löytäminen", "HR-järjestelmä", "ict-basics"),
        ("kaksipuolinen tulostaminen", "Tulostin", "ict-basics"),
        ("skannaaminen sähköpostiin", "Tulostin", "ict-basics"),
        ("työpuhelimen päivittäminen", "Työpuhelin", "ict-basics"),
        ("sovelluksen asentaminen työpuhelimeen", "Työpuhelin", "ict-basics"),
        ("taulukon suodattaminen", "Excel", "digital-work"),
        ("otsikkotyylien käyttäminen", "Word", "digital-solutions"),
        ("vaihtoehtoisen tekstin lisääminen kuvaan", "Word", "digital-solutions"),
        ("tiedotteen selkokielistäminen tekoälyllä", "Copilot", "ethics"),
        ("asukkaan neuvominen Suomi.fi-palvelussa", "Suomi.fi", "client-guidance"),
        ("viikkotiedotteen päivittäminen", "Pedanet", "digital-work"),
    ]

    /// Question title patterns; "{topic}" is replaced with a filler topic.
    static let fillerQuestionTitles: [String] = [
        "Miten onnistuu {topic}?",
        "Apua: {topic} ei onnistu",
        "Onko {topic} mahdollista puhelimella?",
        "Tyhmä kysymys: miten onnistuu {topic}?",
        "Miksi {topic} on niin hankalaa?",
        "Onko {topic} muuttunut päivityksen jälkeen?",
        "Kuka osaa neuvoa: {topic}?",
        "Virheilmoitus, kun kokeilen: {topic}",
        "Onko {topic} sallittua ohjeen mukaan?",
        "Mistä löydän ohjeen? Aiheena {topic}",
        "Kysymys aiheesta {topic}",
    ]

    /// Tip title patterns; "{topic}" is replaced with a filler topic.
    static let fillerTipTitles: [String] = [
        "Vinkki: {topic} nopeammin",
        "Näin sujuu {topic}",
        "Pikaohje: {topic}",
        "Muistilista: {topic}",
        "Kolme askelta: {topic}",
        "Digitutorin vinkki: {topic}",
        "Tiesitkö, että myös {topic} onnistuu puhelimella?",
        "Helpompi tapa: {topic}",
        "Opin tänään: {topic}",
        "Kokeile tätä: {topic} kahdessa minuutissa",
    ]

    /// Neutral how-to and question sentences for bodies; "{tool}" is replaced with the topic's tool (always in the nominative).
    static let fillerSentences: [String] = [
        "Kokeilin ohjeen mukaan, mutta jokin jää puuttumaan.",
        "Koneella tämä onnistuu, mutta puhelimella en löydä samaa kohtaa.",
        "Onko tähän olemassa ohjetta intrassa?",
        "Tarvitsen tätä vain kerran kuussa, joten unohdan aina, miten se tehtiin.",
        "{tool} näyttää eri tavalla kuin ohjeen kuvissa.",
        "{tool} päivittyi viime viikolla, ja valikot ovat nyt eri paikoissa.",
        "{tool} antaa virheilmoituksen, mutta siitä ei saa selvää.",
        "Käytössä on {tool}, ja kirjaudun työtunnuksilla.",
        "Kysyin työkaverilta, mutta hänelläkään ei ollut varmaa tietoa.",
        "Meillä tätä tarvitaan lähinnä aamuvuorossa.",
        "Tein näin, ja se toimi heti.",
        "Ensin valitaan oikea kohta valikosta, sitten tallennetaan.",
        "Valitse ylävalikosta kolme pistettä ja sieltä asetukset.",
        "Muista tallentaa ennen kuin suljet ikkunan.",
        "Toimii sekä koneella että puhelimella.",
        "Tämä säästää minulta joka viikko ainakin vartin.",
        "Ohje on tehty uusimmalle versiolle.",
        "Jos jokin ei toimi, kysy oman yksikön digitutorilta.",
        "Katsoin digitutorin kanssa, ja {tool} toimi hänen koneellaan heti.",
        "Onko muilla sama ongelma, vai onko vika vain minulla?",
        "Huomasin tämän vasta, kun työkaveri näytti.",
        "Ennen tein tämän paperilla, nyt kaikki on sähköisesti.",
        "Perehdytyksessä tätä ei käyty läpi.",
        "Kiitos etukäteen avusta!",
        "Tarkista lopuksi, että muutos näkyy myös muille.",
        "Henkilötietoja ei kannata laittaa tähän väliin.",
        "Pikanäppäimellä tämä käy vielä nopeammin.",
        "Sama onnistuu myös selaimessa, jos sovellus ei aukea.",
        "Tästä oli puhetta viime palaverissa, mutta en muista lopputulosta.",
        "Olen yrittänyt kolme kertaa, ja joka kerta tulee sama ilmoitus.",
        "Esihenkilö kehotti kysymään täältä.",
        "{tool} kysyy tässä kohtaa vielä vahvistusta.",
        "Työväline: {tool}.",
        "Tämä koskee ainakin meidän yksikköä, ehkä muitakin.",
        "Kokeile ensin itsellesi, ennen kuin lähetät muille.",
        "Asetus säilyy, vaikka kirjaudut välillä ulos.",
        "Pidä tämä mielessä varsinkin lomien alla.",
        "Laitoin ohjeen myös tiimin kanavalle.",
        "Onko tähän joku helpompi tapa?",
        "Kuvakaappaus auttaa, jos pyydät apua IT-tuelta.",
        "Tämä onnistuu vain työtunnuksilla kirjautuneena.",
        "Kirjoitin itselleni muistilapun, mutta se hukkui.",
    ]

    /// Short answers; "{tool}" is replaced with the topic's tool (always in the nominative).
    static let fillerAnswers: [String] = [
        "Kokeile kirjautua ulos ja takaisin sisään.",
        "Käynnistä laite uudelleen, se auttaa yllättävän usein.",
        "Katso ohje intrasta, siellä on kuvat jokaisesta vaiheesta.",
        "Kysy oman yksikön digitutorilta, hän näyttää mielellään.",
        "Tässä kohtaa {tool} kysyy vielä vahvistusta, paina Kyllä.",
        "Meillä tämä toimi, kun {tool} oli päivitetty uusimpaan versioon.",
        "Soita IT-tukeen, tämä vaatii pääkäyttäjän oikeudet.",
        "Sama ongelma täällä, kiinnostaa myös vastaus.",
        "Kiitos, tämä auttoi!",
        "Asetukset löytyvät oikeasta yläkulmasta rataspyörän takaa.",
        "Puhelimessa sama löytyy kolmen pisteen takaa.",
        "Tee ensin testi itsellesi, ennen kuin lähetät muille.",
        "Tätä käytiin läpi viime digikahveilla, tallenne on Teamsissa.",
        "Älä laita henkilötietoja tätä kautta, käytä turvapostia.",
        "Minulla auttoi selaimen välimuistin tyhjentäminen.",
        "Onnistuu, mutta vain työtunnuksilla kirjautuneena.",
        "Kokeile selaimessa, jos sovellus ei toimi.",
        "Ilmoitin tästä IT:lle, korjaus on kuulemma tulossa.",
        "Hyvä kysymys, en ole itsekään tiennyt tätä.",
        "Tästä löytyy vinkki myös Digivinkit-palstan vanhoista viesteistä.",
        "Meillä esihenkilö antaa tähän oikeudet.",
        "Ohje on tulostettuna kahvihuoneen seinällä.",
        "Pikanäppäin toimii vain koneella, ei puhelimessa.",
        "Toimii, kun valitset ensin oikean tilin.",
        "{tool} vaatii tähän uudemman version, tarkista päivitykset.",
        "Tein näin eilen ja onnistui ensimmäisellä yrityksellä.",
        "Muista tarkistaa, keille jako on auki.",
        "Jos mikään ei auta, digitutori tulee paikan päälle.",
        "Valitse ensin kohde ja sitten toiminto valikosta.",
        "Meillä {tool} toimii näin kaikilla, kokeile vielä kerran.",
    ]
}
