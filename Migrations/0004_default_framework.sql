-- The competence framework shipped with Taitotutka (organisation_id NULL), usable by every organisation.
--
-- The text is our own, written for municipal and welfare-area staff, many of whom do not work at a
-- computer: short first-person statements, one idea each, all worded so that agreeing means more
-- competence or more support. Every statement fits a phone screen in each language.
--
-- The triggers of 0003 refuse rows in a published framework, so everything is inserted into a draft,
-- which is published last. Rows find the draft by organisation, code and status rather than by
-- last_insert_rowid(), so no statement depends on the one before it having inserted a row.

INSERT INTO frameworks (organisation_id, code, version, status, name_fi, name_sv, name_en,
                        scale_min, scale_max, created_at)
VALUES (NULL, 'digiosaaminen', NULL, 'draft', 'Digiosaamisen mittari', 'Mätare för digital kompetens',
        'Digital competence framework', 1, 5, '2026-01-01 00:00:00.000');

WITH draft AS (
    SELECT id FROM frameworks WHERE organisation_id IS NULL AND code = 'digiosaaminen' AND status = 'draft'
),
label (value, label_fi, label_sv, label_en) AS (VALUES
    (1, 'Täysin eri mieltä', 'Helt av annan åsikt', 'Strongly disagree'),
    (2, 'Jokseenkin eri mieltä', 'Delvis av annan åsikt', 'Somewhat disagree'),
    (3, 'Ei samaa eikä eri mieltä', 'Varken av samma eller annan åsikt', 'Neither agree nor disagree'),
    (4, 'Jokseenkin samaa mieltä', 'Delvis av samma åsikt', 'Somewhat agree'),
    (5, 'Täysin samaa mieltä', 'Helt av samma åsikt', 'Strongly agree')
)
INSERT INTO framework_scale_labels (framework_id, value, label_fi, label_sv, label_en)
SELECT draft.id, label.value, label.label_fi, label.label_sv, label.label_en FROM draft, label;

-- Areas: six competence areas, then three factors that influence competence.
WITH draft AS (
    SELECT id FROM frameworks WHERE organisation_id IS NULL AND code = 'digiosaaminen' AND status = 'draft'
),
area (code, kind, position, name_fi, name_sv, name_en, description_fi, description_sv, description_en) AS (VALUES
    ('ict-basics', 'competence', 1,
     'Tietotekniikan perustaidot',
     'Grundläggande IT-färdigheter',
     'Basic ICT skills',
     'Työlaitteiden, sähköpostin, intran ja henkilöstön sähköisten palvelujen käyttö sekä salasanat ja kirjautuminen.',
     'Att använda arbetsapparater, e-post, intranätet och personalens e-tjänster samt att sköta lösenord och inloggning.',
     'Using work devices, e-mail, the intranet and staff self-service, and handling passwords and sign-in.'),
    ('digital-work', 'competence', 2,
     'Digitaaliset työvälineet omassa työssä',
     'Digitala verktyg i det egna arbetet',
     'Digital tools in my own work',
     'Digitaalisten työvälineiden käyttö luontevana osana omaa päivittäistä työtä.',
     'Att använda digitala verktyg som en naturlig del av det egna dagliga arbetet.',
     'Using digital tools as a natural part of one''s own daily work.'),
    ('digital-solutions', 'competence', 3,
     'Digiratkaisujen hyödyntäminen ja arviointi',
     'Att utnyttja och bedöma digitala lösningar',
     'Using and evaluating digital solutions',
     'Digitaalisten ratkaisujen hyödyntäminen ja arviointi, myös tekoälyn käyttö organisaation ohjeiden mukaan.',
     'Att utnyttja och bedöma digitala lösningar, också att använda AI enligt organisationens anvisningar.',
     'Using and evaluating digital solutions, including using AI within the organisation''s guidelines.'),
    ('information-security', 'competence', 4,
     'Tietoturva ja tietosuoja',
     'Informationssäkerhet och dataskydd',
     'Information security and data protection',
     'Turvalliset toimintatavat: huijausviestien tunnistaminen, tunnusten suojaaminen ja henkilötietojen huolellinen käsittely.',
     'Säkra arbetssätt: att känna igen bedrägliga meddelanden, skydda inloggningsuppgifter och hantera personuppgifter omsorgsfullt.',
     'Safe ways of working: recognising scam messages, protecting sign-in details and handling personal data with care.'),
    ('ethics', 'competence', 5,
     'Eettinen osaaminen digityössä',
     'Etisk kompetens i digitalt arbete',
     'Ethics in digital work',
     'Vastuullinen toiminta digitaalisissa palveluissa niin, että jokainen saa yhdenvertaista palvelua ja voi valita asiointitapansa.',
     'Att arbeta ansvarsfullt med digitala tjänster så att alla får jämlik service och kan välja hur de sköter sina ärenden.',
     'Acting responsibly with digital services so that everyone gets equal service and can choose how to use them.'),
    ('client-guidance', 'competence', 6,
     'Asukkaiden ja asiakkaiden digiohjaus',
     'Digital vägledning av invånare och kunder',
     'Guiding residents and clients digitally',
     'Asukkaiden ja asiakkaiden ohjaaminen ja tukeminen digitaalisten palvelujen käytössä, myös etänä ja videoyhteydellä.',
     'Att vägleda och stödja invånare och kunder i att använda digitala tjänster, också på distans och via video.',
     'Guiding and supporting residents and clients in using digital services, also remotely and by video.'),
    ('leadership-support', 'factor', 7,
     'Esihenkilön ja johdon tuki',
     'Stöd från chefer och ledning',
     'Support from supervisors and management',
     'Esihenkilön ja johdon tuki digitaitojen kehittymiselle, esimerkiksi palaute ja kehityskeskustelut.',
     'Stöd från chefer och ledning för att utveckla de digitala färdigheterna, till exempel respons och utvecklingssamtal.',
     'Support from supervisors and management for developing digital skills, such as feedback and development discussions.'),
    ('unit-practices', 'factor', 8,
     'Organisaation ja työyksikön käytännöt',
     'Organisationens och arbetsenhetens rutiner',
     'Organisation and unit practices',
     'Työpaikan käytännöt, jotka tukevat digitaitojen kehittymistä: perehdytys, aika oppia, suunniteltu koulutus ja selkeät ohjeet.',
     'Rutiner på arbetsplatsen som stöder de digitala färdigheterna: introduktion, tid att lära sig, planerad utbildning och tydliga anvisningar.',
     'Workplace practices that support digital skills: onboarding, time to learn, planned training and clear instructions.'),
    ('colleagues', 'factor', 9,
     'Työkaverit ja vertaistuki',
     'Arbetskamrater och kamratstöd',
     'Colleagues and peer support',
     'Työkavereiden suhtautuminen digitaalisiin työvälineisiin ja heiltä saatava apu, kuten digitutorin tuki.',
     'Hur arbetskamraterna tar till sig digitala verktyg och vilken hjälp de ger, till exempel en digitutor.',
     'How colleagues take up digital tools and the help they give, such as a digitutor''s support.')
)
INSERT INTO framework_areas (framework_id, code, kind, position, name_fi, name_sv, name_en,
                             description_fi, description_sv, description_en)
SELECT draft.id, area.code, area.kind, area.position, area.name_fi, area.name_sv, area.name_en,
       area.description_fi, area.description_sv, area.description_en
FROM draft, area;

-- Statements, one row per line: area, code, position, Finnish, Swedish, English.
WITH draft AS (
    SELECT id FROM frameworks WHERE organisation_id IS NULL AND code = 'digiosaaminen' AND status = 'draft'
),
statement (area, code, position, text_fi, text_sv, text_en) AS (VALUES
    -- ict-basics: Tietotekniikan perustaidot
    ('ict-basics', 'ict-basics-1', 1, 'Osaan käyttää työssäni tarvittavia laitteita, kuten puhelinta, tablettia tai tietokonetta.', 'Jag kan använda de apparater jag behöver i arbetet, till exempel telefon, surfplatta eller dator.', 'I can use the devices I need at work, such as a phone, tablet or computer.'),
    ('ict-basics', 'ict-basics-2', 2, 'Osaan lukea ja lähettää työsähköpostia.', 'Jag kan läsa och skicka e-post i arbetet.', 'I can read and send work e-mail.'),
    ('ict-basics', 'ict-basics-3', 3, 'Löydän intrasta tarvitsemani ohjeet ja tiedotteet.', 'Jag hittar de anvisningar och meddelanden jag behöver på intranätet.', 'I can find the instructions and news I need on the intranet.'),
    ('ict-basics', 'ict-basics-4', 4, 'Osaan hoitaa omia työsuhdeasioitani verkossa, esimerkiksi katsoa palkkalaskelman tai hakea lomaa.', 'Jag kan sköta ärenden om min anställning på nätet, till exempel se lönespecifikationen eller ansöka om semester.', 'I can handle my own employment matters online, for example view my payslip or apply for leave.'),
    ('ict-basics', 'ict-basics-5', 5, 'Osaan vaihtaa salasanani itse.', 'Jag kan byta mitt lösenord själv.', 'I can change my password myself.'),
    ('ict-basics', 'ict-basics-6', 6, 'Osaan kirjautua, kun kirjautumiseen tarvitaan salasanan lisäksi puhelin tai koodi.', 'Jag kan logga in när inloggningen kräver telefon eller kod utöver lösenordet.', 'I can sign in when signing in needs a phone or a code as well as a password.'),

    -- digital-work: Digitaaliset työvälineet omassa työssä
    ('digital-work', 'digital-work-1', 1, 'Osaan käyttää oman työni järjestelmiä ja sovelluksia.', 'Jag kan använda de system och appar som hör till mitt arbete.', 'I can use the systems and apps that my work needs.'),
    ('digital-work', 'digital-work-2', 2, 'Digitaaliset työvälineet helpottavat työtäni.', 'Digitala verktyg gör mitt arbete lättare.', 'Digital tools make my work easier.'),
    ('digital-work', 'digital-work-3', 3, 'Osaan tehdä työhöni kuuluvat kirjaukset sähköisesti.', 'Jag kan dokumentera det som hör till mitt arbete digitalt.', 'I can make the records my work requires in digital form.'),
    ('digital-work', 'digital-work-4', 4, 'Osaan osallistua etäkokoukseen tai -koulutukseen puhelimella tai tietokoneella.', 'Jag kan delta i ett distansmöte eller en distansutbildning med telefon eller dator.', 'I can join an online meeting or training on a phone or computer.'),
    ('digital-work', 'digital-work-5', 5, 'Osaan käyttää työyhteisöni yhteisiä viestikanavia.', 'Jag kan använda arbetsgemenskapens gemensamma kanaler för meddelanden.', 'I can use my work community''s shared message channels.'),
    ('digital-work', 'digital-work-6', 6, 'Osaan ratkaista yleisimmät ongelmat digitaalisissa työvälineissäni.', 'Jag kan lösa de vanligaste problemen med mina digitala verktyg.', 'I can solve the most common problems with my digital work tools.'),

    -- digital-solutions: Digiratkaisujen hyödyntäminen ja arviointi
    ('digital-solutions', 'digital-solutions-1', 1, 'Osaan arvioida, auttaako digitaalinen ratkaisu työtäni.', 'Jag kan bedöma om en digital lösning hjälper mig i arbetet.', 'I can judge whether a digital solution helps my work.'),
    ('digital-solutions', 'digital-solutions-2', 2, 'Annan palautetta digitaalisista työvälineistä, jotta niitä voidaan parantaa.', 'Jag ger respons på digitala verktyg så att de kan förbättras.', 'I give feedback on digital tools so that they can be improved.'),
    ('digital-solutions', 'digital-solutions-3', 3, 'Osallistun mielelläni uusien digitaalisten ratkaisujen kokeiluun.', 'Jag deltar gärna när nya digitala lösningar prövas.', 'I am happy to take part in trying out new digital solutions.'),
    ('digital-solutions', 'digital-solutions-4', 4, 'Osaan arvioida, onko verkosta löytämäni tieto luotettavaa.', 'Jag kan bedöma om information som jag hittar på nätet är tillförlitlig.', 'I can judge whether information I find online is reliable.'),
    ('digital-solutions', 'digital-solutions-5', 5, 'Tiedän, mihin työtehtäviin saan käyttää tekoälyä organisaationi ohjeiden mukaan.', 'Jag vet i vilka arbetsuppgifter jag får använda AI enligt min organisations anvisningar.', 'I know which work tasks I may use AI for under my organisation''s guidelines.'),
    ('digital-solutions', 'digital-solutions-6', 6, 'Tarkistan tekoälyn antamat vastaukset ennen kuin käytän niitä.', 'Jag kontrollerar svar från AI innan jag använder dem.', 'I check answers from AI before I use them.'),

    -- information-security: Tietoturva ja tietosuoja
    ('information-security', 'information-security-1', 1, 'Tunnistan huijausviestin, joka yrittää saada minut avaamaan linkin tai antamaan tunnukseni.', 'Jag känner igen ett bedrägligt meddelande som försöker få mig att öppna en länk eller ge ut mina inloggningsuppgifter.', 'I can recognise a scam message that tries to get me to open a link or give away my sign-in details.'),
    ('information-security', 'information-security-2', 2, 'Tiedän, mitä teen, jos epäilen avanneeni huijauslinkin.', 'Jag vet vad jag ska göra om jag misstänker att jag har öppnat en bedräglig länk.', 'I know what to do if I think I have opened a scam link.'),
    ('information-security', 'information-security-3', 3, 'Pidän salasanani ja tunnukseni omana tietonani.', 'Jag håller mitt lösenord och mina inloggningsuppgifter för mig själv.', 'I keep my password and sign-in details to myself.'),
    ('information-security', 'information-security-4', 4, 'Lukitsen laitteen tai kirjaudun ulos, kun lähden sen luota.', 'Jag låser apparaten eller loggar ut när jag går ifrån den.', 'I lock the device or sign out when I step away from it.'),
    ('information-security', 'information-security-5', 5, 'Käsittelen asiakkaiden ja työkavereiden henkilötietoja vain sen verran kuin työni vaatii.', 'Jag hanterar kunders och arbetskamraters personuppgifter bara i den mån mitt arbete kräver det.', 'I handle clients'' and colleagues'' personal data only as far as my work requires.'),
    ('information-security', 'information-security-6', 6, 'Tiedän, miten lähetän luottamuksellista tietoa turvallisesti.', 'Jag vet hur jag skickar konfidentiell information på ett säkert sätt.', 'I know how to send confidential information safely.'),
    ('information-security', 'information-security-7', 7, 'Tiedän, kenelle ilmoitan, jos henkilötietoja päätyy väärään paikkaan.', 'Jag vet vem jag ska meddela om personuppgifter hamnar på fel ställe.', 'I know whom to tell if personal data ends up in the wrong place.'),

    -- ethics: Eettinen osaaminen digityössä
    ('ethics', 'ethics-1', 1, 'Jokainen asiakas saa minulta yhtä hyvää palvelua, asioi hän verkossa tai paikan päällä.', 'Varje kund får lika god service av mig, oavsett om hen sköter ärendet på nätet eller på plats.', 'Every client gets equally good service from me, whether they use services online or in person.'),
    ('ethics', 'ethics-2', 2, 'Kunnioitan asiakkaan omaa valintaa siitä, asioiko hän verkossa vai muulla tavalla.', 'Jag respekterar kundens eget val att sköta ärenden på nätet eller på annat sätt.', 'I respect the client''s own choice to use services online or in another way.'),
    ('ethics', 'ethics-3', 3, 'Osaan ohjata asiakkaan toiseen asiointitapaan, kun digitaalinen palvelu ei sovi hänelle.', 'Jag kan hänvisa kunden till ett annat sätt att sköta ärendet när den digitala tjänsten inte passar hen.', 'I can direct a client to another way of getting service when the digital one does not suit them.'),
    ('ethics', 'ethics-4', 4, 'Kannan vastuun siitä, mitä kirjoitan ja jaan digitaalisissa kanavissa.', 'Jag tar ansvar för det jag skriver och delar i digitala kanaler.', 'I take responsibility for what I write and share in digital channels.'),
    ('ethics', 'ethics-5', 5, 'Pyydän luvan ennen kuin kuvaan asiakkaita tai työkavereita.', 'Jag ber om lov innan jag fotograferar kunder eller arbetskamrater.', 'I ask for permission before I take photos of clients or colleagues.'),
    ('ethics', 'ethics-6', 6, 'Otan huomioon, miten digitaalinen ratkaisu vaikuttaa asiakkaan arkeen.', 'Jag tar hänsyn till hur en digital lösning påverkar kundens vardag.', 'I consider how a digital solution affects the client''s everyday life.'),

    -- client-guidance: Asukkaiden ja asiakkaiden digiohjaus
    ('client-guidance', 'client-guidance-1', 1, 'Tiedän, mitä digitaalisia palveluja työpaikkani tarjoaa asukkaille.', 'Jag vet vilka digitala tjänster min arbetsplats erbjuder invånarna.', 'I know which digital services my workplace offers residents.'),
    ('client-guidance', 'client-guidance-2', 2, 'Osaan auttaa asiakasta aloittamaan digitaalisen palvelun käytön.', 'Jag kan hjälpa en kund att komma i gång med en digital tjänst.', 'I can help a client get started with a digital service.'),
    ('client-guidance', 'client-guidance-3', 3, 'Osaan arvioida, millaista tukea asiakas tarvitsee digitaalisen palvelun käyttöön.', 'Jag kan bedöma vilket stöd kunden behöver för att använda en digital tjänst.', 'I can judge what support a client needs to use a digital service.'),
    ('client-guidance', 'client-guidance-4', 4, 'Osaan selittää digiasiat asiakkaalle selkeästi ja arkisin sanoin.', 'Jag kan förklara digitala saker för kunden tydligt och med vardagliga ord.', 'I can explain digital matters to a client clearly and in everyday words.'),
    ('client-guidance', 'client-guidance-5', 5, 'Osaan ohjata asiakasta etänä, esimerkiksi videopuhelussa.', 'Jag kan vägleda en kund på distans, till exempel i ett videosamtal.', 'I can guide a client remotely, for example on a video call.'),
    ('client-guidance', 'client-guidance-6', 6, 'Osaan kertoa asiakkaalle, miten hän asioi verkossa turvallisesti.', 'Jag kan berätta för kunden hur hen sköter ärenden på nätet på ett säkert sätt.', 'I can tell a client how to use online services safely.'),

    -- leadership-support: Esihenkilön ja johdon tuki
    ('leadership-support', 'leadership-support-1', 1, 'Esihenkilöni kannustaa minua kehittämään digitaitojani.', 'Min chef uppmuntrar mig att utveckla mina digitala färdigheter.', 'My supervisor encourages me to develop my digital skills.'),
    ('leadership-support', 'leadership-support-2', 2, 'Saan esihenkilöltäni palautetta digitaitojeni kehittymisestä.', 'Jag får respons av min chef på hur mina digitala färdigheter utvecklas.', 'My supervisor gives me feedback on how my digital skills are developing.'),
    ('leadership-support', 'leadership-support-3', 3, 'Digitaitoni käydään läpi kehityskeskustelussani.', 'Mina digitala färdigheter gås igenom i mitt utvecklingssamtal.', 'My digital skills are discussed in my development discussion.'),
    ('leadership-support', 'leadership-support-4', 4, 'Esihenkilöni kertoo, miksi uusi digitaalinen työväline otetaan käyttöön.', 'Min chef berättar varför ett nytt digitalt verktyg tas i bruk.', 'My supervisor explains why a new digital tool is being introduced.'),
    ('leadership-support', 'leadership-support-5', 5, 'Esihenkilöni kuuntelee ideoitani digitaalisten työvälineiden käytöstä.', 'Min chef lyssnar på mina idéer om hur vi använder digitala verktyg.', 'My supervisor listens to my ideas about using digital tools.'),
    ('leadership-support', 'leadership-support-6', 6, 'Organisaationi johto pitää henkilöstön digitaitoja tärkeinä.', 'Ledningen i min organisation anser att personalens digitala färdigheter är viktiga.', 'My organisation''s management considers staff digital skills important.'),

    -- unit-practices: Organisaation ja työyksikön käytännöt
    ('unit-practices', 'unit-practices-1', 1, 'Saan perehdytyksen, kun työhöni tulee uusi digitaalinen työväline.', 'Jag får introduktion när ett nytt digitalt verktyg tas i bruk i mitt arbete.', 'I get an introduction when a new digital tool comes into my work.'),
    ('unit-practices', 'unit-practices-2', 2, 'Minulla on työaikana aikaa opetella digitaalisia työvälineitä.', 'Jag har tid under arbetstid att lära mig digitala verktyg.', 'I have time during working hours to learn digital tools.'),
    ('unit-practices', 'unit-practices-3', 3, 'Digikoulutukseni suunnitellaan omien tarpeideni mukaan.', 'Min utbildning i digitala färdigheter planeras enligt mina egna behov.', 'My digital skills training is planned around my own needs.'),
    ('unit-practices', 'unit-practices-4', 4, 'Pääsen koulutuksiin, jotka sopivat työaikoihini.', 'Jag kan delta i utbildningar som passar mina arbetstider.', 'I can attend trainings that fit my working hours.'),
    ('unit-practices', 'unit-practices-5', 5, 'Löydän selkeät ohjeet työni digitaalisiin työvälineisiin.', 'Jag hittar tydliga anvisningar för de digitala verktygen i mitt arbete.', 'I can find clear instructions for the digital tools in my work.'),
    ('unit-practices', 'unit-practices-6', 6, 'IT-tuki auttaa minua tavalla, jota ymmärrän.', 'IT-stödet hjälper mig på ett sätt som jag förstår.', 'IT support helps me in a way I understand.'),

    -- colleagues: Työkaverit ja vertaistuki
    ('colleagues', 'colleagues-1', 1, 'Työkaverini käyttävät digitaalisia työvälineitä sujuvasti.', 'Mina arbetskamrater använder digitala verktyg smidigt.', 'My colleagues use digital tools with ease.'),
    ('colleagues', 'colleagues-2', 2, 'Työkaverini ottavat uudet digitaaliset työvälineet mielellään käyttöön.', 'Mina arbetskamrater tar gärna i bruk nya digitala verktyg.', 'My colleagues are keen to start using new digital tools.'),
    ('colleagues', 'colleagues-3', 3, 'Voin kysyä työkavereiltani neuvoa digiasioissa.', 'Jag kan be mina arbetskamrater om råd i digitala frågor.', 'I can ask my colleagues for advice on digital matters.'),
    ('colleagues', 'colleagues-4', 4, 'Työyksikössäni on digitutor tai muu työkaveri, joka auttaa digiasioissa.', 'I min arbetsenhet finns en digitutor eller en annan arbetskamrat som hjälper till med digitala frågor.', 'My unit has a digitutor or another colleague who helps with digital matters.'),
    ('colleagues', 'colleagues-5', 5, 'Jaamme työyhteisössämme vinkkejä digitaalisten työvälineiden käytöstä.', 'Vi delar tips om digitala verktyg i vår arbetsgemenskap.', 'We share tips on using digital tools in our work community.'),
    ('colleagues', 'colleagues-6', 6, 'Autan mielelläni työkavereitani digiasioissa.', 'Jag hjälper gärna mina arbetskamrater med digitala frågor.', 'I am happy to help my colleagues with digital matters.')
)
INSERT INTO framework_statements (area_id, code, position, text_fi, text_sv, text_en)
SELECT framework_areas.id, statement.code, statement.position, statement.text_fi, statement.text_sv, statement.text_en
FROM statement
JOIN framework_areas ON framework_areas.code = statement.area
WHERE framework_areas.framework_id = (SELECT id FROM draft);

-- Target levels for everyone (no sector, no job group), on competence areas only: factors describe
-- the workplace, not a person's competence. Basics and security matter to every job, hence higher.
WITH draft AS (
    SELECT id FROM frameworks WHERE organisation_id IS NULL AND code = 'digiosaaminen' AND status = 'draft'
),
target (area, level) AS (VALUES
    ('ict-basics', 4.0),
    ('digital-work', 3.5),
    ('digital-solutions', 3.5),
    ('information-security', 4.0),
    ('ethics', 3.5),
    ('client-guidance', 3.5)
)
INSERT INTO framework_targets (area_id, sector_id, job_group, level)
SELECT framework_areas.id, NULL, NULL, target.level
FROM target
JOIN framework_areas ON framework_areas.code = target.area
WHERE framework_areas.framework_id = (SELECT id FROM draft);

-- Publishing freezes the framework (see the triggers of 0003).
UPDATE frameworks SET status = 'published', version = 1, published_at = '2026-01-01 00:00:00.000'
WHERE organisation_id IS NULL AND code = 'digiosaaminen' AND status = 'draft';
