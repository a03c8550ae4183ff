/// Competence framework pages: the versions an organisation may use, and editing its drafts.
///
/// HR of the organisation and administrators only. A framework shipped with Taitotutka is visible to
/// every organisation's HR but can only be copied; another organisation's frameworks answer 404.
extension WebApp {
    func registerFrameworkRoutes(_ routes: inout RouteTable) {
        let base = "/organisations/:slug/frameworks"
        routes.get(base, .staffAdministration, showFrameworks)
        routes.post(base, .staffAdministration, createFrameworkDraft)
        routes.get(base + "/:id", .staffAdministration, showFramework)
        routes.get(base + "/:id/edit", .staffAdministration, showEditFramework)
        routes.post(base + "/:id/edit", .staffAdministration, updateFramework)
        routes.post(base + "/:id/publish", .staffAdministration, publishFramework)
        routes.post(base + "/:id/delete", .staffAdministration, deleteFrameworkDraft)

        // Areas of a draft, with their target levels and statements.
        let area = base + "/:id/areas/:areaID"
        routes.post(base + "/:id/areas", .staffAdministration, addFrameworkArea)
        routes.get(area, .staffAdministration, showFrameworkArea)
        routes.post(area, .staffAdministration, updateFrameworkArea)
        routes.post(area + "/delete", .staffAdministration, deleteFrameworkArea)
        routes.post(area + "/move", .staffAdministration, moveFrameworkArea)
        routes.post(area + "/targets", .staffAdministration, setFrameworkTarget)
        routes.post(area + "/targets/delete", .staffAdministration, clearFrameworkTarget)
        routes.post(area + "/statements", .staffAdministration, addFrameworkStatement)
        routes.post(area + "/statements/:statementID", .staffAdministration, updateFrameworkStatement)
        routes.post(area + "/statements/:statementID/delete", .staffAdministration, deleteFrameworkStatement)
        routes.post(area + "/statements/:statementID/move", .staffAdministration, moveFrameworkStatement)
    }
}
