import Foundation
import GRDB
import Testing
@testable import Storage

/// A draft copied from the shipped framework, in a fresh organisation.
private struct DraftFixture {
    let staff: StaffFixture
    let draft: Stored<Framework>
    var draftID: Int64 { draft.id }
    var store: FrameworkStore { FrameworkStore(staff.temporary.database) }
    var editor: FrameworkStore { FrameworkStore(staff.temporary.database) }

    init() throws {
        staff = try StaffFixture()
        let store = FrameworkStore(staff.temporary.database)
        let shipped = try #require(try store.frameworks(organisationID: staff.organisationID)
            .first { $0.organisationID == nil && $0.status == .published })
        draft = try store.createDraft(copying: shipped.id, organisationID: staff.organisationID)
    }

    func content() throws -> FrameworkContent {
        try #require(try store.content(frameworkID: draftID))
    }

    func remove() { staff.remove() }
}

private func text(_ fi: String, _ sv: String = "", _ en: String = "") -> LocalisedText {
    LocalisedText(fi: fi, sv: sv, en: en)
}

@Suite("Framework draft editing")
struct FrameworkEditingTests {
    @Test func namesAndScaleLabelsChangeAndAreTrimmed() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        try fixture.editor.updateFramework(id: fixture.draftID, name: text(" Oma mittari ", "Egen", "Own"),
                                           cantSay: text("En tiedä", "Vet ej", "Don't know"))
        var labels: [Int: LocalisedText] = [:]
        for value in 1...5 { labels[value] = text("Taso \(value)", "Nivå \(value)", "Level \(value)") }
        try fixture.editor.updateScaleLabels(frameworkID: fixture.draftID, labels: labels)

        let content = try fixture.content()
        #expect(content.framework.name == text("Oma mittari", "Egen", "Own"))
        #expect(content.framework.cantSay.fi == "En tiedä")
        #expect(content.labels.map(\.labelFi) == (1...5).map { "Taso \($0)" })
        #expect(content.labels.last?.label.en == "Level 5")

        #expect(throws: StorageError.invalid("The framework needs a Finnish name.")) {
            try fixture.editor.updateFramework(id: fixture.draftID, name: text(" ", "Egen"), cantSay: text("x"))
        }
        labels[6] = text("Kuusi")
        #expect(throws: StorageError.invalid("Give a label for every point of the scale 1–5.")) {
            try fixture.editor.updateScaleLabels(frameworkID: fixture.draftID, labels: labels)
        }
        labels[6] = nil
        labels[3] = text("", "Tre")
        #expect(throws: StorageError.invalid("The scale point 3 needs a Finnish label.")) {
            try fixture.editor.updateScaleLabels(frameworkID: fixture.draftID, labels: labels)
        }
        #expect(try fixture.content().labels[2].labelFi == "Taso 3", "a refused change leaves every label as it was")
    }

    @Test func areasAreAddedLastUpdatedMovedAndDeleted() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        let before = try fixture.content().areas
        let added = try fixture.editor.addArea(frameworkID: fixture.draftID, code: "ai-use", kind: .competence,
                                               name: text("Tekoäly", "AI", "AI"), description: text("Kuvaus"))
        var areas = try fixture.content().areas
        #expect(areas.count == before.count + 1)
        #expect(areas.last?.area == added)
        #expect(added.position == (before.map(\.area.position).max() ?? 0) + 1)

        let areaID = added.id
        try fixture.editor.updateArea(id: areaID, code: "ai", kind: .factor, name: text("Tekoäly työssä"),
                                      description: text(""))
        try fixture.editor.moveArea(id: areaID, .up)
        areas = try fixture.content().areas
        #expect(areas[areas.count - 2].area.code == "ai")
        #expect(areas[areas.count - 2].area.kind == .factor)
        #expect(areas[areas.count - 2].area.nameFi == "Tekoäly työssä")
        #expect(areas.map(\.area.position) == Array(1...areas.count), "moving renumbers the positions")

        let firstID = try #require(areas.first?.area.id)
        try fixture.editor.moveArea(id: firstID, .up)
        #expect(try fixture.content().areas.first?.area.id == firstID, "the first area stays first")

        try fixture.editor.deleteArea(id: areaID)
        #expect(try fixture.content().areas.map(\.area.code) == before.map(\.area.code))
    }

    @Test func areaCodesAreCheckedAndUniqueInTheFramework() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        let existing = try #require(try fixture.content().areas.first?.area)
        let bad = StorageError.invalid("An area code uses lowercase letters a–z, digits and '-', starts with a "
            + "letter or digit, and is at most 40 characters.")
        for code in ["", "Isot", "väli lyönti", "-alku", "ä", String(repeating: "a", count: 41)] {
            #expect(throws: bad, "code \(code)") {
                try fixture.editor.addArea(frameworkID: fixture.draftID, code: code, kind: .competence,
                                           name: text("Nimi"), description: text(""))
            }
        }
        #expect(throws: StorageError.conflict("The framework already has an area with the code “\(existing.code)”.")) {
            try fixture.editor.addArea(frameworkID: fixture.draftID, code: existing.code, kind: .competence,
                                       name: text("Nimi"), description: text(""))
        }
        let second = try #require(try fixture.content().areas.dropFirst().first?.area)
        #expect(throws: StorageError.conflict("The framework already has an area with the code “\(existing.code)”.")) {
            try fixture.editor.updateArea(id: second.id, code: existing.code, kind: .competence,
                                          name: text("Nimi"), description: text(""))
        }
        #expect(throws: StorageError.invalid("The area needs a Finnish name.")) {
            try fixture.editor.updateArea(id: second.id, code: second.code, kind: .competence,
                                          name: text("", "Namn"), description: text(""))
        }
        // Keeping its own code is no clash.
        try fixture.editor.updateArea(id: second.id, code: second.code, kind: second.kind,
                                      name: text("Uusi nimi"), description: text(""))
        #expect(try fixture.content().areas[1].area.nameFi == "Uusi nimi")
    }

    @Test func statementsAreAddedWithNewCodesEditedMovedAndDeleted() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        let area = try #require(try fixture.content().areas.first)
        let areaID = area.area.id
        let added = try fixture.editor.addStatement(areaID: areaID, text: text(" Osaan uuden asian. ", "Ny", "New"))
        #expect(added.textFi == "Osaan uuden asian.")
        #expect(!area.statements.map(\.code).contains(added.code))
        #expect(added.code.hasPrefix(area.area.code + "-"))
        #expect(added.position == (area.statements.map(\.position).max() ?? 0) + 1)

        let addedID = added.id
        try fixture.editor.updateStatement(id: addedID, text: text("Muutettu", "Ändrad", "Changed"))
        try fixture.editor.moveStatement(id: addedID, .up)
        var statements = try #require(try fixture.content().areas.first?.statements)
        #expect(statements[statements.count - 2].id == addedID)
        #expect(statements[statements.count - 2].text == text("Muutettu", "Ändrad", "Changed"))
        #expect(statements[statements.count - 2].code == added.code, "editing keeps the code")

        #expect(throws: StorageError.invalid("The statement needs a Finnish text.")) {
            try fixture.editor.updateStatement(id: addedID, text: text("  ", "Bara svenska"))
        }
        try fixture.editor.deleteStatement(id: addedID)
        statements = try #require(try fixture.content().areas.first?.statements)
        #expect(statements.map(\.code) == area.statements.map(\.code))
    }

    @Test func newStatementCodesNeverTakeAnUsedOne() {
        #expect(FrameworkStore.newStatementCode(area: "a", taken: []) == "a-1")
        #expect(FrameworkStore.newStatementCode(area: "a", taken: ["a-1", "a-3"]) == "a-4")
        #expect(FrameworkStore.newStatementCode(area: "a", taken: ["old-1", "old-2"]) == "a-3")
    }

    @Test func targetLevelsForEveryoneSectorsAndJobGroups() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        let areaID = try #require(try fixture.content().areas.first?.area.id)
        let sector = try fixture.staff.sectors.create(organisationID: fixture.staff.organisationID, name: "Opetus")
        let sectorID = sector.id
        try fixture.editor.setTarget(areaID: areaID, scope: .everyone, level: 3.5)
        try fixture.editor.setTarget(areaID: areaID, scope: .sector(sectorID), level: 4)
        try fixture.editor.setTarget(areaID: areaID, scope: .jobGroup(" Lastenhoitajat "), level: 5)
        try fixture.editor.setTarget(areaID: areaID, scope: .sector(sectorID), level: 4.5)

        var targets = try #require(try fixture.content().areas.first?.targets)
        #expect(targets.count == 3, "setting a scope again replaces its level")
        #expect(targets.first { $0.sectorID == nil && $0.jobGroup == nil }?.level == 3.5)
        #expect(targets.first { $0.sectorID == sectorID }?.level == 4.5)
        #expect(targets.first { $0.jobGroup == "Lastenhoitajat" }?.level == 5)

        try fixture.editor.setTarget(areaID: areaID, scope: .jobGroup("Lastenhoitajat"), level: nil)
        targets = try #require(try fixture.content().areas.first?.targets)
        #expect(targets.count == 2)
        #expect(!targets.contains { $0.jobGroup != nil })

        #expect(throws: StorageError.invalid("The target level must be between 1 and 5.")) {
            try fixture.editor.setTarget(areaID: areaID, scope: .everyone, level: 6)
        }
        #expect(throws: StorageError.invalid("The target level must be between 1 and 5.")) {
            try fixture.editor.setTarget(areaID: areaID, scope: .everyone, level: 0.5)
        }
        #expect(try fixture.content().areas.first?.targets.first { $0.sectorID == nil && $0.jobGroup == nil }?.level
            == 3.5, "a refused level leaves the old one")
        let other = try fixture.staff.otherOrganisation()
        let foreign = try fixture.staff.sectors.create(organisationID: other.id, name: "Muu")
        #expect(throws: StorageError.invalid("Choose one of the organisation's sectors.")) {
            try fixture.editor.setTarget(areaID: areaID, scope: .sector(foreign.id), level: 3)
        }
        #expect(throws: StorageError.invalid("Name the job group.")) {
            try fixture.editor.setTarget(areaID: areaID, scope: .jobGroup("  "), level: 3)
        }
    }

    @Test func aPublishedVersionRefusesEveryEdit() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        let content = try fixture.content()
        let area = try #require(content.areas.first)
        let areaID = area.area.id
        let statementID = try #require(area.statements.first?.id)
        _ = try fixture.store.publish(draftID: fixture.draftID)

        let refused = StorageError.invalid("A published framework cannot be changed; start a new draft from it.")
        let edits: [(String, () throws -> Void)] = [
            ("name", { try fixture.editor.updateFramework(id: fixture.draftID, name: text("X"), cantSay: text("Y")) }),
            ("labels", { try fixture.editor.updateScaleLabels(frameworkID: fixture.draftID, labels: [:]) }),
            ("add area", {
                _ = try fixture.editor.addArea(frameworkID: fixture.draftID, code: "new", kind: .factor,
                                               name: text("Uusi"), description: text(""))
            }),
            ("update area", {
                try fixture.editor.updateArea(id: areaID, code: "x", kind: .factor, name: text("X"),
                                              description: text(""))
            }),
            ("move area", { try fixture.editor.moveArea(id: areaID, .down) }),
            ("delete area", { try fixture.editor.deleteArea(id: areaID) }),
            ("add statement", { _ = try fixture.editor.addStatement(areaID: areaID, text: text("X")) }),
            ("update statement", { try fixture.editor.updateStatement(id: statementID, text: text("X")) }),
            ("move statement", { try fixture.editor.moveStatement(id: statementID, .down) }),
            ("delete statement", { try fixture.editor.deleteStatement(id: statementID) }),
            ("target", { try fixture.editor.setTarget(areaID: areaID, scope: .everyone, level: 2) }),
        ]
        for (name, edit) in edits {
            #expect(throws: refused, "\(name)") { try edit() }
        }
        var unchanged = try fixture.content()
        unchanged.framework = content.framework
        #expect(unchanged == content, "nothing but the publishing itself changed")
    }

    @Test func unknownRecordsAreNotFound() throws {
        let fixture = try DraftFixture()
        defer { fixture.remove() }
        #expect(throws: StorageError.notFound) { try fixture.editor.deleteArea(id: 999_999) }
        #expect(throws: StorageError.notFound) { try fixture.editor.updateStatement(id: 999_999, text: text("X")) }
        #expect(throws: StorageError.notFound) {
            try fixture.editor.updateFramework(id: 999_999, name: text("X"), cantSay: text("Y"))
        }
    }
}
