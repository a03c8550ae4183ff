import Testing
@testable import HTTPServer

@Suite("Router")
struct RouterTests {
    private func request(_ method: HTTPMethod, _ target: String) throws -> Request {
        try Request(method: method, target: target, headers: ["Host": "x"])
    }

    private func text(_ response: Response) -> String {
        guard case .bytes(let bytes) = response.body else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func sampleRouter() -> RouterResponder {
        var router = Router()
        router.get("/units") { _ in .text("list") }
        router.get("/units/:id") { request in .text("unit \(request.parameters["id"] ?? "?")") }
        router.post("/units/:id") { request in .text("saved \(request.parameters["id"] ?? "?")") }
        router.get("/static/*path") { request in .text("file \(request.parameters["path"] ?? "?")") }
        router.add(.POST, "/upload", bodyLimit: 8 * 1024 * 1024) { _ in .text("uploaded") }
        router.get("/fails") { _ in throw HTTPError(.forbidden, "no entry") }
        router.get("/crashes") { _ in
            struct Unexpected: Error {}
            throw Unexpected()
        }
        return router.responder()
    }

    @Test func literalAndParameterRoutes() throws {
        let router = sampleRouter()
        #expect(text(router.respond(to: try request(.GET, "/units"))) == "list")
        #expect(text(router.respond(to: try request(.GET, "/units/42"))) == "unit 42")
        #expect(text(router.respond(to: try request(.POST, "/units/42"))) == "saved 42")
    }

    @Test func parametersArePercentDecodedPerSegment() throws {
        let router = sampleRouter()
        #expect(text(router.respond(to: try request(.GET, "/units/%C3%A4ht%C3%A4ri"))) == "unit ähtäri")
        // An encoded slash stays inside one parameter instead of creating a new segment.
        #expect(text(router.respond(to: try request(.GET, "/units/a%2Fb"))) == "unit a/b")
    }

    @Test func restPatternCapturesTheRemainder() throws {
        let router = sampleRouter()
        #expect(text(router.respond(to: try request(.GET, "/static/css/site.css"))) == "file css/site.css")
        #expect(router.respond(to: try request(.GET, "/static")).status == .notFound)
    }

    @Test func unknownPathIs404() throws {
        #expect(sampleRouter().respond(to: try request(.GET, "/nowhere")).status == .notFound)
        #expect(sampleRouter().respond(to: try request(.GET, "/units/1/extra")).status == .notFound)
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let response = sampleRouter().respond(to: try request(.DELETE, "/units/1"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
    }

    @Test func optionsAnswersWithAllow() throws {
        let response = sampleRouter().respond(to: try request(.OPTIONS, "/units"))
        #expect(response.status == .noContent)
        #expect(response.headers["Allow"] == "GET, HEAD")
    }

    @Test func headUsesTheGetHandler() throws {
        let response = sampleRouter().respond(to: try request(.HEAD, "/units"))
        #expect(response.status == .ok)
        #expect(text(response) == "list")  // the server drops the body when writing
    }

    @Test func thrownHTTPErrorKeepsItsStatusAndOtherErrorsBecome500() throws {
        let router = sampleRouter()
        let refused = router.respond(to: try request(.GET, "/fails"))
        #expect(refused.status == .forbidden)
        #expect(text(refused) == "no entry")
        #expect(router.respond(to: try request(.GET, "/crashes")).status == .internalServerError)
    }

    @Test func perRouteBodyLimit() {
        let router = sampleRouter()
        #expect(router.bodyLimit(method: .POST, path: "/upload") == 8 * 1024 * 1024)
        #expect(router.bodyLimit(method: .POST, path: "/units/1") == nil)
        #expect(router.bodyLimit(method: .GET, path: "/upload") == nil)
    }

    @Test func middlewareRunsOutermostFirstAndSeesErrors() throws {
        var router = Router()
        router.get("/") { _ in .text("home") }
        let tag: (String) -> Middleware = { name in
            { next in
                { request in
                    var response = try next(request)
                    response.headers.add("X-Order", name)
                    return response
                }
            }
        }
        let responder = router.responder(middleware: [tag("outer"), tag("inner")])
        let home = responder.respond(to: try request(.GET, "/"))
        #expect(home.headers.values("X-Order") == ["inner", "outer"])
        // 404s pass through middleware too, so security headers and logging apply to them.
        let missing = responder.respond(to: try request(.GET, "/missing"))
        #expect(missing.status == .notFound)
        #expect(missing.headers.values("X-Order") == ["inner", "outer"])
    }

    @Test func customErrorResponse() throws {
        var router = Router()
        router.get("/") { _ in .text("home") }
        let responder = router.responder(errorResponse: { status, request, _ in
            .text("custom \(status.code) for \(request.path)", status: status)
        })
        let response = responder.respond(to: try request(.GET, "/x"))
        #expect(response.status == .notFound)
        #expect(text(response) == "custom 404 for /x")
    }
}
