import Foundation
import HTTPServer
import Metrics
import Storage

/// A template item's form as typed and checked (adding or changing an item makes the template's
/// next version).
struct TemplateItemInput {
    var values: [String: String] = ["responsible": OnboardingResponsibleParty.employee.rawValue, "offset_days": "0", "required": "1"]
    var errors = FormErrors()
    private(set) var checked: OnboardingItemContent?
    private(set) var changelog = ""

    static let textFields = ["key", "title_fi", "title_sv", "title_en", "instructions_fi", "instructions_sv", "instructions_en",
                             "responsible", "offset_days", "training_id", "instruction_id", "link_url", "changelog"]

    init() {}

    /// The form of an item being changed, filled with what it says now (the changelog left to write).
    init(item: OnboardingItemContent) {
        values = ["key": item.key, "title_fi": item.title.fi, "title_sv": item.title.sv, "title_en": item.title.en,
                  "instructions_fi": item.instructions.fi, "instructions_sv": item.instructions.sv,
                  "instructions_en": item.instructions.en, "responsible": item.responsible.rawValue,
                  "offset_days": String(item.offsetDays), "training_id": item.trainingID.map(String.init) ?? "",
                  "instruction_id": item.instructionID.map(String.init) ?? "", "link_url": item.linkURL ?? "",
                  "changelog": "", "required": item.required ? "1" : ""]
    }

    /// Checks the typed form. `keptKey`: an item being changed keeps its key whatever was sent
    /// (the key joins the layers and de-duplicates them).
    init(form: FormInput, existingKeys: Set<String>, keptKey: String? = nil, trainings: Set<Int64>, instructions: Set<Int64>,
         strings: Strings) {
        for name in Self.textFields { values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        values["required"] = form["required"] == "1" ? "1" : ""
        if let keptKey { values["key"] = keptKey }
        func value(_ name: String) -> String { values[name] ?? "" }
        let titleFi = value("title_fi")
        if titleFi.isEmpty { errors.add("title_fi", strings.text("onboarding_error_title")) }
        for name in ["title_fi", "title_sv", "title_en"] where value(name).count > 200 {
            errors.add(name, strings.text("onboarding_error_title_long"))
        }
        for name in ["instructions_fi", "instructions_sv", "instructions_en"] where value(name).count > 2000 {
            errors.add(name, strings.text("onboarding_error_instructions_long"))
        }
        let key = keptKey ?? Self.key(value("key").isEmpty ? titleFi : value("key"))
        if keptKey == nil, !titleFi.isEmpty || !value("key").isEmpty {
            if key.isEmpty || key.count > 60 {
                errors.add("key", strings.text("onboarding_error_key"))
            } else if existingKeys.contains(key) {
                errors.add("key", strings.text("onboarding_error_key_taken"))
            }
        }
        let party = OnboardingResponsibleParty(rawValue: value("responsible"))
        if party == nil { errors.add("responsible", strings.text("onboarding_error_responsible")) }
        let offset = Int(value("offset_days")).flatMap { (-365...365).contains($0) ? $0 : nil }
        if offset == nil { errors.add("offset_days", strings.text("onboarding_error_offset")) }
        var trainingID: Int64?
        if !value("training_id").isEmpty {
            trainingID = Int64(value("training_id")).flatMap { trainings.contains($0) ? $0 : nil }
            if trainingID == nil { errors.add("training_id", strings.text("onboarding_error_training")) }
        }
        var instructionID: Int64?
        if !value("instruction_id").isEmpty {
            instructionID = Int64(value("instruction_id")).flatMap { instructions.contains($0) ? $0 : nil }
            if instructionID == nil { errors.add("instruction_id", strings.text("onboarding_error_instruction")) }
        }
        let link = value("link_url")
        if !link.isEmpty, !Self.isWebAddress(link) { errors.add("link_url", strings.text("onboarding_error_link")) }
        changelog = value("changelog")
        if changelog.isEmpty {
            errors.add("changelog", strings.text("onboarding_error_changelog"))
        } else if changelog.count > 500 {
            errors.add("changelog", strings.text("onboarding_error_changelog_long"))
        }
        guard let party, let offset, errors.isEmpty else { return }
        checked = OnboardingItemContent(
            key: key, title: LocalisedText(fi: titleFi, sv: value("title_sv"), en: value("title_en")),
            instructions: LocalisedText(fi: value("instructions_fi"), sv: value("instructions_sv"), en: value("instructions_en")),
            responsible: party, offsetDays: offset, required: values["required"] == "1", trainingID: trainingID,
            instructionID: instructionID, linkURL: link.isEmpty ? nil : link)
    }

    /// A key from what was typed: lower case, letters and digits, other runs made one dash.
    static func key(_ text: String) -> String {
        var key = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                key.append(character)
            } else if !key.isEmpty, key.last != "-" {
                key.append("-")
            }
        }
        while key.last == "-" { key.removeLast() }
        return key
    }

    /// An http(s) address with a host and no spaces, at most 500 characters.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.count <= 500, !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = url.host, !host.isEmpty else { return false }
        return true
    }
}

/// A new template of the organisation, sector or job-group layer, as typed and checked.
struct NewTemplateInput {
    var values: [String: String] = ["layer": OnboardingTemplateLayer.sector.rawValue]
    var errors = FormErrors()
    private(set) var checked: OnboardingTemplate?

    init() {}

    init(form: FormInput, organisationID: Int64, sectors: Set<Int64>, userID: Int64?, strings: Strings) {
        for name in ["layer", "name", "sector_id", "job_group", "review_by"] {
            values[name] = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func value(_ name: String) -> String { values[name] ?? "" }
        let name = value("name")
        if name.isEmpty || name.count > 200 { errors.add("name", strings.text("onboarding_error_name")) }
        let layer = OnboardingTemplateLayer(rawValue: value("layer")).flatMap { $0 == .unit ? nil : $0 }
        if layer == nil { errors.add("layer", strings.text("onboarding_error_layer")) }
        var sectorID: Int64?
        if layer == .sector {
            sectorID = Int64(value("sector_id")).flatMap { sectors.contains($0) ? $0 : nil }
            if sectorID == nil { errors.add("sector_id", strings.text("onboarding_error_sector")) }
        }
        let jobGroup = value("job_group")
        if layer == .jobGroup, jobGroup.isEmpty || jobGroup.count > 100 {
            errors.add("job_group", strings.text("onboarding_error_job_group"))
        }
        var reviewBy: String?
        if !value("review_by").isEmpty {
            reviewBy = CivilDay(iso: value("review_by"))?.iso
            if reviewBy == nil { errors.add("review_by", strings.text("onboarding_error_date")) }
        }
        guard let layer, errors.isEmpty else { return }
        checked = OnboardingTemplate(organisationID: organisationID, layer: layer, sectorID: sectorID,
                                     jobGroup: layer == .jobGroup ? jobGroup : nil, name: name, ownerUserID: userID, reviewBy: reviewBy)
    }
}
