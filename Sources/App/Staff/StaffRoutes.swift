/// Organisation and staff pages: sectors, units, employees, users and roles.
///
/// Each route's requirement only lets the right kind of user in; the handler then checks the record
/// (this organisation, this unit, this person) through `Access`, answering 404 for what is not theirs.
extension WebApp {
    func registerStaffRoutes(_ routes: inout RouteTable) {
        // Organisations and sectors.
        routes.get("/organisations", .signedIn, showOrganisations)
        routes.get("/organisations/:slug", .signedIn, showOrganisation)
        routes.get("/organisations/:slug/sectors", .staffAdministration, showSectors)
        routes.post("/organisations/:slug/sectors", .staffAdministration, createSector)
        routes.post("/organisations/:slug/sectors/:sectorID", .staffAdministration, renameSector)

        // Units.
        routes.get("/organisations/:slug/units", .staffAdministration, showUnitTree)
        routes.post("/organisations/:slug/units", .staffAdministration, createUnit)
        routes.get("/units", .unitLeadership, showMyUnits)
        routes.get("/units/:id", .unitLeadership, showUnit)
        routes.get("/units/:id/edit", .staffAdministration, showEditUnit)
        routes.post("/units/:id/edit", .staffAdministration, updateUnit)
        routes.post("/units/:id/deactivate", .staffAdministration, deactivateUnit)
        routes.post("/units/:id/reactivate", .staffAdministration, reactivateUnit)

        // Employees.
        routes.get("/organisations/:slug/employees", .staffAdministration, showEmployeeSearch)
        routes.get("/me", .signedIn, showMe)
        routes.get("/employees/:id", .signedIn, showEmployee)
        routes.get("/employees/:id/edit", .staffAdministration, showEditEmployee)
        routes.post("/employees/:id/edit", .staffAdministration, updateEmployee)
        routes.post("/employees/:id/deactivate", .staffAdministration, deactivateEmployee)
        routes.post("/employees/:id/reactivate", .staffAdministration, reactivateEmployee)
        routes.post("/employees/:id/user", .staffAdministration, createEmployeeUser)

        // Users and roles.
        routes.get("/organisations/:slug/users", .staffAdministration, showOrganisationUsers)
        routes.get("/users", .administrator, showAllUsers)
        routes.get("/users/:id", .staffAdministration, showUser)
        routes.post("/users/:id/roles", .staffAdministration, assignRole)
        routes.post("/users/:id/roles/:assignmentID/delete", .staffAdministration, revokeRole)
        routes.post("/users/:id/disable", .staffAdministration, disableUser)
        routes.post("/users/:id/enable", .staffAdministration, enableUser)
    }
}
