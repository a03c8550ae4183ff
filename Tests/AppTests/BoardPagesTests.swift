import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

/// Digivinkit through its pages: posting, finding, answering, solving, useful and adoptions,
/// anonymity, moderation, photos, rate limits and payloads.
@Suite("Digivinkit board")
struct BoardPagesTests {
    let pages = TrainingPagesTests()

    @Test func postsAreFoundByInflectedPrefixesSwedishAndFoldedLetters() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let tip = try BoardFixture.create(&aino, title: "Salasanan vaihto puhelimella",
                                          body: "Vaihda **salasana** ennen lomaa. Sähköposti toimii sen jälkeen heti.")
        let question = try BoardFixture.create(&aino, kind: "question", title: "Miten Teams-kokous nauhoitetaan?", body: "")
        var bertta = try pages.employeeBrowser(test, "bertta", world.employeeB)
        _ = try BoardFixture.create(&bertta, title: "Byt lösenord före semestern", body: "Gör det i god tid.",
                                    extra: [("language", "sv")])

        let front = try aino.get("/board").text
        #expect(front.contains("Salasanan vaihto puhelimella") && front.contains("Byt lösenord före semestern"))
        #expect(front.contains("/board/\(tip)") && front.contains("/board/\(question)"))
        // "salasan" finds "Salasanan" and "salasana"; "sahkoposti" finds "Sähköposti"; "losen" finds "lösenord".
        for (query, expected) in [("salasan", "Salasanan vaihto"), ("sahkoposti", "Salasanan vaihto"), ("SALASANOJA", nil),
                                  ("losen", "Byt lösenord"), ("lösenord", "Byt lösenord"), ("nauhoit", "Teams-kokous"),
                                  ("\"OR* NEAR(", nil)] {
            let found = try aino.get("/board?q=" + TestApp.encode(query))
            #expect(found.status.code == 200, "\(query)")
            if let expected {
                #expect(found.text.contains(expected), "\(query) should find \(expected)")
                #expect(found.text.contains("<mark>"), "\(query): the matched words are marked")
            }
        }
        // An answer's words find its question.
        #expect(try pages.post(&aino, "/board/\(question)/answers", [("body", "Valitse Lisää toimintoja ja tallennus.")]).status.code == 303)
        #expect(try aino.get("/board?q=tallennu").text.contains("Miten Teams-kokous nauhoitetaan?"))
        // Filters: only questions; the tip is not among them.
        let questions = try aino.get("/board?kind=question").text
        #expect(questions.contains("Teams-kokous") && !questions.contains("Salasanan vaihto"))
        // The title is required; the text of a tip too. The form comes back with the messages.
        let empty = try BoardFixture.post(&aino, [("kind", "tip"), ("title", " "), ("body", "")])
        #expect(empty.status.code == 422 && empty.text.contains("error-summary") && empty.text.contains("Kirjoita teksti."))
    }

    /// The best matches of the index are read first; when they are all posts the reader cannot see,
    /// the search still finds the visible one.
    @Test func aSearchFindsTheVisiblePostBehindManyInvisibleBetterMatches() throws {
        let test = try TestApp()
        let world = try World(test)
        let store = BoardStore(test.database)
        let aino = try #require(try UserStore(test.database).user(loginOrEmail: "tyontekija"))
        for number in 1...100 {
            _ = try store.create(BoardPost(organisationID: world.koskenkyla.id, kind: .tip, title: "Kalenteri kalenteri \(number)",
                                           body: "Kalenterin jakaminen kalenteri", authorUserID: aino.id))
        }
        _ = try store.create(BoardPost(organisationID: world.jarvela.id, kind: .tip, title: "Jaa kalenteri tiimille",
                                       body: "Näin se käy.", authorUserID: aino.id))
        var browser = try test.staffBrowser("tyontekija")
        let page = try browser.get("/board?q=kalenter").text
        #expect(page.contains("Jaa kalenteri tiimille") && !page.contains("Kalenteri kalenteri"))
    }

    @Test func anAnonymousQuestionNamesNoOneButToItsModerators() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let id = try BoardFixture.create(&aino, kind: "question", title: "Tyhmä kysymys: mikä on OneDrive?", body: "",
                                         extra: [("anonymous", "yes")])
        #expect(try pages.post(&aino, "/board/\(id)/answers", [("body", "Lisätään: käytän puhelinta.")]).status.code == 303)

        var eero = try pages.employeeBrowser(test, "eero", world.employeeA1)
        for page in [try eero.get("/board").text, try eero.get("/board/\(id)").text, try eero.get("/board?q=onedrive").text,
                     try eero.get("/board?kind=question&state=unsolved").text] {
            #expect(!page.contains("Aino") && !page.contains("Aaltonen"), "the asker's name leaked")
            #expect(page.contains("Nimetön kysyjä") || page.contains("Kysyjä"))
        }
        let thread = try eero.get("/board/\(id)").text
        #expect(thread.contains("Moderaattorit näkevät sen") && thread.contains("Kysyjä"))
        // The asker sees it is theirs; HR (a moderator) sees who asked, marked as anonymous.
        #expect(try aino.get("/board/\(id)").text.contains("Sinä (nimettömänä)"))
        var hr = try test.staffBrowser("hr")
        let moderated = try hr.get("/board/\(id)").text
        #expect(moderated.contains("Aino Aaltonen (kysyi nimettömänä)") && moderated.contains("Moderaattorina näet kysyjän"))
        // A supervisor is not a moderator.
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(!(try supervisor.get("/board/\(id)").text.contains("Aaltonen")))
        // A tip cannot be anonymous.
        let tip = try BoardFixture.create(&aino, title: "Vinkki nimellä", extra: [("anonymous", "yes")])
        #expect(try BoardStore(test.database).listing(id: tip)?.post.anonymous == false)
    }

    @Test func answersAreMarkedSolvingByTheAskerATutorOrAModeratorOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let id = try BoardFixture.create(&aino, kind: "question", title: "Lomahakemus ei lähde", body: "Nappi on harmaa.")
        var eero = try BoardFixture.eeroTutor(test, world)
        #expect(try pages.post(&eero, "/board/\(id)/answers", [("body", "Täytä ensin sijaisen kenttä.")]).status.code == 303)
        let answerID = try #require(try BoardStore(test.database).answers(postID: id, includeHidden: false).first?.answer.id)
        #expect(try eero.get("/board/\(id)").text.contains("Digitutor"))
        let others = [try pages.employeeBrowser(test, "bertta", world.employeeB), try test.staffBrowser("esihenkilo.b")]
        for browser in others {
            var someone = browser
            #expect(try pages.post(&someone, "/board/\(id)/answers/\(answerID)/solves", [("solves", "1")]).status.code == 404)
        }
        #expect(try pages.post(&aino, "/board/\(id)/answers/\(answerID)/solves", [("solves", "1")]).status.code == 303)
        #expect(try BoardStore(test.database).listing(id: id)?.post.solved == true)
        #expect(try aino.get("/board?state=solved").text.contains("Lomahakemus ei lähde"))
        #expect(!(try aino.get("/board?state=unsolved").text.contains("Lomahakemus ei lähde")))
        // A solved question becomes a tip: not by the asker (who may be anonymous), by a tutor.
        #expect(try pages.post(&aino, "/board/\(id)/tip", []).status.code == 404)
        let made = try pages.post(&eero, "/board/\(id)/tip", [])
        #expect(made.status.code == 303)
        let tipID = try #require(try BoardStore(test.database).tipMade(fromQuestion: id))
        let tip = try eero.get("/board/\(tipID)").text
        #expect(tip.contains("Täytä ensin sijaisen kenttä.") && tip.contains("Tehty ratkaistusta kysymyksestä"))
        #expect(try eero.get("/board/\(id)").text.contains("Tästä kysymyksestä on tehty vinkki"))
        // The tutor unmarks: the question is unsolved again.
        #expect(try pages.post(&eero, "/board/\(id)/answers/\(answerID)/solves", [("solves", "0")]).status.code == 303)
        #expect(try BoardStore(test.database).listing(id: id)?.post.solved == false)
    }

    @Test func usefulIsPrivateAndLightAdoptionsAreVisiblePerUnitAndOrganisation() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let practice = try BoardFixture.create(&aino, kind: "practice", title: "Digivartti päiväunien aikaan",
                                               body: "Pidimme vartin mittaisia vinkkejä.",
                                               extra: [("how", "- Valitse aihe\n- Näytä tabletilla"), ("tools", "Tabletti"),
                                                       ("time_taken", "Kuukausi"), ("contact", "Aino"), ("shared", "yes")])
        var eero = try pages.employeeBrowser(test, "eero", world.employeeA1)
        #expect(try pages.post(&eero, "/board/\(practice)/useful", []).status.code == 303)
        #expect(try BoardStore(test.database).listing(id: practice)?.post.usefulCount == 1)
        #expect(try pages.post(&eero, "/board/\(practice)/useful", []).status.code == 303)
        #expect(try BoardStore(test.database).listing(id: practice)?.post.usefulCount == 0)
        // "We adopted this": Aino's unit, the supervisor of B for unit B, and Koskenkylä's school.
        #expect(try pages.post(&aino, "/board/\(practice)/adoption",
                               [("unit_id", String(world.unitA.id)), ("how_it_went", "Toimii hyvin")]).status.code == 303)
        var supervisorB = try test.staffBrowser("esihenkilo.b")
        #expect(try pages.post(&supervisorB, "/board/\(practice)/adoption", [("unit_id", String(world.unitB.id))]).status.code == 303)
        var kalle = try BoardFixture.kalle(test, world)
        #expect(try pages.post(&kalle, "/board/\(practice)/adoption", [("unit_id", String(world.unitC.id))]).status.code == 303)
        // Not for a unit that is not theirs; adopting twice updates the note, not the count.
        #expect(try pages.post(&kalle, "/board/\(practice)/adoption", [("unit_id", String(world.unitA.id))]).status.code == 400)
        #expect(try pages.post(&aino, "/board/\(practice)/adoption",
                               [("unit_id", String(world.unitA.id)), ("how_it_went", "Toimii yhä")]).status.code == 303)
        let page = try eero.get("/board/\(practice)").text
        #expect(page.contains("Otettu käyttöön 3 yksikössä, 2 organisaatiossa."))
        #expect(page.contains("Päiväkoti Satakieli, Järvelä") && page.contains("Koskenkylän koulu, Koskenkylä") && page.contains("Toimii yhä"))
        #expect(try BoardStore(test.database).listing(id: practice)?.post.adoptionCount == 3)
        #expect(try eero.get("/board?sort=adopted").text.contains("3 yksikköä otti käyttöön"))
        // Withdrawn: the count follows.
        #expect(try pages.post(&kalle, "/board/\(practice)/adoption",
                               [("unit_id", String(world.unitC.id)), ("action", "withdraw")]).status.code == 303)
        #expect(try BoardStore(test.database).listing(id: practice)?.post.adoptionCount == 2)
        // Only practices are adopted.
        let tip = try BoardFixture.create(&aino, title: "Pelkkä vinkki")
        #expect(try pages.post(&aino, "/board/\(tip)/adoption", [("unit_id", String(world.unitA.id))]).status.code == 404)
    }

    @Test func sharedPostsReachTheRegionAndOthersStayHome() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let home = try BoardFixture.create(&aino, title: "Vain Järvelälle")
        let shared = try BoardFixture.create(&aino, title: "Koko alueelle", extra: [("shared", "yes")])
        var kalle = try BoardFixture.kalle(test, world)
        #expect(try kalle.get("/board/\(home)").status.code == 404)
        #expect(try kalle.get("/board/\(shared)").status.code == 200)
        let front = try kalle.get("/board").text
        #expect(front.contains("Koko alueelle") && !front.contains("Vain Järvelälle") && front.contains("Järvelä"))
        #expect(try pages.post(&kalle, "/board/\(home)/answers", [("body", "x")]).status.code == 404)
        #expect(try pages.post(&kalle, "/board/\(shared)/answers", [("body", "Meillä sama!")]).status.code == 303)
    }

    @Test func moderatorsHideWithAReasonLockAndAreNamedByHR() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let id = try BoardFixture.create(&aino, kind: "question", title: "Myyn vanhan työpuhelimen", body: "Soita.")
        var eero = try pages.employeeBrowser(test, "eero", world.employeeA1)
        #expect(try pages.post(&eero, "/board/\(id)/report", [("reason", "")]).status.code == 422)
        #expect(try pages.post(&eero, "/board/\(id)/report", [("reason", "Ei kuulu tänne")]).status.code == 303)
        #expect(try eero.get("/organisations/jarvela/board-moderation").status.code == 404)
        var hr = try test.staffBrowser("hr")
        let queue = try hr.get("/organisations/jarvela/board-moderation").text
        #expect(queue.contains("Myyn vanhan työpuhelimen") && queue.contains("Ei kuulu tänne"))
        #expect(try hr.get("/board").text.contains("1 ilmoitusta odottaa"))
        // Hiding needs a reason; then the post is gone for others and kept, with the reason, for its writer.
        #expect(try pages.post(&hr, "/board/\(id)/hidden", [("action", "hide"), ("reason", "")]).status.code == 422)
        #expect(try pages.post(&hr, "/board/\(id)/hidden", [("action", "hide"), ("reason", "Kauppa ei kuulu palstalle")]).status.code == 303)
        #expect(try eero.get("/board/\(id)").status.code == 404)
        #expect(!(try eero.get("/board").text.contains("Myyn vanhan")))
        #expect(!(try eero.get("/board?q=myyn").text.contains("Myyn vanhan")))
        let own = try aino.get("/board/\(id)").text
        #expect(own.contains("Piilotettu") && own.contains("Kauppa ei kuulu palstalle"))
        #expect(try hr.get("/organisations/jarvela/board-moderation").text.contains("Ei käsittelemättömiä ilmoituksia."))
        let audit = try AuditStore(test.database).latest(limit: 10).map(\.action)
        #expect(audit.contains("board.hide") && audit.contains("board.report"))
        #expect(try pages.post(&hr, "/board/\(id)/hidden", [("action", "show")]).status.code == 303)
        // Locked: no new answers.
        #expect(try pages.post(&hr, "/board/\(id)/locked", [("action", "lock")]).status.code == 303)
        #expect(try pages.post(&eero, "/board/\(id)/answers", [("body", "Ostan")]).status.code == 409)
        // A supervisor is not a moderator; HR names Eero by HR number, and then he moderates.
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try pages.post(&supervisor, "/board/\(id)/locked", [("action", "unlock")]).status.code == 404)
        #expect(try pages.post(&hr, "/organisations/jarvela/board-moderation/moderators", [("hr_number", "9999")]).status.code == 422)
        #expect(try pages.post(&hr, "/organisations/jarvela/board-moderation/moderators", [("hr_number", "1002")]).status.code == 303)
        eero = try test.staffBrowser("eero")
        #expect(try pages.post(&eero, "/board/\(id)/locked", [("action", "unlock")]).status.code == 303)
        #expect(try eero.get("/organisations/jarvela/board-moderation").status.code == 200)
        // A named moderator does not name others; HR of another organisation does not moderate here.
        #expect(try pages.post(&eero, "/organisations/jarvela/board-moderation/moderators", [("hr_number", "1001")]).status.code == 404)
        var otherHR = try test.staffBrowser("hr.koskenkyla")
        #expect(try otherHR.get("/organisations/jarvela/board-moderation").status.code == 404)
        // An answer is hidden on its own, and its words leave the search.
        #expect(try pages.post(&aino, "/board/\(id)/answers", [("body", "Puhelin on jo myyty, kiitos")]).status.code == 303)
        let answerID = try #require(try BoardStore(test.database).answers(postID: id, includeHidden: false).last?.answer.id)
        #expect(try eero.get("/board?q=myyty").text.contains("Myyn vanhan"))
        #expect(try pages.post(&hr, "/board/\(id)/answers/\(answerID)/hidden",
                               [("action", "hide"), ("reason", "Asiaton")]).status.code == 303)
        #expect(!(try eero.get("/board?q=myyty").text.contains("Myyn vanhan")))
    }

    /// No payload in any field written by a user comes out as markup in any page.
    @Test func noPayloadInAnyFieldBecomesScript() throws {
        let test = try TestApp()
        let world = try World(test)
        let payloads = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[klik](javascript:alert(1))",
                        "\"><svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "{{t.board_title}}"]
        var aino = try test.staffBrowser("tyontekija")
        var ids: [Int64] = []
        for (index, payload) in payloads.enumerated() {
            ids.append(try BoardFixture.create(&aino, kind: "practice", title: "P\(index) \(payload)", body: payload,
                                               extra: [("how", payload), ("tools", payload), ("time_taken", payload),
                                                       ("contact", payload), ("shared", "yes")]))
            let id = try #require(ids.last)
            _ = try pages.post(&aino, "/board/\(id)/answers", [("body", payload)])
            _ = try pages.post(&aino, "/board/\(id)/adoption", [("unit_id", String(world.unitA.id)), ("how_it_went", payload)])
            _ = try pages.post(&aino, "/board/\(id)/report", [("reason", payload)])
        }
        var hr = try test.staffBrowser("hr")
        _ = try pages.post(&hr, "/board/\(ids[0])/hidden", [("action", "hide"), ("reason", payloads[1])])
        var kalle = try BoardFixture.kalle(test, world)
        var texts = [try aino.get("/board").text, try aino.get("/board?q=alert").text, try aino.get("/board?q=" + TestApp.encode(payloads[0])).text,
                     try hr.get("/organisations/jarvela/board-moderation").text, try kalle.get("/board").text]
        for id in ids {
            texts.append(try aino.get("/board/\(id)").text)
            texts.append(try hr.get("/board/\(id)").text)
        }
        for text in texts {
            #expect(!text.contains("<script>alert"), "a script tag came out")
            #expect(!text.contains("onerror=alert") && !text.contains("onload=alert") || text.contains("&lt;"), "an event handler came out")
            #expect(!text.contains("<img src=x") && !text.contains("<svg"), "markup came out")
            #expect(!text.contains("href=\"javascript:"), "a script link came out")
        }
    }

    @Test func postingIsRateLimitedPerPerson() throws {
        let test = try TestApp()
        _ = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        for number in 1...BoardLimits.postsPerHour {
            _ = try BoardFixture.create(&aino, title: "Vinkki \(number)")
        }
        let limited = try BoardFixture.post(&aino, [("kind", "tip"), ("title", "Yksi liikaa"), ("body", "x")])
        #expect(limited.status.code == 429 && limited.headers["Retry-After"] == "3600")
        #expect(limited.text.contains("Olet kirjoittanut tunnin sisällä jo paljon"))
        #expect(try BoardStore(test.database).list(visibleTo: try #require(try OrganisationStore(test.database).organisation(slug: "jarvela")).id,
                                                  BoardFilter(), pageSize: 50).count == BoardLimits.postsPerHour)
    }

    @Test func photosAreCheckedByTheirBytesStrippedAndServedSafely() throws {
        let test = try TestApp()
        let world = try World(test)
        var aino = try test.staffBrowser("tyontekija")
        let posted = try BoardFixture.post(&aino, [("kind", "tip"), ("title", "Kuvavinkki"), ("body", "Katso kuva.")],
                                           photo: (PhotoSanitiserTests.sampleJPEG, "IMG_0001.jpg", "image/jpeg"))
        #expect(posted.status.code == 303)
        let post = try #require(try BoardStore(test.database).list(visibleTo: world.jarvela.id, BoardFilter()).first?.post)
        let photoID = try #require(post.photoID)
        let page = try aino.get("/board/\(post.id)").text
        #expect(page.contains("src=\"/board/photos/\(photoID)\"") && page.contains("alt=\"Kuva: Kuvavinkki\""))
        let photo = try aino.get("/board/photos/\(photoID)")
        #expect(photo.status.code == 200 && photo.headers["Content-Type"] == "image/jpeg")
        #expect(photo.headers["X-Content-Type-Options"] == "nosniff")
        #expect(photo.headers["Content-Security-Policy"]?.contains("default-src 'none'") == true)
        guard case .bytes(let bytes) = photo.body else { throw TestFailure("no bytes") }
        #expect(bytes == PhotoSanitiserTests.cleanJPEG, "the Exif location and the comment are stripped")
        // An SVG (script-capable) named .jpg with an image type is refused by its bytes.
        let svg = Array("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8)
        let refused = try BoardFixture.post(&aino, [("kind", "tip"), ("title", "SVG"), ("body", "x")], photo: (svg, "kuva.jpg", "image/jpeg"))
        #expect(refused.status.code == 422 && refused.text.contains("Vain JPEG- ja PNG-kuvat käyvät."))
        // The photo of a post Koskenkylä cannot read is not served to Koskenkylä.
        var kalle = try BoardFixture.kalle(test, world)
        #expect(try kalle.get("/board/photos/\(photoID)").status.code == 404)
    }

    @Test func theDigitutorsPageListsUnansweredQuestionsOfTheirSectorAfter48Hours() throws {
        let test = try TestApp()
        let world = try World(test)
        var eero = try BoardFixture.eeroTutor(test, world)
        let users = UserStore(test.database)
        let aino = try #require(try users.user(loginOrEmail: "tyontekija"))
        let store = BoardStore(test.database)
        let sectorID = try #require(world.unitA.sectorID)
        let old = Date().addingTimeInterval(-3 * 86_400)
        _ = try store.create(BoardPost(organisationID: world.jarvela.id, kind: .question, title: "Vanha kysymys päiväkodista",
                                       body: "", sectorID: sectorID, authorUserID: aino.id, now: old))
        _ = try store.create(BoardPost(organisationID: world.jarvela.id, kind: .question, title: "Tuore kysymys", body: "",
                                       sectorID: sectorID, authorUserID: aino.id))
        _ = try store.create(BoardPost(organisationID: world.koskenkyla.id, kind: .question, title: "Koskenkylän kysymys", body: "",
                                       authorUserID: aino.id, now: old))
        let page = try eero.get("/my-digitutor-log").text
        #expect(page.contains("Vanha kysymys päiväkodista") && !page.contains("Tuore kysymys") && !page.contains("Koskenkylän kysymys"))
    }
}
