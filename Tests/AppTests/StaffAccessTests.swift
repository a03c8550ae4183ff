import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Staff pages: record-level access")
struct StaffAccessTests {
    @Test func supervisorReachesOnlyTheirUnitsAndPeople() throws {
        let test = try TestApp()
        let world = try World(test)
        var supervisor = try test.staffBrowser("esihenkilo.a")
        #expect(try supervisor.status("/employees/\(try id(world.employeeA.id))") == 200)
        #expect(try supervisor.status("/employees/\(try id(world.employeeA1.id))") == 200)
        #expect(try supervisor.status("/employees/\(try id(world.employeeB.id))") == 404)
        #expect(try supervisor.status("/employees/\(try id(world.employeeC.id))") == 404)
        #expect(try supervisor.status("/units/\(try id(world.unitA.id))") == 200)
        #expect(try supervisor.status("/units/\(try id(world.unitA1.id))") == 200)
        #expect(try supervisor.status("/units/\(try id(world.unitB.id))") == 404)
        // An unknown id and a forbidden one look the same.
        let unknown = try supervisor.get("/employees/999999")
        let forbidden = try supervisor.get("/employees/\(try id(world.employeeB.id))")
        #expect(unknown.status.code == forbidden.status.code)
        #expect(mainContent(unknown.text) == mainContent(forbidden.text))
        // Supervisors read the roster; they do not change it or open HR pages.
        #expect(try supervisor.status("/employees/\(try id(world.employeeA.id))/edit") == 403)
        #expect(try supervisor.submit("/employees/\(try id(world.employeeA.id))/deactivate", [:]).status.code == 403)
        #expect(try supervisor.status("/organisations/jarvela/employees") == 403)
        let myUnits = try supervisor.get("/units")
        #expect(myUnits.status.code == 200)
        #expect(myUnits.text.contains("Päiväkoti Satakieli"))
        #expect(myUnits.text.contains("Satakieli, esiopetus"))
        #expect(!myUnits.text.contains("Päiväkoti Peippo"))
        let unit = try supervisor.get("/units/\(try id(world.unitA.id))")
        #expect(unit.text.contains("Aaltonen, Aino"))
        #expect(!unit.text.contains("/units/\(try id(world.unitA.id))/edit"))
    }

    @Test func hrOfAnotherOrganisationGetsNotFound() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr.koskenkyla")
        for path in ["/organisations/jarvela", "/organisations/jarvela/employees", "/organisations/jarvela/units",
                     "/organisations/jarvela/sectors", "/organisations/jarvela/users",
                     "/employees/\(try id(world.employeeA.id))", "/employees/\(try id(world.employeeA.id))/edit",
                     "/units/\(try id(world.unitA.id))", "/units/\(try id(world.unitA.id))/edit",
                     "/organisations/nowhere"] {
            #expect(try hr.status(path) == 404, "\(path)")
        }
        #expect(try hr.submit("/employees/\(try id(world.employeeA.id))/deactivate", [:]).status.code == 404)
        #expect(try hr.submit("/organisations/jarvela/sectors", ["name": "Vieras"]).status.code == 404)
        #expect(try EmployeeStore(test.database).employee(id: try id(world.employeeA.id))?.active == true)
        let list = try hr.get("/organisations")
        #expect(list.status.code == 200)
        #expect(list.text.contains("/organisations/koskenkyla"))
        #expect(!list.text.contains("/organisations/jarvela"))
        #expect(try hr.status("/organisations/koskenkyla/employees") == 200)
        #expect(try hr.status("/employees/\(try id(world.employeeC.id))") == 200)
        // Users of Järvelä are not visible to Koskenkylä's HR.
        let supervisor = try #require(try UserStore(test.database).user(loginOrEmail: "esihenkilo.a"))
        #expect(try hr.status("/users/\(try id(supervisor.id))") == 404)
        #expect(try hr.status("/users") == 403)
    }

    @Test func employeeSeesOnlyThemselves() throws {
        let test = try TestApp()
        let world = try World(test)
        var employee = try test.staffBrowser("tyontekija")
        let me = try employee.get("/me")
        #expect(me.status.code == 200)
        #expect(me.text.contains("Aino Aaltonen"))
        #expect(!me.text.contains("/edit"))
        #expect(!me.text.contains("/deactivate"))
        #expect(try employee.status("/employees/\(try id(world.employeeA.id))") == 200)
        #expect(try employee.status("/employees/\(try id(world.employeeA1.id))") == 404)
        #expect(try employee.status("/employees/\(try id(world.employeeB.id))") == 404)
        #expect(try employee.status("/units/\(try id(world.unitA.id))") == 403)
        #expect(try employee.status("/units") == 403)
        #expect(try employee.status("/organisations") == 403)
        #expect(try employee.status("/organisations/jarvela") == 404)
        #expect(try employee.status("/users") == 403)
        // A sign-in without an employee record has no "me".
        var admin = try test.staffBrowser("admin")
        #expect(try admin.status("/me") == 404)
    }

    @Test func organisationsListAndOverview() throws {
        let test = try TestApp()
        _ = try World(test)
        var admin = try test.staffBrowser("admin")
        let list = try admin.get("/organisations")
        #expect(list.text.contains("/organisations/jarvela"))
        #expect(list.text.contains("/organisations/koskenkyla"))
        var hr = try test.staffBrowser("hr")
        let single = try hr.get("/organisations")
        #expect(single.status.code == 200)
        #expect(single.text.contains("<ul class=\"cards\">"))
        #expect(single.text.contains("/organisations/jarvela"))
        #expect(!single.text.contains("/organisations/koskenkyla"))
        let overview = try hr.get("/organisations/jarvela")
        #expect(overview.status.code == 200)
        #expect(overview.text.contains("<dt>Aktiivisia työntekijöitä</dt><dd>3</dd>"))
        #expect(overview.text.contains("<dt>Aktiivisia yksiköitä</dt><dd>3</dd>"))
        #expect(overview.text.contains("<dt>Toimialoja</dt><dd>1</dd>"))
        for link in ["employees", "units", "sectors", "users"] {
            #expect(overview.text.contains("href=\"/organisations/jarvela/\(link)\""))
        }
    }

    @Test func tutorCoordinatorSeesTheOverviewButNotTheRoster() throws {
        let test = try TestApp()
        let world = try World(test)
        let users = UserStore(test.database)
        let hash = try PasswordHasher(rounds: 1000).hash(TestApp.password)
        let coordinator = try users.create(User(login: "koordinaattori", passwordHash: hash))
        _ = try users.assign(RoleAssignment(userID: try id(coordinator.id), role: .tutorCoordinator,
                                            organisationID: world.jarvela.id))
        var browser = try test.staffBrowser("koordinaattori")
        let overview = try browser.get("/organisations/jarvela")
        #expect(overview.status.code == 200)
        #expect(!overview.text.contains("href=\"/organisations/jarvela/employees\""))
        #expect(try browser.status("/organisations/jarvela/employees") == 403)
        #expect(try browser.status("/organisations/koskenkyla") == 404)
    }
}
