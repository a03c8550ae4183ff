import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The outbox's rows: anonymous, employee, supervisor A, supervisor B, HR of the other
    /// organisation, HR, admin.
    static let mailRows: [Row] = [
        // Any HR opens the list (and sees only its own people's messages); employees and supervisors do not.
        Row(route: "GET /admin/outbox", path: { _, _ in "/admin/outbox" }, expected: [S, F, F, F, A, A, A]),
        // A message to a Järvelä employee: Järvelä's HR and administrators; Koskenkylä's HR gets 404.
        Row(route: "GET /admin/outbox/:messageID", path: { world, test in
            "/admin/outbox/\(try queuedMessage(to: world.employeeA, test))"
        }, expected: [S, F, F, F, H, A, A]),
    ]

    /// A queued message to `employee`, for the routes that name one.
    static func queuedMessage(to employee: Stored<Employee>, _ test: TestApp) throws -> Int64 {
        let store = MailOutboxStore(test.database)
        let key = "test|\(employee.id)"
        try store.enqueue(OutgoingMail(messageKey: key, recipientAddress: "aino@jarvela.example",
                                       recipientEmployeeID: employee.id, language: "fi", subject: "Muistutus",
                                       textBody: "Hei", htmlBody: "<p>Hei</p>"))
        guard let message = try store.message(key: key) else { throw TestFailure("no message") }
        return message.id
    }
}
