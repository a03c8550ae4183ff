import ArgumentParser
import HTTPServer
import Logging

/// Assembles the routes. For now: static assets and the health check; the application's own
/// pages are added by later work.
enum Application {
    static func makeResponder(layout: ProjectLayout, logger: Logger) throws -> RouterResponder {
        guard let assets = StaticFiles(directory: layout.publicDirectory) else {
            throw ValidationError("Cannot read \(layout.publicDirectory).")
        }
        var router = Router()
        router.get("/healthz") { _ in .text("ok") }
        router.get("/static/*path") { request in
            assets.respond(to: request, relativePath: request.parameters["path"] ?? "")
        }
        return router.responder(middleware: [AccessLog.middleware(logger: logger), Compression.middleware()])
    }
}
