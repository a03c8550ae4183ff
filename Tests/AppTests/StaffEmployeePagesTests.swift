import Foundation
import HTTPServer
import Testing
@testable import App
@testable import Storage

@Suite("Staff pages: employees")
struct StaffEmployeePagesTests {
    /// The list's count is kept between requests, but never past a change.
    @Test func theKeptCountFollowsEveryChange() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.signIn("hr")
        let before = try hr.get("/organisations/jarvela/employees").text
        let count = { (text: String) -> String in
            text.components(separatedBy: "role=\"status\">").dropFirst().first?.prefix { $0 != "<" }.description ?? ""
        }
        let first = count(before)
        _ = try EmployeeStore(test.database).create(Employee(organisationID: world.jarvela.id, hrNumber: "9999",
                                                             firstName: "Uusi", lastName: "Työntekijä"))
        let after = count(try hr.get("/organisations/jarvela/employees").text)
        #expect(first.contains("3") && after.contains("4"), "\(first) → \(after)")
    }

    @Test func searchPagesFiftyAtATimeWithTotalsAndLinks() throws {
        let test = try TestApp()
        let world = try World(test)
        let store = EmployeeStore(test.database)
        for index in 1...120 {
            _ = try store.create(Employee(organisationID: try id(world.jarvela.id), hrNumber: String(5000 + index),
                                          firstName: "Testi", lastName: String(format: "Henkilö%03d", index),
                                          unitID: world.unitB.id, jobTitle: "Lastenhoitaja"))
        }
        var hr = try test.staffBrowser("hr")
        let first = try hr.get("/organisations/jarvela/employees")
        #expect(first.status.code == 200)
        // 120 new and 3 from the world in Järvelä; Koskenkylä's employee is not counted.
        #expect(first.text.contains("Hakutuloksia: 123"))
        #expect(first.text.contains("Sivu 1/3"))
        #expect(first.text.contains("href=\"/organisations/jarvela/employees?page=2\" rel=\"next\""))
        #expect(!first.text.contains("rel=\"prev\""))
        #expect(occurrences(of: "<tr><th scope=\"row\">", in: first.text) == 50)
        let last = try hr.get("/organisations/jarvela/employees?page=3")
        #expect(occurrences(of: "<tr><th scope=\"row\">", in: last.text) == 23)
        #expect(last.text.contains("Sivu 3/3"))
        #expect(last.text.contains("rel=\"prev\""))
        // A page past the end shows the last page.
        let beyond = try hr.get("/organisations/jarvela/employees?page=99999999999999")
        #expect(beyond.text.contains("Sivu 3/3"))

        let search = try hr.get("/organisations/jarvela/employees?q=testi+henkilö012")
        #expect(search.text.contains("Hakutuloksia: 1"))
        #expect(search.text.contains("Henkilö012, Testi"))
        // The unit filter covers sub-units and is kept in the paging links.
        let unit = try hr.get("/organisations/jarvela/employees?unit=\(try id(world.unitA.id))")
        #expect(unit.text.contains("Aaltonen, Aino"))
        #expect(unit.text.contains("Esiopettaja, Eero"))
        #expect(!unit.text.contains("Björk"))
        let unitBID = try id(world.unitB.id)
        let unitB = try hr.get("/organisations/jarvela/employees?unit=\(unitBID)&q=testi")
        #expect(unitB.text.contains("?q=testi&amp;unit=\(unitBID)&amp;page=2"))
        // Another organisation's unit id is ignored, not used to probe.
        let foreign = try hr.get("/organisations/jarvela/employees?unit=\(try id(world.unitC.id))")
        #expect(foreign.text.contains("Hakutuloksia: 123"))
    }

    @Test func sectorFilterAndUnitFilterCombine() throws {
        let test = try TestApp()
        let world = try World(test)
        var hr = try test.staffBrowser("hr")
        hr.cookies["tt_lang"] = "en"
        let sector = try #require(try SectorStore(test.database).sectors(organisationID: world.jarvela.id).first)
        let bySector = try hr.get("/organisations/jarvela/employees?sector=\(sector.id)")
        #expect(bySector.text.contains("Results: 3"))
        #expect(!bySector.text.contains("<select id=\"unit\""), "no list of every unit")
        #expect(!bySector.text.contains("Päiväkoti Peippo</option>"))
        let byUnit = try hr.get("/organisations/jarvela/employees?sector=\(sector.id)&unit=\(world.unitA.id)")
        #expect(byUnit.text.contains("Results: 2"))
        #expect(byUnit.text.contains("Remove the unit filter"))
        #expect(byUnit.text.contains("href=\"/organisations/jarvela/employees?sector=\(sector.id)\""))
    }

    @Test func searchFormIsLabelledAndWorksInEnglish() throws {
        let test = try TestApp()
        _ = try World(test)
        var hr = try test.staffBrowser("hr")
        hr.cookies["tt_lang"] = "en"
        let page = try hr.get("/organisations/jarvela/employees")
        #expect(page.text.contains("<label for=\"q\">Search words</label>"))
        #expect(page.text.contains("<label for=\"sector\">Sector</label>"))
        #expect(page.text.contains("Results: 3"))
        #expect(page.text.contains("Aaltonen, Aino"))
    }

    @Test func editValidationAnswers422WithMessagesTiedToFields() throws {
        let test = try TestApp()
        let world = try World(test)
        let employeeID = try id(world.employeeA.id)
        var hr = try test.staffBrowser("hr")
        #expect(try hr.status("/employees/\(employeeID)/edit") == 200)
        let response = try hr.submit("/employees/\(employeeID)/edit", [
            "first_name": "", "last_name": "Aaltonen", "email": "aino.example.fi", "unit_id": "\(try id(world.unitC.id))",
            "start_date": "2026-05-01", "end_date": "2026-04-30", "language": "de",
        ])
        #expect(response.status.code == 422)
        let html = response.text
        #expect(html.contains("class=\"error-summary\""))
        for field in ["first_name", "email", "unit_id", "end_date", "language"] {
            #expect(html.contains("<a href=\"#\(field)\">"), "summary links to \(field)")
            #expect(html.contains("id=\"\(field)-error\""), "message of \(field)")
        }
        #expect(html.contains("id=\"first_name\" name=\"first_name\" type=\"text\" autocomplete=\"off\" required maxlength=\"100\" value=\"\" aria-describedby=\"first_name-error\" aria-invalid=\"true\""))
        #expect(html.contains("aria-describedby=\"end_date-hint end_date-error\" aria-invalid=\"true\""))
        #expect(html.contains("Päättymispäivä ei voi olla ennen alkamispäivää."))
        #expect(!html.contains("id=\"last_name-error\""))
        // What was typed comes back.
        #expect(html.contains("value=\"aino.example.fi\""))
        #expect(try EmployeeStore(test.database).employee(id: employeeID)?.email == nil)

        let invalidDate = try hr.submit("/employees/\(employeeID)/edit", [
            "first_name": "Aino", "last_name": "Aaltonen", "start_date": "2026-02-30", "language": "fi",
        ])
        #expect(invalidDate.status.code == 422)
        #expect(invalidDate.text.contains("id=\"start_date-error\""))

        let saved = try hr.submit("/employees/\(employeeID)/edit", [
            "first_name": "Aino", "last_name": "Aalto", "email": "aino.aalto@jarvela.example",
            "unit_id": "\(try id(world.unitB.id))", "start_date": "2020-08-01", "end_date": "", "language": "sv",
            "job_title": "Varhaiskasvatuksen opettaja",
        ])
        #expect(saved.status.code == 303)
        #expect(saved.headers["Location"] == "/employees/\(employeeID)?notice=saved")
        let stored = try #require(try EmployeeStore(test.database).employee(id: employeeID))
        #expect(stored.lastName == "Aalto")
        #expect(stored.unitID == world.unitB.id)
        #expect(stored.language == "sv")
        #expect(stored.startDate == "2020-08-01")
        #expect(stored.endDate == nil)
        #expect(stored.hrNumber == "1001")
        let detail = try hr.get("/employees/\(employeeID)?notice=saved")
        #expect(detail.text.contains("Muutokset tallennettiin."))
        #expect(detail.text.contains("1.8.2020"))
        let audit = try AuditStore(test.database).latest(limit: 5)
        #expect(audit.contains { $0.action == "employee.update" && $0.target == "employee:\(employeeID)" && $0.login == "hr" })
    }

    @Test func deactivationKeepsTheRowAndCanBeUndone() throws {
        let test = try TestApp()
        let world = try World(test)
        let employeeID = try id(world.employeeB.id)
        var hr = try test.staffBrowser("hr")
        let response = try hr.submit("/employees/\(employeeID)/deactivate", [:])
        #expect(response.status.code == 303)
        let stored = try #require(try EmployeeStore(test.database).employee(id: employeeID))
        #expect(!stored.active)
        #expect(!(try hr.get("/organisations/jarvela/employees").text.contains("Björk")))
        #expect(try hr.get("/organisations/jarvela/employees?inactive=1").text.contains("Björk, Bertta"))
        let page = try hr.get("/employees/\(employeeID)")
        #expect(page.status.code == 200)
        #expect(page.text.contains("/employees/\(employeeID)/reactivate"))
        #expect(try hr.submit("/employees/\(employeeID)/reactivate", [:]).status.code == 303)
        #expect(try EmployeeStore(test.database).employee(id: employeeID)?.active == true)
        let actions = try AuditStore(test.database).latest(limit: 5).map(\.action)
        #expect(actions.contains("employee.deactivate"))
        #expect(actions.contains("employee.reactivate"))
    }

    @Test func hrCreatesASignInThatWorks() throws {
        let test = try TestApp()
        let world = try World(test)
        let employeeID = try id(world.employeeB.id)
        var hr = try test.staffBrowser("hr")
        let page = try hr.get("/employees/\(employeeID)")
        #expect(page.text.contains("action=\"/employees/\(employeeID)/user\""))
        let short = try hr.submit("/employees/\(employeeID)/user", ["login": "bertta", "password": "lyhyt"])
        #expect(short.status.code == 422)
        #expect(short.text.contains("id=\"password-error\""))
        let taken = try hr.submit("/employees/\(employeeID)/user", ["login": "HR", "password": "pitkä salasana 123"])
        #expect(taken.status.code == 422)
        #expect(taken.text.contains("id=\"login-error\""))
        let created = try hr.submit("/employees/\(employeeID)/user", ["login": "bertta", "password": "pitkä salasana 123"])
        #expect(created.status.code == 303)
        let user = try #require(try UserStore(test.database).userLinked(toEmployee: employeeID))
        #expect(user.login == "bertta")
        #expect(try UserStore(test.database).roles(userID: try id(user.id)).map(\.role) == [.employee])
        var bertta = try test.signIn("bertta", password: "pitkä salasana 123")
        let me = try bertta.get("/me")
        #expect(me.status.code == 200)
        #expect(me.text.contains("Bertta Björk"))
        // A second sign-in for the same employee is refused.
        let again = try hr.submit("/employees/\(employeeID)/user", ["login": "bertta2", "password": "pitkä salasana 123"])
        #expect(again.status.code == 422)
    }
}
