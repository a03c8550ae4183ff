import Foundation
import Metrics
@testable import App
@testable import Storage

/// Järvelä's onboarding templates and Aino's (the matrix's employee) checklist, for the page tests
/// and the access matrix.
enum OnboardingFixture {
    static func item(_ key: String, _ title: String, _ party: OnboardingResponsibleParty, offset: Int,
                     training: Int64? = nil) -> OnboardingItemContent {
        OnboardingItemContent(key: key, title: LocalisedText(fi: title, sv: title + " (sv)", en: title + " (en)"), responsible: party,
                              offsetDays: offset, trainingID: training)
    }

    /// The organisation's template (five items, one for the tutor) and Varhaiskasvatus' (one item
    /// that replaces the organisation's intranet item, and one of its own); the organisation's id.
    @discardableResult
    static func templates(_ test: TestApp, _ world: World, training: Int64? = nil) throws -> Int64 {
        let store = OnboardingStore(test.database)
        let organisation = try store.createTemplate(
            OnboardingTemplate(organisationID: world.jarvela.id, layer: .organisation, name: "Järvelän digiperehdytys"),
            items: [
                item("account", "Käyttäjätunnus luotu", .it, offset: -3),
                item("email", "Sähköposti ja kalenteri", .employee, offset: 0),
                item("intranet", "Intranet", .employee, offset: 1),
                item("privacy", "Tietosuojakoulutus", .employee, offset: 14, training: training),
                item("tutor", "Tapaa digitutor", .digitutor, offset: 7),
            ], changelog: "", by: nil)
        let sectorID = try requireValue(world.unitA.sectorID, "sector")
        _ = try store.createTemplate(
            OnboardingTemplate(organisationID: world.jarvela.id, layer: .sector, sectorID: sectorID, name: "Varhaiskasvatus"),
            items: [
                item("intranet", "Varhaiskasvatuksen intranet", .employee, offset: 2),
                item("daycare-app", "Päiväkotisovellus", .supervisor, offset: 3),
            ], changelog: "", by: nil)
        return organisation.id
    }

    /// Aino started ten days ago and has her checklist; its id.
    static func ainoChecklist(_ test: TestApp, _ world: World, training: Int64? = nil) throws -> Int64 {
        try templates(test, world, training: training)
        var aino = world.employeeA
        aino.startDate = CivilDay.today().adding(days: -10).iso
        try EmployeeStore(test.database).update(aino)
        guard case .started(let id) = try test.app.startOnboarding(for: aino, how: .byHand, by: nil) else {
            throw TestFailure("no checklist started")
        }
        return id
    }

    /// The first item of the template's newest version.
    static func templateItemID(_ test: TestApp, _ templateID: Int64) throws -> Int64 {
        let store = OnboardingStore(test.database)
        let summary = try requireValue(try store.template(id: templateID), "template")
        return try requireValue(try store.items(versionID: summary.latestVersionID).first, "item").id
    }

    static func itemID(_ test: TestApp, _ checklistID: Int64, key: String) throws -> Int64 {
        guard let item = try OnboardingStore(test.database).checklist(id: checklistID)?.items.first(where: { $0.key == key }) else {
            throw TestFailure("no item \(key)")
        }
        return item.id
    }
}

/// The value, or a test failure naming what was missing.
func requireValue<T>(_ value: T?, _ what: String = "value") throws -> T {
    guard let value else { throw TestFailure("no \(what)") }
    return value
}
