import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Staff pages: sectors, units, users and roles")
struct StaffOrganisationPagesTests {
    @Test func sectorsAreCreatedAndRenamedWithDuplicatesRefused() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.status("/organisations/jarvela/sectors") == 200)
        #expect(try hr.submit("/organisations/jarvela/sectors", ["name": "Perusopetus"]).status.code == 303)
        let duplicate = try hr.submit("/organisations/jarvela/sectors", ["name": "Perusopetus"])
        #expect(duplicate.status.code == 422)
        #expect(duplicate.text.contains("id=\"sector_name-error\""))
        #expect(duplicate.text.contains("<a href=\"#sector_name\">"))
        let empty = try hr.submit("/organisations/jarvela/sectors", ["name": "  "])
        #expect(empty.status.code == 422)
        let sectors = try SectorStore(test.database).sectors(organisationID: try id(world.jarvela.id))
        let basic = try #require(sectors.first { $0.name == "Perusopetus" })
        let rename = try hr.submit("/organisations/jarvela/sectors/\(try id(basic.id))", ["name": "Varhaiskasvatus"])
        #expect(rename.status.code == 422)
        #expect(rename.text.contains("id=\"sector-\(try id(basic.id))-error\""))
        #expect(try hr.submit("/organisations/jarvela/sectors/\(try id(basic.id))", ["name": "Perusopetus ja nuoret"])
            .status.code == 303)
        #expect(try SectorStore(test.database).sector(id: try id(basic.id))?.name == "Perusopetus ja nuoret")
        // A sector of another organisation cannot be renamed through this one.
        let foreign = try SectorStore(test.database).create(organisationID: try id(world.koskenkyla.id), name: "Sivistys")
        #expect(try hr.submit("/organisations/jarvela/sectors/\(try id(foreign.id))", ["name": "X"]).status.code == 404)
    }

    @Test func unitTreeNestsAndUnitsAreCreatedMovedAndDeactivated() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        let tree = try hr.get("/organisations/jarvela/units")
        #expect(tree.status.code == 200)
        // Satakieli's pre-school group is listed inside Satakieli's own list item.
        let satakieli = try #require(tree.text.range(of: ">Päiväkoti Satakieli</a>"))
        let nested = try #require(tree.text.range(of: "<ul>\n<li><a href=\"/units/\(try id(world.unitA1.id))\">"))
        #expect(satakieli.upperBound < nested.lowerBound)
        #expect(tree.text.contains("Varhaiskasvatus"))

        let missing = try hr.submit("/organisations/jarvela/units", ["name": "", "sector_id": "", "parent_id": ""])
        #expect(missing.status.code == 422)
        #expect(missing.text.contains("id=\"name-error\""))
        let foreignParent = try hr.submit("/organisations/jarvela/units", [
            "name": "Uusi", "parent_id": "\(try id(world.unitC.id))",
        ])
        #expect(foreignParent.status.code == 422)
        #expect(foreignParent.text.contains("id=\"parent_id-error\""))
        #expect(try hr.submit("/organisations/jarvela/units", [
            "name": "Päiväkoti Kottarainen", "parent_id": "\(try id(world.unitB.id))",
        ]).status.code == 303)
        let created = try #require(try UnitStore(test.database).units(organisationID: try id(world.jarvela.id))
            .first { $0.name == "Päiväkoti Kottarainen" })
        #expect(created.parentID == world.unitB.id)

        // A unit cannot go under its own sub-unit.
        let unitA = try id(world.unitA.id)
        let cycle = try hr.submit("/units/\(unitA)/edit", [
            "name": "Päiväkoti Satakieli", "parent_id": "\(try id(world.unitA1.id))",
        ])
        #expect(cycle.status.code == 422)
        #expect(cycle.text.contains("aria-describedby=\"parent_id-hint parent_id-error\""))
        #expect(try hr.submit("/units/\(try id(created.id))/edit", ["name": "Päiväkoti Kottarainen", "parent_id": ""])
            .status.code == 303)
        #expect(try UnitStore(test.database).unit(id: try id(created.id))?.parentID == nil)

        #expect(try hr.submit("/units/\(unitA)/deactivate", [:]).status.code == 303)
        #expect(try UnitStore(test.database).unit(id: unitA)?.active == false)
        #expect(try hr.get("/units/\(unitA)").text.contains("Passiivinen"))
        #expect(try hr.submit("/units/\(unitA)/reactivate", [:]).status.code == 303)
        #expect(try UnitStore(test.database).unit(id: unitA)?.active == true)
    }

    @Test func unitPageShowsStaffAndSubUnits() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/units/\(try id(world.unitA.id))")
        #expect(page.status.code == 200)
        #expect(page.text.contains("Aaltonen, Aino"))
        #expect(!page.text.contains("Esiopettaja, Eero"))
        #expect(page.text.contains("href=\"/units/\(try id(world.unitA1.id))\""))
        #expect(page.text.contains("href=\"/units/\(try id(world.unitA.id))/edit\""))
    }

    @Test func hrAssignsRolesInTheirOrganisationButNeverAdmin() throws {
        let test = try TestApp()
        let world = try World(test)
        let users = UserStore(test.database)
        let supervisor = try #require(try users.user(loginOrEmail: "esihenkilo.a"))
        let userID = try id(supervisor.id)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/users/\(userID)")
        #expect(page.status.code == 200)
        #expect(!page.text.contains("value=\"admin\""))
        let admin = try hr.submit("/users/\(userID)/roles", ["role": "admin", "scope": ""])
        #expect(admin.status.code == 403)
        let foreignHR = try hr.submit("/users/\(userID)/roles", [
            "role": "hr", "scope": "organisation-\(try id(world.koskenkyla.id))",
        ])
        #expect(foreignHR.status.code == 403)
        let foreignUnit = try hr.submit("/users/\(userID)/roles", [
            "role": "supervisor", "scope": "unit-\(try id(world.unitC.id))",
        ])
        #expect(foreignUnit.status.code == 403, "HR cannot make anyone supervisor of another organisation's unit")
        #expect(try users.roles(userID: userID).count == 1)
        let wrongScope = try hr.submit("/users/\(userID)/roles", [
            "role": "supervisor", "scope": "organisation-\(try id(world.jarvela.id))",
        ])
        #expect(wrongScope.status.code == 422)
        #expect(wrongScope.text.contains("id=\"scope-error\""))
        let added = try hr.submit("/users/\(userID)/roles", ["role": "supervisor", "scope": "unit-\(try id(world.unitB.id))"])
        #expect(added.status.code == 303)
        let roles = try users.roles(userID: userID)
        #expect(roles.contains { $0.role == .supervisor && $0.unitID == world.unitB.id })
        let duplicate = try hr.submit("/users/\(userID)/roles", ["role": "supervisor", "scope": "unit-\(try id(world.unitB.id))"])
        #expect(duplicate.status.code == 422)
        let assignment = try #require(roles.first { $0.unitID == world.unitB.id })
        #expect(try hr.submit("/users/\(userID)/roles/\(try id(assignment.id))/delete", [:]).status.code == 303)
        #expect(try users.roles(userID: userID).count == 1)
        // The administrator's own roles cannot be removed by HR.
        let adminUser = try #require(try users.user(loginOrEmail: "admin"))
        let adminRole = try #require(try users.roles(userID: try id(adminUser.id)).first)
        #expect(try hr.submit("/users/\(try id(adminUser.id))/roles/\(try id(adminRole.id))/delete", [:]).status.code == 404)
        let actions = try AuditStore(test.database).latest(limit: 10).map(\.action)
        #expect(actions.contains("role.assign"))
        #expect(actions.contains("role.revoke"))
    }

    @Test func adminListsUsersAndDisablingEndsSessions() throws {
        let test = try TestApp()
        _ = try World(test)
        var supervisor = try test.staffBrowser("esihenkilo.b")
        #expect(try supervisor.status("/units") == 200)
        var admin = try test.staffBrowser("admin")
        let list = try admin.get("/users")
        #expect(list.status.code == 200)
        #expect(list.text.contains("Käyttäjiä: 6"))
        #expect(list.text.contains("Aino Aaltonen"))
        let filtered = try admin.get("/users?q=esihenkilo")
        #expect(filtered.text.contains("Käyttäjiä: 2"))
        let user = try #require(try UserStore(test.database).user(loginOrEmail: "esihenkilo.b"))
        let userID = try id(user.id)
        #expect(try admin.submit("/users/\(userID)/disable", [:]).status.code == 303)
        #expect(try UserStore(test.database).user(id: userID)?.disabled == true)
        // The supervisor's open session ended with the disabling.
        #expect(try supervisor.get("/units").status.code == 303)
        #expect(try admin.submit("/users/\(userID)/enable", [:]).status.code == 303)
        #expect(try UserStore(test.database).user(id: userID)?.disabled == false)
        // No one disables their own sign-in.
        let adminUser = try #require(try UserStore(test.database).user(loginOrEmail: "admin"))
        #expect(try admin.submit("/users/\(try id(adminUser.id))/disable", [:]).status.code == 400)
    }

    @Test func hrListsTheirOrganisationsUsersOnly() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.staffBrowser("hr")
        let list = try hr.get("/organisations/jarvela/users")
        #expect(list.status.code == 200)
        #expect(list.text.contains(">tyontekija</a>"))
        #expect(list.text.contains(">esihenkilo.a</a>"))
        #expect(!list.text.contains(">hr.koskenkyla</a>"))
        #expect(!list.text.contains(">admin</a>"))
        // HR may not disable an administrator, or someone who also belongs elsewhere.
        let adminUser = try #require(try UserStore(test.database).user(loginOrEmail: "admin"))
        #expect(try hr.submit("/users/\(try id(adminUser.id))/disable", [:]).status.code == 404)
    }

    @Test func everyStaffStringExistsInEveryLanguage() throws {
        let folder = packageRoot + "/Templates/locales/"
        var tables: [String: [String: String]] = [:]
        for language in ["fi", "sv", "en"] {
            let data = try #require(FileManager.default.contents(atPath: folder + "staff.\(language).json"))
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        let finnish = Set(tables["fi"]?.keys.map { $0 } ?? [])
        #expect(!finnish.isEmpty)
        #expect(Set(tables["sv"]?.keys.map { $0 } ?? []) == finnish)
        #expect(Set(tables["en"]?.keys.map { $0 } ?? []) == finnish)
        #expect(finnish.allSatisfy { $0.hasPrefix("staff_") })
        let templates = try FileManager.default.contentsOfDirectory(atPath: packageRoot + "/Templates/staff")
        for name in templates {
            let text = try String(contentsOfFile: packageRoot + "/Templates/staff/" + name, encoding: .utf8)
            var rest = Substring(text)
            while let range = rest.range(of: "{{t.") {
                let after = rest[range.upperBound...]
                guard let end = after.range(of: "}}") else { break }
                let key = String(after[..<end.lowerBound])
                if key.hasPrefix("staff_") { #expect(finnish.contains(key), "\(name) uses \(key)") }
                rest = after[end.upperBound...]
            }
        }
    }
}
