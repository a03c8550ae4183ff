import Foundation
import Storage

/// Checks shared by the trainings forms.
enum TrainingFieldRules {
    static let titleLimit = 200
    static let descriptionLimit = 4000
    static let placeLimit = 200
    static let urlLimit = 1000
    static let reasonLimit = 500

    /// An http(s) address, or nil with the problem's locale key.
    static func link(_ value: String) -> (url: String?, problem: String?) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return (nil, nil) }
        guard trimmed.count <= urlLimit, !FieldRules.hasControlCharacter(trimmed), !trimmed.contains(" "),
              let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty
        else { return (nil, "trainings_error_link") }
        return (trimmed, nil)
    }

    /// A one-line text up to `limit` characters; nil with a locale key when it is not.
    static func line(_ value: String, limit: Int, required: Bool) -> (text: String, problem: String?) {
        let text = value.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return (text, required ? "trainings_error_required" : nil) }
        if text.count > limit { return (text, "trainings_error_too_long") }
        if FieldRules.hasControlCharacter(text) { return (text, "trainings_error_characters") }
        return (text, nil)
    }

    /// A longer text (newlines allowed) up to `limit` characters.
    static func paragraph(_ value: String, limit: Int) -> (text: String, problem: String?) {
        let text = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count > limit { return (text, "trainings_error_too_long") }
        if text.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\n" && $0 != "\t" }) {
            return (text, "trainings_error_characters")
        }
        return (text, nil)
    }
}

/// What HR typed into the series form.
struct SeriesFormInput {
    var title = ["", "", ""]
    var description = ["", "", ""]
    var active = true
    var errors = FormErrors()
    private(set) var checked: (title: LocalisedText, description: LocalisedText)?

    init() {}

    init(series: TrainingSeries) {
        title = [series.titleFi, series.titleSv, series.titleEn]
        description = [series.descriptionFi, series.descriptionSv, series.descriptionEn]
        active = series.active
    }

    init(form: FormInput, strings: Strings) {
        let languages = ["fi", "sv", "en"]
        title = languages.map { form["title_\($0)"] ?? "" }
        description = languages.map { form["description_\($0)"] ?? "" }
        active = form["active"] == "yes"
        var titles: [String] = []
        var descriptions: [String] = []
        for (index, language) in languages.enumerated() {
            let line = TrainingFieldRules.line(title[index], limit: TrainingFieldRules.titleLimit, required: index == 0)
            if let problem = line.problem { errors.add("title_\(language)", strings.text(problem)) }
            titles.append(line.text)
            let paragraph = TrainingFieldRules.paragraph(description[index], limit: TrainingFieldRules.descriptionLimit)
            if let problem = paragraph.problem { errors.add("description_\(language)", strings.text(problem)) }
            descriptions.append(paragraph.text)
        }
        if errors.isEmpty {
            checked = (LocalisedText(fi: titles[0], sv: titles[1], en: titles[2]),
                       LocalisedText(fi: descriptions[0], sv: descriptions[1], en: descriptions[2]))
        }
    }
}

/// What HR or a trainer typed into the training form, and what it means once checked.
struct TrainingFormInput {
    static let durationRange = 1...10_080
    static let materialLimit = 20

    var series = ""
    var title = ["", "", ""]
    var description = ["", "", ""]
    var duration = "15"
    var format = TrainingFormat.remote.rawValue
    var language = "fi"
    var areaCodes: Set<String> = []
    var sectorIDs: Set<String> = []
    var jobGroups = ""
    /// One per line: "Title | https://…".
    var materials = ""
    var offeredTo: Set<String> = []
    var active = true
    var errors = FormErrors()
    private(set) var checked: TrainingDraft?

    init() {}

    init(details: TrainingDetails) {
        let training = details.training
        series = training.seriesID.map(String.init) ?? ""
        title = [training.titleFi, training.titleSv, training.titleEn]
        description = [training.descriptionFi, training.descriptionSv, training.descriptionEn]
        duration = String(training.durationMinutes)
        format = training.format.rawValue
        language = training.language
        areaCodes = Set(details.areaCodes)
        sectorIDs = Set(details.audience.sectorIDs.map(String.init))
        jobGroups = details.audience.jobGroups.sorted().joined(separator: "\n")
        materials = details.materials.map { "\($0.title) | \($0.url)" }.joined(separator: "\n")
        offeredTo = Set(details.offeredTo.map(String.init))
        active = training.active
    }

    /// Reads and checks a submitted form against what the organisation has.
    init(form: FormInput, organisationID: Int64, ownerUserID: Int64?, series seriesList: [Stored<TrainingSeries>],
         knownAreas: Set<String>, sectors: [Stored<Sector>], organisations: [Stored<Organisation>], strings: Strings) {
        let languages = ["fi", "sv", "en"]
        series = form["series_id"] ?? ""
        title = languages.map { form["title_\($0)"] ?? "" }
        description = languages.map { form["description_\($0)"] ?? "" }
        duration = form["duration_minutes"] ?? ""
        format = form["format"] ?? ""
        language = form["language"] ?? ""
        areaCodes = Set(form.values("area_codes"))
        sectorIDs = Set(form.values("sector_ids"))
        jobGroups = form["job_groups"] ?? ""
        materials = form["materials"] ?? ""
        offeredTo = Set(form.values("offered_to"))
        active = form["active"] == "yes"

        var titles: [String] = []
        var descriptions: [String] = []
        for (index, code) in languages.enumerated() {
            let line = TrainingFieldRules.line(title[index], limit: TrainingFieldRules.titleLimit, required: index == 0)
            if let problem = line.problem { errors.add("title_\(code)", strings.text(problem)) }
            titles.append(line.text)
            let paragraph = TrainingFieldRules.paragraph(description[index], limit: TrainingFieldRules.descriptionLimit)
            if let problem = paragraph.problem { errors.add("description_\(code)", strings.text(problem)) }
            descriptions.append(paragraph.text)
        }
        let seriesID = series.isEmpty ? nil : seriesList.first { String($0.id) == series }?.id
        if !series.isEmpty, seriesID == nil { errors.add("series_id", strings.text("trainings_error_choose")) }
        let minutes = Int(duration.trimmingCharacters(in: .whitespaces))
        if minutes.map({ !Self.durationRange.contains($0) }) ?? true {
            errors.add("duration_minutes", strings.text("trainings_error_duration"))
        }
        let chosenFormat = TrainingFormat(rawValue: format)
        if chosenFormat == nil { errors.add("format", strings.text("trainings_error_choose")) }
        if !languages.contains(language) { errors.add("language", strings.text("trainings_error_choose")) }
        if !areaCodes.isSubset(of: knownAreas) { errors.add("area_codes", strings.text("trainings_error_unknown_area")) }
        let sectorSet = Set(sectors.map { String($0.id) })
        if !sectorIDs.isSubset(of: sectorSet) { errors.add("sector_ids", strings.text("trainings_error_choose")) }
        var groups: Set<String> = []
        for line in jobGroups.split(whereSeparator: \.isNewline) {
            let group = TrainingFieldRules.line(String(line), limit: 100, required: false)
            if group.problem != nil { errors.add("job_groups", strings.text("trainings_error_job_groups")) }
            if !group.text.isEmpty { groups.insert(group.text) }
        }
        let links = checkMaterials(strings)
        let otherOrganisations = Set(organisations.filter { $0.id != organisationID }.map { String($0.id) })
        if !offeredTo.isSubset(of: otherOrganisations) { errors.add("offered_to", strings.text("trainings_error_choose")) }
        guard errors.isEmpty, let minutes, let chosenFormat else { return }
        let training = Training(
            organisationID: organisationID, seriesID: seriesID,
            title: LocalisedText(fi: titles[0], sv: titles[1], en: titles[2]),
            description: LocalisedText(fi: descriptions[0], sv: descriptions[1], en: descriptions[2]),
            durationMinutes: minutes, format: chosenFormat, language: language, ownerUserID: ownerUserID, active: active)
        checked = TrainingDraft(
            training: training, areaCodes: areaCodes.sorted(),
            audience: TrainingAudience(sectorIDs: Set(sectorIDs.compactMap { Int64($0) }), jobGroups: groups),
            materials: links, offeredTo: Set(offeredTo.compactMap { Int64($0) }))
    }

    /// "Title | address" per line; a bare address is its own title.
    private mutating func checkMaterials(_ strings: Strings) -> [TrainingMaterial] {
        var found: [TrainingMaterial] = []
        for line in materials.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let address = parts.last, !address.isEmpty else { continue }
            let link = TrainingFieldRules.link(address)
            let title = parts.count == 2 && !parts[0].isEmpty ? parts[0] : address
            guard let url = link.url, title.count <= TrainingFieldRules.titleLimit, !FieldRules.hasControlCharacter(title) else {
                errors.add("materials", strings.format("trainings_error_material", ["line": String(line.prefix(80))]))
                return []
            }
            found.append(TrainingMaterial(title: title, url: url))
        }
        if found.count > Self.materialLimit {
            errors.add("materials", strings.format("trainings_error_materials_count", ["maximum": String(Self.materialLimit)]))
        }
        return found
    }
}

/// What HR or a trainer typed into the session form.
struct SessionFormInput {
    /// How far back and ahead a session may be typed: old sessions can be recorded for history, but a
    /// year typo (2062) is caught.
    static let pastDays = 400
    static let futureDays = 2 * 366
    static let capacityRange = 1...10_000

    var date = ""
    var startTime = ""
    var endTime = ""
    var place = ""
    var meetingURL = ""
    var trainerName = ""
    var capacity = ""
    var enrolment = EnrolmentMode.open.rawValue
    var unitNames = ""
    var recordingURL = ""
    var recordingUntil = ""
    var errors = FormErrors()

    struct Checked {
        var startsAt: Date
        var endsAt: Date
        var place: String
        var meetingURL: String?
        var trainerName: String
        var capacity: Int?
        var enrolment: EnrolmentMode
        var unitIDs: [Int64]
        var recordingURL: String?
        var recordingUntil: String?
    }

    private(set) var checked: Checked?

    init() {}

    init(session: TrainingSession, unitNames names: [String]) {
        date = HelsinkiTime.date(session.startsAt)
        startTime = HelsinkiTime.time(session.startsAt)
        endTime = HelsinkiTime.time(session.endsAt)
        place = session.place
        meetingURL = session.meetingURL ?? ""
        trainerName = session.trainerName
        capacity = session.capacity.map(String.init) ?? ""
        enrolment = session.enrolment.rawValue
        unitNames = names.joined(separator: "\n")
        recordingURL = session.recordingURL ?? ""
        recordingUntil = session.recordingUntil ?? ""
    }

    init(form: FormInput, units: [Stored<WorkUnit>], strings: Strings, now: Date = Date()) {
        date = (form["date"] ?? "").trimmingCharacters(in: .whitespaces)
        startTime = (form["start_time"] ?? "").trimmingCharacters(in: .whitespaces)
        endTime = (form["end_time"] ?? "").trimmingCharacters(in: .whitespaces)
        place = form["place"] ?? ""
        meetingURL = form["meeting_url"] ?? ""
        trainerName = form["trainer_name"] ?? ""
        capacity = (form["capacity"] ?? "").trimmingCharacters(in: .whitespaces)
        enrolment = form["enrolment"] ?? ""
        unitNames = form["unit_names"] ?? ""
        recordingURL = form["recording_url"] ?? ""
        recordingUntil = (form["recording_until"] ?? "").trimmingCharacters(in: .whitespaces)
        checked = check(units: units, strings: strings, now: now)
    }

    private mutating func check(units: [Stored<WorkUnit>], strings: Strings, now: Date) -> Checked? {
        let times = checkTimes(strings, now: now)
        let placeLine = TrainingFieldRules.line(place, limit: TrainingFieldRules.placeLimit, required: false)
        if let problem = placeLine.problem { errors.add("place", strings.text(problem)) }
        let meeting = TrainingFieldRules.link(meetingURL)
        if let problem = meeting.problem { errors.add("meeting_url", strings.text(problem)) }
        let trainer = TrainingFieldRules.line(trainerName, limit: TrainingFieldRules.titleLimit, required: false)
        if let problem = trainer.problem { errors.add("trainer_name", strings.text(problem)) }
        let mode = EnrolmentMode(rawValue: enrolment)
        if mode == nil { errors.add("enrolment", strings.text("trainings_error_choose")) }
        var places: Int?
        if !capacity.isEmpty {
            places = Int(capacity)
            if places.map({ !Self.capacityRange.contains($0) }) ?? true {
                errors.add("capacity", strings.text("trainings_error_capacity"))
            }
        } else if mode == .registration {
            // Registration without a limit is allowed: the list is then for planning only.
            places = nil
        }
        let unitIDs = checkUnits(units, strings)
        let recording = TrainingFieldRules.link(recordingURL)
        if let problem = recording.problem { errors.add("recording_url", strings.text(problem)) }
        var until: String?
        if !recordingUntil.isEmpty {
            if case .date(let iso) = FieldRules.readDate(recordingUntil) {
                until = iso
                if let times, iso < HelsinkiTime.date(times.start) {
                    errors.add("recording_until", strings.text("trainings_error_recording_until"))
                }
            } else {
                errors.add("recording_until", strings.text("trainings_error_date"))
            }
            if recording.url == nil, recording.problem == nil {
                errors.add("recording_url", strings.text("trainings_error_recording_missing"))
            }
        }
        guard errors.isEmpty, let times, let mode, let unitIDs else { return nil }
        return Checked(startsAt: times.start, endsAt: times.end, place: placeLine.text, meetingURL: meeting.url,
                       trainerName: trainer.text, capacity: places, enrolment: mode, unitIDs: unitIDs,
                       recordingURL: recording.url, recordingUntil: until)
    }

    private mutating func checkTimes(_ strings: Strings, now: Date) -> (start: Date, end: Date)? {
        guard case .date(let day) = FieldRules.readDate(date) else {
            errors.add("date", strings.text("trainings_error_date"))
            return nil
        }
        let today = HelsinkiTime.startOfDay(now)
        let earliest = HelsinkiTime.adding(days: -Self.pastDays, to: today)
        let latest = HelsinkiTime.adding(days: Self.futureDays, to: today)
        guard let start = HelsinkiTime.instant(date: day, time: startTime) else {
            errors.add("start_time", strings.text("trainings_error_time"))
            return nil
        }
        guard let end = HelsinkiTime.instant(date: day, time: endTime) else {
            errors.add("end_time", strings.text("trainings_error_time"))
            return nil
        }
        if start < earliest || start > latest {
            errors.add("date", strings.text("trainings_error_date_range"))
            return nil
        }
        guard end > start else {
            errors.add("end_time", strings.text("trainings_error_end_before_start"))
            return nil
        }
        return (start, end)
    }

    /// Target units named one per line (each with its sub-units); none means the whole organisation.
    private mutating func checkUnits(_ units: [Stored<WorkUnit>], _ strings: Strings) -> [Int64]? {
        let byName = Dictionary(units.map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
        var ids: [Int64] = []
        var unknown: [String] = []
        for line in unitNames.split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            if let id = byName[name.lowercased()] { ids.append(id) } else { unknown.append(name) }
        }
        guard unknown.isEmpty else {
            errors.add("unit_names", strings.format("trainings_error_units", ["names": unknown.prefix(5).joined(separator: ", ")]))
            return nil
        }
        return ids
    }
}
