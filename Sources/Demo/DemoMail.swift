import Foundation
import Storage

/// A few messages in the outbox, so the outbox page shows what it is for: reminders about required
/// trainings and onboarding to three Järvelä people (sign-ins tyontekija, esihenkilo, esihenkilo2),
/// one in each state but `sending`. The addresses are the demo's own (`*.example`, which no mail
/// server delivers to).
struct DemoMail {
    let database: AppDatabase
    let today: DemoDay

    func load(_ plan: DemoPlan, organisationIDs: [String: Int64]) throws {
        guard let jarvela = organisationIDs["jarvela"] else { return }
        let anchors = plan.anchors
        let people = try EmployeeStore(database).activeEmployees(
            organisationID: jarvela, hrNumbers: [anchors.workerHRNumber, anchors.directorHRNumber, anchors.principalHRNumber])
        guard let worker = people[anchors.workerHRNumber], let director = people[anchors.directorHRNumber],
              let principal = people[anchors.principalHRNumber] else { return }
        let store = MailOutboxStore(database)
        // 07:00 in Helsinki (05:00 UTC in winter) of the demo's day, and days before it.
        let morning = Date(timeIntervalSince1970: TimeInterval(today.daysSinceEpoch) * 86400 + 5 * 3600)
        func daysAgo(_ days: Double) -> Date { morning.addingTimeInterval(-days * 86400) }
        let due = DemoDay(daysSinceEpoch: today.daysSinceEpoch + 30).components
        let deadline = "\(due.day).\(due.month).\(due.year)"

        func reminder(_ person: Stored<Employee>, _ key: String, _ subject: String, _ lines: [String]) -> OutgoingMail? {
            guard let address = person.email else { return nil }
            let text = (["Hei \(person.firstName),", ""] + lines + ["", "Terveisin", "Taitotutka, Järvelän kunta"])
                .joined(separator: "\n")
            let html = "<p>Hei \(person.firstName),</p>" + lines.map { "<p>\($0)</p>" }.joined()
                + "<p>Terveisin<br>Taitotutka, Järvelän kunta</p>"
            return OutgoingMail(messageKey: "demo|\(key)|\(person.id)", recipientAddress: address,
                                recipientEmployeeID: person.id, language: person.language, subject: subject,
                                textBody: text, htmlBody: html, causeKind: "demo", causeRef: key)
        }
        let dataProtection = "Tietosuoja ja tietoturva -verkkokurssi"
        let lines = ["Pakollinen koulutus \(dataProtection) on suoritettava \(deadline) mennessä.",
                     "Kurssi kestää noin 45 minuuttia. Löydät sen Taitotutkasta kohdasta Omat koulutukset."]

        // Sent ten days ago: the first reminder.
        if let mail = reminder(worker, "compliance-30", "Muistutus: \(dataProtection) \(deadline) mennessä", lines) {
            try store.enqueue(mail, now: daysAgo(10))
            for message in try store.claimBatch(limit: 1, now: daysAgo(10)) {
                if let claim = message.claimToken { try store.markSent(message.id, claim: claim, now: daysAgo(10)) }
            }
        }
        // Failed for good: the mail server refused the address.
        if let mail = reminder(director, "onboarding-start", "Perehdytys: uusi työntekijä aloittaa maanantaina",
                               ["Yksikköösi aloittaa uusi työntekijä. Perehdytyslista odottaa Taitotutkassa."]) {
            try store.enqueue(mail, now: daysAgo(5))
            for message in try store.claimBatch(limit: 1, now: daysAgo(5)) {
                if let claim = message.claimToken {
                    try store.markFailed(message.id, claim: claim,
                                         error: "Failed sending data to the peer: RCPT failed: 550 (SMTP 550)", retryAt: nil)
                }
            }
        }
        // Cancelled: the training was completed before the reminder went.
        if let mail = reminder(principal, "compliance-7", "Muistutus: \(dataProtection) \(deadline) mennessä", lines) {
            try store.enqueue(mail, now: daysAgo(3))
            if let message = try store.message(key: mail.messageKey) {
                try store.cancel(message.id, reason: "Koulutus suoritettiin ennen lähetystä.")
            }
        }
        // Waiting to be retried: the server could not be reached.
        if let mail = reminder(director, "compliance-30", "Muistutus: \(dataProtection) \(deadline) mennessä", lines) {
            try store.enqueue(mail, now: daysAgo(1))
            for message in try store.claimBatch(limit: 1, now: daysAgo(1)) {
                if let claim = message.claimToken {
                    try store.markFailed(message.id, claim: claim, error: "Couldn't connect to server",
                                         retryAt: MailBackoff.retryAt(afterAttempts: message.attempts, from: daysAgo(1)))
                }
            }
        }
        // Queued today: waits for sending to be configured.
        if let mail = reminder(worker, "compliance-7", "Muistutus: \(dataProtection) \(deadline) mennessä", lines) {
            try store.enqueue(mail, now: morning)
        }
    }
}
