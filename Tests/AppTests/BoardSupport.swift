import Foundation
import HTTPServer
import Metrics
import Testing
@testable import App
@testable import Storage

/// Posting on the board as a browser does: the new-post form is multipart (it may carry a photo).
enum BoardFixture {
    /// Posts the new-post form; returns the response.
    static func post(_ browser: inout Browser, _ fields: [(String, String)],
                     photo: (bytes: [UInt8], filename: String, type: String)? = nil) throws -> Response {
        if browser.csrfToken == nil { try browser.get("/board/new") }
        let boundary = "----taitotutka-board-boundary"
        var body: [UInt8] = []
        func text(_ string: String) { body += Array(string.utf8) }
        for (name, value) in fields + [("csrf_token", browser.csrfToken ?? "")] {
            text("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let photo {
            text("--\(boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"\(photo.filename)\"\r\n")
            text("Content-Type: \(photo.type)\r\n\r\n")
            body += photo.bytes
            text("\r\n")
        }
        text("--\(boundary)--\r\n")
        var headers: HTTPHeaders = ["Host": "localhost", "Content-Type": "multipart/form-data; boundary=\(boundary)"]
        headers.add("Cookie", browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        var request = try Request(method: .POST, target: "/board/new", headers: headers, body: body)
        request.remoteAddress = "127.0.0.1:40000"
        let response = browser.app.responder.respond(to: request)
        browser.lastBody = response.text
        return response
    }

    /// Posts and returns the new post's id (fails the test on anything but a redirect to it).
    static func create(_ browser: inout Browser, kind: String = "tip", title: String, body: String = "Näin se käy.",
                       extra: [(String, String)] = []) throws -> Int64 {
        let response = try post(&browser, [("kind", kind), ("title", title), ("body", body)] + extra)
        guard response.status.code == 303, let location = response.headers["Location"],
              let id = Int64(location.split(separator: "?")[0].split(separator: "/").last ?? "") else {
            throw TestFailure("not posted: \(response.status.code) \(response.text.prefix(400))")
        }
        return id
    }

    /// Eero (employee A1, in a group of unit A) as a signed-in active digitutor of unit A.
    static func eeroTutor(_ test: TestApp, _ world: World) throws -> Browser {
        let store = TutorStore(test.database)
        _ = try store.create(TutorDraft(
            tutor: Tutor(organisationID: world.jarvela.id, employeeID: world.employeeA1.id, coordinatorUserID: nil, languages: ["fi"],
                         askAnytime: true, contactNote: "", plannedEndOn: nil),
            units: [TutorUnit(unitID: world.unitA.id, includesSubunits: true)], topicIDs: [], hours: []),
            activeFrom: CivilDay.today().adding(days: -30).iso, by: nil)
        return try TrainingPagesTests().employeeBrowser(test, "eero", world.employeeA1)
    }

    /// Kalle, an employee of Koskenkylä.
    static func kalle(_ test: TestApp, _ world: World) throws -> Browser {
        try TrainingPagesTests().employeeBrowser(test, "kalle", world.employeeC)
    }
}
