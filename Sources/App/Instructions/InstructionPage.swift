import Foundation
import HTTPServer
import Metrics
import Storage

struct InstructionLinkView {
    let title: String
    let url: String
}

struct KeyUserView {
    let name: String
    let email: String
    let hasEmail: Bool
    let phone: String
    /// `tel:` with the digits and a leading plus only (spaces are not allowed in the address).
    let phoneHref: String
    let hasPhone: Bool
    let note: String
    let hasNote: Bool
}

struct TranslationView {
    let href: String
    let label: String
    let language: String
}

struct InstructionPageView {
    let crumbs: [Crumb]
    let title: String
    let language: String
    /// cmark's safe HTML of the text: the one piece of user text printed unescaped.
    let bodyHTML: String
    let links: [InstructionLinkView]
    let hasLinks: Bool
    let facts: [InstructionFactView]
    let pinned: Bool
    let needsReview: Bool
    let reviewNote: String
    let retired: Bool
    let keyUsers: [KeyUserView]
    let hasKeyUsers: Bool
    let keyUsersHeading: String
    let translations: [TranslationView]
    let hasTranslations: Bool
    let topicHref: String
    let hasTopic: Bool
    let topicLinkText: String
    let canEdit: Bool
    let editHref: String
    let reviewedAction: String
    let retireAction: String
    let retireValue: String
    let retireLabel: String
}

struct InstructionFactView {
    let label: String
    let value: String
}

extension WebApp {
    /// One instruction: its text (Markdown through cmark's safe mode), links, what and whom it is
    /// for, its owner and review, the system's key users, and the other language versions. Owners
    /// and HR mark it reviewed, edit or retire it here.
    func showInstruction(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, reader, canEdit) = try readableInstruction(context)
        let strings = context.strings
        let instruction = details.instruction
        let organisationID = instruction.organisationID
        let today = CivilDay.today(settings.now()).iso
        let topicNames = try tutorTopicNames(organisationID, strings)
        let sectorName = try instruction.sectorID.flatMap { try sectors.sector(id: $0)?.name } ?? strings.text("instructions_everyone")
        var owners: [String] = [instruction.ownerTeam]
        for userID in details.ownerUserIDs {
            guard let user = try users.user(id: userID) else { continue }
            let employee = try user.employeeID.flatMap { try employees.employee(id: $0) }
            owners.append(employee.map { $0.firstName + " " + $0.lastName } ?? user.login)
        }
        var facts: [InstructionFactView] = []
        if !instruction.systemName.isEmpty {
            facts.append(InstructionFactView(label: strings.text("instructions_field_system"), value: instruction.systemName))
        }
        if let topic = instruction.topicID.flatMap({ topicNames[$0] }) {
            facts.append(InstructionFactView(label: strings.text("instructions_field_topic"), value: topic))
        }
        facts += [
            InstructionFactView(label: strings.text("instructions_field_sector"), value: sectorName),
            InstructionFactView(label: strings.text("instructions_field_language"), value: strings.languageName(instruction.language)),
            InstructionFactView(label: strings.text("instructions_owner"), value: owners.filter { !$0.isEmpty }.joined(separator: ", ")),
            InstructionFactView(label: strings.text("instructions_field_reviewed_on"), value: strings.date(instruction.reviewedOn)),
            InstructionFactView(label: strings.text("instructions_next_review"), value: strings.date(instruction.reviewDueOn)),
        ]
        let system = try keyUserStore.system(organisationID: organisationID, named: instruction.systemName)
        let keyUsers = system?.keyUsers.map(keyUserView) ?? []
        let translations = try instructionStore.translations(of: instruction).map {
            TranslationView(href: Paths.instruction($0.id), label: $0.title, language: $0.language)
        }
        let needsReview = instruction.record.needsReview(on: today)
        return try context.render("instructions/instruction", title: instruction.title, InstructionPageView(
            crumbs: [Crumb(href: Paths.instructions, label: strings.text("instructions_title"), current: false),
                     Crumb(href: Paths.instruction(instruction.id), label: instruction.title, current: true)],
            title: instruction.title, language: instruction.language, bodyHTML: Markdown.html(instruction.body),
            links: details.links.map { InstructionLinkView(title: $0.title, url: $0.url) }, hasLinks: !details.links.isEmpty,
            facts: facts, pinned: instruction.pinned, needsReview: needsReview,
            reviewNote: strings.format("instructions_review_overdue", ["date": strings.date(instruction.reviewDueOn)]),
            retired: instruction.retired, keyUsers: keyUsers, hasKeyUsers: !keyUsers.isEmpty,
            keyUsersHeading: strings.format("instructions_key_users_of", ["system": system?.system.name ?? ""]),
            translations: translations, hasTranslations: !translations.isEmpty,
            topicHref: instruction.topicID.map(Paths.instructions(topic:)) ?? "", hasTopic: instruction.topicID != nil && reader.organisation.id == organisationID,
            topicLinkText: strings.format("instructions_more_on_topic", ["topic": instruction.topicID.flatMap { topicNames[$0] } ?? ""]),
            canEdit: canEdit, editHref: Paths.editInstruction(instruction.id), reviewedAction: Paths.instructionReviewed(instruction.id),
            retireAction: Paths.retireInstruction(instruction.id), retireValue: instruction.retired ? "restore" : "retire",
            retireLabel: strings.text(instruction.retired ? "instructions_restore" : "instructions_retire")))
    }

    func keyUserView(_ contact: KeyUserContact) -> KeyUserView {
        let email = contact.email ?? "", phone = contact.phone ?? ""
        return KeyUserView(name: contact.firstName + " " + contact.lastName, email: email, hasEmail: !email.isEmpty,
                           phone: phone, phoneHref: "tel:" + phone.filter { $0.isASCII && ($0.isNumber || $0 == "+") },
                           hasPhone: !phone.isEmpty, note: contact.note, hasNote: !contact.note.isEmpty)
    }

    /// Marks the instruction reviewed today: the next review is due an interval from now.
    func markInstructionReviewed(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, _, canEdit) = try readableInstruction(context)
        try context.require(canEdit)
        let today = CivilDay.today(settings.now()).iso
        try changing {
            try instructionStore.markReviewed(details.instruction.id, on: today, by: context.principal?.userID)
            try auditChange("instruction.reviewed", context, target: "instruction:\(details.instruction.id)")
        }
        return context.redirect(Paths.instruction(details.instruction.id), notice: "saved")
    }

    /// Retires an instruction (kept, hidden from the lists) or restores it.
    func retireInstruction(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, _, canEdit) = try readableInstruction(context)
        try context.require(canEdit)
        let retire: Bool
        switch try context.requireForm()["action"] {
        case "retire": retire = true
        case "restore": retire = false
        default: throw AppError.badRequest
        }
        try changing {
            try instructionStore.setRetired(details.instruction.id, retire, by: context.principal?.userID)
            try auditChange(retire ? "instruction.retire" : "instruction.restore", context,
                            target: "instruction:\(details.instruction.id)")
        }
        return context.redirect(retire ? Paths.instructions : Paths.instruction(details.instruction.id), notice: "saved")
    }
}
