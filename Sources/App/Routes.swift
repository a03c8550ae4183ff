import HTTPServer

/// Every route of the application, with what it requires. Handlers live in one file per feature.
extension WebApp {
    func registerRoutes(_ routes: inout RouteTable, staticFiles: StaticFiles) {
        // Outside the page pipeline: no session, no HTML.
        routes.raw("/healthz") { _ in .text("ok") }
        routes.raw("/static/*path") { request in
            staticFiles.respond(to: request, relativePath: request.parameters["path"] ?? "")
        }

        // Public pages.
        routes.get("/sign-in", .anyone, showSignIn)
        routes.post("/sign-in", .anyone, signIn)
        routes.post("/language", .anyone, chooseLanguage)
        routes.get("/accessibility", .anyone, showAccessibility)

        // Everyone signed in.
        routes.get("/", .signedIn, showHome)
        routes.post("/sign-out", .signedIn, signOut)

        registerStaffRoutes(&routes)
        registerImportRoutes(&routes)
        registerFrameworkRoutes(&routes)
        registerRoundRoutes(&routes)
        registerSurveyRoutes(&routes)
        registerResultsRoutes(&routes)
    }
}
