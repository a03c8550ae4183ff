/// Survey rounds: HR creates, edits, opens, extends and closes them; supervisors and HR print slips of
/// one-time codes for a unit.
///
/// The requirement lets HR and administrators (or, for slips, supervisors) in; each handler then checks
/// the round's organisation or the unit through `Access`, answering 404 for what is not theirs.
extension WebApp {
    func registerRoundRoutes(_ routes: inout RouteTable) {
        routes.get("/organisations/:slug/rounds", .staffAdministration, showRounds)
        routes.get("/organisations/:slug/rounds/new", .staffAdministration, showNewRound)
        routes.post("/organisations/:slug/rounds/new", .staffAdministration, createRound)
        routes.get("/rounds/:id", .staffAdministration, showRound)
        routes.get("/rounds/:id/edit", .staffAdministration, showEditRound)
        routes.post("/rounds/:id/edit", .staffAdministration, updateRound)
        routes.post("/rounds/:id/open", .staffAdministration, openRound)
        routes.post("/rounds/:id/extend", .staffAdministration, extendRound)
        routes.post("/rounds/:id/close", .staffAdministration, closeRound)
        routes.post("/rounds/:id/delete", .staffAdministration, deleteRound)

        // One-time code slips for a unit.
        routes.get("/units/:id/surveys", .unitLeadership, showUnitSurveys)
        routes.post("/units/:id/surveys/:roundID/codes", .unitLeadership, createSurveyCodes)
    }
}
