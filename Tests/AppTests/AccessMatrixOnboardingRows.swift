import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// Digital onboarding's rows (Aino's checklist): anonymous, employee, supervisor A, supervisor B,
    /// HR of the other organisation, HR, admin.
    static let onboardingRows: [Row] = {
        /// The new hire herself, her unit's supervisor, Järvelä's HR and administrators.
        let checklistReaders: [Outcome] = [S, A, A, H, H, A, A]
        /// Those who lead the unit: per-hire additions and removals.
        let leaders: [Outcome] = [S, H, A, H, H, A, A]
        /// The organisation's template: Järvelä's HR and administrators.
        let templateKeepers: [Outcome] = [S, H, H, H, H, A, A]
        return [
            Row(route: "GET /my-onboarding", path: { world, test in
                _ = try OnboardingFixture.ainoChecklist(test, world)
                return "/my-onboarding"
            }, expected: [S, A, H, H, H, H, H]),
            Row(route: "GET /onboarding/:checklistID", path: { world, test in
                "/onboarding/\(try OnboardingFixture.ainoChecklist(test, world))"
            }, expected: checklistReaders),
            Row(route: "POST /onboarding/:checklistID/items/:itemID", path: { world, test in
                let id = try OnboardingFixture.ainoChecklist(test, world)
                return "/onboarding/\(id)/items/\(try OnboardingFixture.itemID(test, id, key: "email"))"
            }, expected: checklistReaders),
            Row(route: "POST /onboarding/:checklistID/items", path: { world, test in
                "/onboarding/\(try OnboardingFixture.ainoChecklist(test, world))/items"
            }, expected: leaders),
            Row(route: "POST /onboarding/:checklistID/items/:itemID/remove", path: { world, test in
                let id = try OnboardingFixture.ainoChecklist(test, world)
                return "/onboarding/\(id)/items/\(try OnboardingFixture.itemID(test, id, key: "email"))/remove"
            }, expected: leaders),
            Row(route: "GET /units/:unitID/onboarding", path: { world, test in
                _ = try OnboardingFixture.ainoChecklist(test, world)
                return "/units/\(world.unitA.id)/onboarding"
            }, expected: [S, F, A, H, H, A, A]),
            Row(route: "POST /employees/:employeeID/onboarding", path: { world, test in
                try OnboardingFixture.templates(test, world)
                return "/employees/\(world.employeeA.id)/onboarding"
            }, expected: [S, F, A, H, H, A, A]),
            Row(route: "GET /organisations/:slug/onboarding-templates", path: { _, _ in "/organisations/jarvela/onboarding-templates" },
                expected: [S, F, F, F, H, A, A]),
            Row(route: "POST /organisations/:slug/onboarding-templates", path: { _, _ in "/organisations/jarvela/onboarding-templates" },
                expected: [S, F, F, F, H, A, A]),
            // A unit's own template: its supervisors only.
            Row(route: "POST /units/:unitID/onboarding-template", path: { world, _ in "/units/\(world.unitA.id)/onboarding-template" },
                expected: [S, F, A, H, H, H, H]),
            Row(route: "GET /onboarding-templates/:templateID", path: { world, test in
                "/onboarding-templates/\(try OnboardingFixture.templates(test, world))"
            }, expected: templateKeepers),
            Row(route: "POST /onboarding-templates/:templateID/items", path: { world, test in
                "/onboarding-templates/\(try OnboardingFixture.templates(test, world))/items"
            }, expected: templateKeepers),
            Row(route: "GET /onboarding-templates/:templateID/items/:itemID/edit", path: { world, test in
                let templateID = try OnboardingFixture.templates(test, world)
                return "/onboarding-templates/\(templateID)/items/\(try OnboardingFixture.templateItemID(test, templateID))/edit"
            }, expected: templateKeepers),
            Row(route: "POST /onboarding-templates/:templateID/items/:itemID", path: { world, test in
                let templateID = try OnboardingFixture.templates(test, world)
                return "/onboarding-templates/\(templateID)/items/\(try OnboardingFixture.templateItemID(test, templateID))"
            }, expected: templateKeepers),
            Row(route: "POST /onboarding-templates/:templateID/items/:itemID/remove", path: { world, test in
                let templateID = try OnboardingFixture.templates(test, world)
                return "/onboarding-templates/\(templateID)/items/\(try OnboardingFixture.templateItemID(test, templateID))/remove"
            }, expected: templateKeepers),
            Row(route: "POST /onboarding-templates/:templateID/review", path: { world, test in
                "/onboarding-templates/\(try OnboardingFixture.templates(test, world))/review"
            }, expected: templateKeepers),
            // Naming the owner: Järvelä's HR and administrators, whatever the template's layer.
            Row(route: "POST /onboarding-templates/:templateID/owner", path: { world, test in
                "/onboarding-templates/\(try OnboardingFixture.templates(test, world))/owner"
            }, expected: templateKeepers),
            Row(route: "GET /organisations/:slug/onboarding", path: { _, _ in "/organisations/jarvela/onboarding" },
                expected: [S, F, F, F, H, A, A]),
        ]
    }()
}
