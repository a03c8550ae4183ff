import Foundation
import Metrics
import Storage

/// What a reminder pass did.
public struct ReminderPassReport: Sendable, Equatable {
    public var people = 0
    public var reminders = 0
    public var digests = 0
    /// Messages new to the outbox (the rest were there already: each is queued once).
    public var queued = 0
    public var elapsed: Duration = .zero

    public var summary: String {
        "\(people) people checked, \(reminders) reminders and \(digests) supervisors' digests due, \(queued) new in the outbox"
    }
}

/// Reminders of required training, written into the outbox (`Mail/`), which sends them once SMTP is
/// configured. A pass may run any number of times a day: each message has a key naming its cause
/// (requirement, person, deadline, kind), and the outbox keeps one message per key. Just before a
/// message is sent, `complianceVerdict` checks its cause again, so nothing goes to someone who has
/// completed it, been exempted or left meanwhile.
extension WebApp {
    static let complianceCause = "compliance"
    /// A pass that has not run for a while (the server was down) still sends the latest reminder of
    /// the last week, not older ones.
    static let reminderCatchUpDays = 6

    /// One pass over every organisation's people on `today`.
    /// `day`: a Helsinki date (tests and the command line), today when nil.
    public func queueComplianceReminders(on day: CivilDay? = nil) throws -> ReminderPassReport {
        let today = day ?? CivilDay.today(settings.now())
        let clock = ContinuousClock(), started = clock.now
        var report = ReminderPassReport()
        for organisation in try organisations.all() {
            let data = try complianceData(organisation.id)
            guard !data.evaluators.isEmpty else { continue }
            var mails: [OutgoingMail] = []
            for person in data.people where person.active {
                guard let address = person.email, !address.isEmpty else { continue }
                report.people += 1
                for evaluator in data.evaluators {
                    let events = evaluator.reminders(person, today: today, evidence: data.evidence[person.id] ?? [],
                                                     exemptions: data.exemptions[person.id] ?? [], audience: data.audience)
                    guard let latest = events.filter({ $0.date >= today.adding(days: -Self.reminderCatchUpDays) })
                        .max(by: { ($0.date, $0.kind.order) < ($1.date, $1.kind.order) }) else { continue }
                    report.reminders += 1
                    mails.append(reminderMail(latest, evaluator, person, address: address, today: today))
                }
            }
            if Self.isMonday(today) {
                let digests = try supervisorDigests(data, organisationID: organisation.id, today: today)
                report.digests += digests.count
                mails += digests
            }
            report.queued += try mailOutbox.enqueueMany(mails)
        }
        report.elapsed = clock.now - started
        return report
    }

    /// Whether a queued reminder's cause still holds: the person is still due or overdue against the
    /// same deadline (not completed, exempted, left, or the requirement retired meanwhile).
    func complianceVerdict(_ message: Stored<MailOutboxMessage>) throws -> MailCauseVerdict {
        let parts = (message.causeRef ?? "").split(separator: "|").map(String.init)
        guard parts.count == 3, let requirementID = Int64(parts[0]), let employeeID = Int64(parts[1]),
              let deadline = CivilDay(iso: parts[2]) else { return .cancel(reason: "unknown cause") }
        guard let definition = try requirements.definition(id: requirementID),
              let person = try complianceEvidence.person(employeeID: employeeID), person.active else {
            return .cancel(reason: "the person or the requirement is gone")
        }
        let evaluator = RequirementEvaluator(definition)
        let evidence = try complianceEvidence.evidence(employeeIDs: [employeeID], trainingIDs: evaluator.trainingIDs)
        let status = evaluator.status(person, on: CivilDay.today(settings.now()), evidence: evidence[employeeID] ?? [],
                                      exemptions: try exemptionStore.exemptions(employeeIDs: [employeeID])[employeeID] ?? [],
                                      audience: try audienceFacts(definition.requirement.organisationID))
        guard status.deadline == deadline, status.kind == .due || status.kind == .overdue else {
            return .cancel(reason: "no longer due: \(Strings.kindName(status.kind))")
        }
        return .send
    }

    private func reminderMail(_ event: ReminderEvent, _ evaluator: RequirementEvaluator, _ person: CompliancePerson,
                              address: String, today: CivilDay) -> OutgoingMail {
        let strings = localisation.strings(Language(rawValue: person.language) ?? .standard)
        let title = evaluator.definition.requirement.title.text(strings.language.rawValue)
        let date = strings.date(event.deadline.iso)
        let overdue = event.kind == .sevenDaysAfter
        let subject = strings.format(overdue ? "compliance_mail_subject_overdue" : "compliance_mail_subject_due",
                                     ["title": title, "date": date])
        let lead = strings.format("compliance_mail_" + event.kind.rawValue, ["title": title, "date": date])
        let link = settings.publicURL.map { strings.format("compliance_mail_link", ["url": $0 + Paths.trainings]) }
            ?? strings.text("compliance_mail_link_words")
        let paragraphs = [strings.format("compliance_mail_greeting", ["name": person.firstName]), lead, link,
                          strings.text("compliance_mail_footer")]
        return OutgoingMail(
            messageKey: "\(Self.complianceCause)|\(evaluator.id)|\(person.id)|\(event.key)", recipientAddress: address,
            recipientEmployeeID: person.id, language: strings.language.rawValue, subject: subject,
            textBody: paragraphs.joined(separator: "\n\n") + "\n", htmlBody: Self.simpleHTML(paragraphs),
            causeKind: Self.complianceCause, causeRef: "\(evaluator.id)|\(person.id)|\(event.deadline.iso)")
    }

    /// Monday's digest to each supervisor: how many of their units' people are overdue or due within
    /// 30 days, per requirement, with the way to the unit's page. Counts only: the names are on the
    /// page behind sign-in, never in e-mail. Nothing goes when there is nothing to do.
    private func supervisorDigests(_ data: ComplianceData, organisationID: Int64, today: CivilDay) throws -> [OutgoingMail] {
        try complianceEvidence.supervisorRecipients(organisationID: organisationID).compactMap { recipient in
            let strings = localisation.strings(Language(rawValue: recipient.language) ?? .standard)
            var units: Set<Int64> = []
            for unitID in recipient.unitIDs { units.formUnion(data.subtree(of: unitID)) }
            let people = data.people.filter { $0.active && ($0.unitID.map(units.contains) ?? false) }
            var lines: [String] = []
            for evaluator in data.evaluators {
                var overdue = 0, dueSoon = 0
                for person in people {
                    let status = evaluator.status(person, on: today, evidence: data.evidence[person.id] ?? [],
                                                  exemptions: data.exemptions[person.id] ?? [], audience: data.audience)
                    if status.kind == .overdue { overdue += 1 }
                    if case .due(_, let daysLeft, _) = status, daysLeft <= 30 { dueSoon += 1 }
                }
                guard overdue + dueSoon > 0 else { continue }
                lines.append(strings.format("compliance_digest_line", [
                    "title": evaluator.definition.requirement.title.text(strings.language.rawValue),
                    "overdue": strings.number(overdue), "due": strings.number(dueSoon)]))
            }
            guard !lines.isEmpty else { return nil }
            let pages = recipient.unitIDs.map { unitID in
                let name = data.hierarchy.units[unitID]?.name ?? ""
                return settings.publicURL.map { "\(name): \($0)\(Paths.unitRequirements(unitID))" } ?? name
            }
            let paragraphs = [strings.format("compliance_mail_greeting", ["name": recipient.firstName]),
                              strings.text("compliance_digest_lead"), lines.joined(separator: "\n"),
                              strings.text("compliance_digest_pages") + "\n" + pages.joined(separator: "\n"),
                              strings.text("compliance_mail_footer")]
            return OutgoingMail(
                messageKey: "compliance-digest|\(recipient.employeeID)|\(today.iso)", recipientAddress: recipient.email,
                recipientEmployeeID: recipient.employeeID, language: strings.language.rawValue,
                subject: strings.format("compliance_digest_subject", ["date": strings.date(today.iso)]),
                textBody: paragraphs.joined(separator: "\n\n") + "\n", htmlBody: Self.simpleHTML(paragraphs))
        }
    }

    /// Paragraphs as simple HTML, every special character escaped with the XML escaping the charts use
    /// (names and titles are typed by people).
    static func simpleHTML(_ paragraphs: [String]) -> String {
        let body = paragraphs.map { paragraph in
            "<p>" + paragraph.split(separator: "\n", omittingEmptySubsequences: false)
                .map { SVGText.escape(String($0)) }.joined(separator: "<br>") + "</p>"
        }.joined(separator: "\n")
        return "<!DOCTYPE html>\n<html><body>\n\(body)\n</body></html>\n"
    }

    /// 1 January 1970 was a Thursday.
    static func isMonday(_ day: CivilDay) -> Bool { ((day.daysSinceEpoch + 3) % 7 + 7) % 7 == 0 }

    func registerComplianceMailCause() {
        mailCauses.register(Self.complianceCause) { [unowned self] message in try complianceVerdict(message) }
    }
}

extension ReminderKind {
    /// The order of a deadline's reminders, for choosing the latest of one day.
    var order: Int {
        switch self {
        case .windowOpens: 0
        case .fourteenDaysBefore: 1
        case .dueDay: 2
        case .sevenDaysAfter: 3
        }
    }
}
