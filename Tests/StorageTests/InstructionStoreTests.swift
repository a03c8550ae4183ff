import Foundation
import GRDB
import Testing
@testable import Storage

@Suite("Instruction store")
struct InstructionStoreTests {
    func draft(_ organisationID: Int64, _ title: String, _ body: String, system: String = "", language: String = "fi",
               pinned: Bool = false, reviewedOn: String = "2026-06-01", months: Int = 12) -> InstructionDraft {
        InstructionDraft(instruction: Instruction(organisationID: organisationID, title: title, body: body, systemName: system,
                                                  language: language, pinned: pinned, reviewedOn: reviewedOn,
                                                  reviewIntervalMonths: months))
    }

    /// A small library: Finnish and Swedish, one pinned.
    func library(_ staff: StaffFixture) throws -> [Stored<Instruction>] {
        try InstructionStore(staff.temporary.database).createMany([
            draft(staff.organisationID, "Salasanan vaihtaminen", "Vaihda **salasana** kerran vuodessa. Hyvä salasana on pitkä.",
                  system: "Työtunnus"),
            draft(staff.organisationID, "Päiväkoti ja tabletti", "Lasten läsnäolot kirjataan päiväkodin tabletilla."),
            draft(staff.organisationID, "Sähköposti", "Outlookissa voit myös vaihtaa salasanan asetuksista.", system: "Outlook"),
            draft(staff.organisationID, "Byta lösenord", "Lösenordet byts var tolfte månad.", language: "sv"),
            draft(staff.organisationID, "Tekoälyn käyttö", "Älä syötä henkilötietoja.", pinned: true),
        ])
    }

    @Test func searchFindsPrefixesFoldsDiacriticsAndRanksTitlesFirst() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = InstructionStore(staff.temporary.database)
        let stored = try library(staff)
        let organisation = staff.organisationID
        // A prefix finds the whole word; the instruction with it in the title ranks above one with it in the text.
        let password = try store.search("salasan", organisationID: organisation)
        #expect(password.map(\.instruction.id) == [stored[0].id, stored[2].id])
        // The snippet marks the words found, and carries no Markdown.
        let snippet = try #require(password.first?.snippet)
        #expect(snippet.contains("\u{E000}salasana\u{E001}") && !snippet.contains("**"))
        // ä and ö fold both ways: typed without them, or with them.
        #expect(try store.search("paivakoti", organisationID: organisation).map(\.instruction.id) == [stored[1].id])
        #expect(try store.search("PÄIVÄKOD", organisationID: organisation).map(\.instruction.id) == [stored[1].id])
        // Swedish: å and ö fold too.
        #expect(try store.search("losen", organisationID: organisation).map(\.instruction.id) == [stored[3].id])
        #expect(try store.search("lösenordet", organisationID: organisation).map(\.instruction.id) == [stored[3].id])
        // Every word is required; the system is searched too.
        #expect(try store.search("salasana outlook", organisationID: organisation).map(\.instruction.id) == [stored[2].id])
        #expect(try store.search("työtunnus", organisationID: organisation).map(\.instruction.id) == [stored[0].id])
        // Filters apply to search: language.
        #expect(try store.search("salasan", organisationID: organisation, InstructionFilter(language: "sv")).isEmpty)
        // Another organisation's library is another.
        let other = try staff.otherOrganisation()
        #expect(try store.search("salasan", organisationID: other.id).isEmpty)
    }

    @Test(arguments: ["", "   ", "\"", "\"salasan", "*", "salasan*", "NEAR", "NEAR(salasana tabletti)", "-salasana", "a OR b AND NOT c",
                      "title:salasana", "^salasana", "((", "salasana\"\"", "💥", "{title body}: x", "\u{E000}", "''; DROP TABLE instructions; --"])
    func hostileQueriesNeverFail(_ query: String) throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        _ = try library(staff)
        let store = InstructionStore(staff.temporary.database)
        let hits = try store.search(query, organisationID: staff.organisationID)
        if query.lowercased().contains("salasan") && !query.contains("NEAR") && !query.contains(":") {
            #expect(!hits.isEmpty, "\(query) should still find the password instruction")
        }
        #expect(try store.instructions(organisationID: staff.organisationID).count == 5)
    }

    @Test func theQueryIsMadeOfQuotedPrefixTermsOnly() {
        #expect(InstructionSearchText.matchQuery("salasan") == "\"salasan\"*")
        #expect(InstructionSearchText.matchQuery("NEAR(\"a\" -b*)") == "\"near\"* \"a\"* \"b\"*")
        #expect(InstructionSearchText.matchQuery("  \"*-  ") == nil)
        #expect(InstructionSearchText.matchQuery(String(repeating: "a ", count: 30))?.components(separatedBy: " ").count == 8)
    }

    @Test func reviewIsDueAnIntervalLaterAndTheFilterFindsTheOverdue() throws {
        #expect(InstructionReview.dueOn(reviewedOn: "2026-01-31", months: 1) == "2026-02-28")
        #expect(InstructionReview.dueOn(reviewedOn: "2023-11-30", months: 3) == "2024-02-29")
        #expect(InstructionReview.dueOn(reviewedOn: "2026-06-15", months: 12) == "2027-06-15")
        #expect(InstructionReview.dueOn(reviewedOn: "2026-13-01", months: 1) == nil)
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = InstructionStore(staff.temporary.database)
        let old = try store.create(draft(staff.organisationID, "Vanha", "x", reviewedOn: "2025-01-10", months: 12))
        let fresh = try store.create(draft(staff.organisationID, "Tuore", "x", reviewedOn: "2026-11-01", months: 6))
        #expect(old.reviewDueOn == "2026-01-10" && old.record.needsReview(on: "2026-01-11") && !old.record.needsReview(on: "2026-01-10"))
        let due = try store.instructions(organisationID: staff.organisationID, InstructionFilter(reviewDueBefore: "2026-12-07"))
        #expect(due.map(\.id) == [old.id])
        // A review moves the due day on.
        try store.markReviewed(old.id, on: "2026-12-07", by: nil)
        #expect(try store.instruction(id: old.id)?.instruction.reviewDueOn == "2027-12-07")
        #expect(try store.instructions(organisationID: staff.organisationID, InstructionFilter(reviewDueBefore: "2026-12-07")).isEmpty)
        #expect(fresh.reviewDueOn == "2027-05-01")
    }

    @Test func pinnedFirstRetiredHiddenAndTheIndexFollowsChanges() throws {
        let staff = try StaffFixture()
        defer { staff.remove() }
        let store = InstructionStore(staff.temporary.database)
        let stored = try library(staff)
        #expect(try store.instructions(organisationID: staff.organisationID).first?.id == stored[4].id)
        try store.setRetired(stored[0].id, true, by: nil)
        #expect(try store.search("salasan", organisationID: staff.organisationID).map(\.instruction.id) == [stored[2].id])
        #expect(try store.instructions(organisationID: staff.organisationID).count == 4)
        #expect(try store.instructions(organisationID: staff.organisationID, InstructionFilter(includeRetired: true)).count == 5)
        // An edit reindexes in the same transaction: the old words go, the new ones are found.
        var changed = draft(staff.organisationID, "Tulostaminen", "Turvatulostus kulkukortilla.")
        changed.links = [InstructionLink(title: "Video", url: "https://intra.example.fi/v")]
        try store.update(stored[1].id, changed)
        #expect(try store.search("tabletti", organisationID: staff.organisationID).isEmpty)
        #expect(try store.search("kulkukort", organisationID: staff.organisationID).map(\.instruction.id) == [stored[1].id])
        #expect(try store.instruction(id: stored[1].id)?.links.map(\.url) == ["https://intra.example.fi/v"])
    }
}
