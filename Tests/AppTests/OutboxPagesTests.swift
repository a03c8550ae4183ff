import Foundation
import Testing
@testable import App
@testable import Storage

@Suite("Outbox pages")
struct OutboxPagesTests {
    static func enqueue(_ test: TestApp, key: String, to employee: Stored<Employee>?, subject: String,
                        html: String = "<p>Hei <script>alert(1)</script></p>") throws -> Int64 {
        let store = MailOutboxStore(test.database)
        try store.enqueue(OutgoingMail(messageKey: key, recipientAddress: "person\(employee?.id ?? 0)@jarvela.example",
                                       recipientEmployeeID: employee?.id, language: "fi", subject: subject,
                                       textBody: "Hei <b>sinä</b>\nToinen rivi", htmlBody: html))
        guard let message = try store.message(key: key) else { throw TestFailure("no message \(key)") }
        return message.id
    }

    @Test func theAdministratorSeesEveryMessageCountsAndThatSendingIsOff() throws {
        let test = try TestApp()
        let world = try World(test)
        _ = try Self.enqueue(test, key: "a", to: world.employeeA, subject: "Järvelän muistutus")
        _ = try Self.enqueue(test, key: "c", to: world.employeeC, subject: "Koskenkylän muistutus")
        _ = try Self.enqueue(test, key: "none", to: nil, subject: "Testiviesti")
        let claimed = try MailOutboxStore(test.database).claimBatch(limit: 1)
        try MailOutboxStore(test.database).markSent(claimed[0].id, claim: try #require(claimed[0].claimToken))
        var browser = try test.signIn("admin")
        let page = try browser.get("/admin/outbox")
        #expect(page.status == .ok)
        let body = page.text
        for subject in ["Järvelän muistutus", "Koskenkylän muistutus", "Testiviesti"] { #expect(body.contains(subject)) }
        #expect(body.contains(test.app.localisation.strings(.fi).text("mail_sending_off")))
        #expect(body.contains("href=\"/admin/outbox?state=sent\""))
        let sent = try browser.get("/admin/outbox?state=sent").text
        #expect(sent.contains("Järvelän muistutus") && !sent.contains("Testiviesti"))
        // The home page links to the outbox.
        #expect(try browser.get("/").text.contains("href=\"/admin/outbox\""))
    }

    @Test func hrSeesItsOwnPeoplesMessagesOnly() throws {
        let test = try TestApp()
        let world = try World(test)
        let own = try Self.enqueue(test, key: "a", to: world.employeeA, subject: "Järvelän muistutus")
        let other = try Self.enqueue(test, key: "c", to: world.employeeC, subject: "Koskenkylän muistutus")
        let nobody = try Self.enqueue(test, key: "none", to: nil, subject: "Testiviesti")
        var browser = try test.signIn("hr")
        let body = try browser.get("/admin/outbox").text
        #expect(body.contains("Järvelän muistutus"))
        #expect(!body.contains("Koskenkylän muistutus") && !body.contains("Testiviesti"))
        #expect(try browser.get("/admin/outbox/\(own)").status == .ok)
        #expect(try browser.get("/admin/outbox/\(other)").status == .notFound)
        #expect(try browser.get("/admin/outbox/\(nobody)").status == .notFound)
    }

    @Test func aMessagesBodiesAreShownAsEscapedTextNeverAsHTML() throws {
        let test = try TestApp()
        let world = try World(test)
        let id = try Self.enqueue(test, key: "a", to: world.employeeA, subject: "Muistutus <i>tärkeä</i>")
        var browser = try test.signIn("admin")
        let body = try browser.get("/admin/outbox/\(id)").text
        #expect(body.contains("&lt;p&gt;Hei &lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;"))
        #expect(!body.contains("<script>alert(1)"), "the HTML body was rendered")
        #expect(body.contains("Hei &lt;b&gt;sinä&lt;/b&gt;"))
        #expect(body.contains("<pre class=\"mail-body\""))
        #expect(!body.contains("<i>tärkeä</i>"))
        #expect(try browser.get("/admin/outbox/999999").status == .notFound)
    }

    @Test func withSMTPConfiguredThePageDoesNotSaySendingIsOff() throws {
        var settings = TestApp.fastSettings
        settings.smtp = SMTPSettings(url: "smtp://mail.jarvela.example", sender: MailIdentity(address: "tt@jarvela.example"))
        let test = try TestApp(settings: settings)
        _ = try World(test)
        var browser = try test.signIn("admin")
        let body = try browser.get("/admin/outbox").text
        #expect(!body.contains(test.app.localisation.strings(.fi).text("mail_sending_off")))
    }
}
