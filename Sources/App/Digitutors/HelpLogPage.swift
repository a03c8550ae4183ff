import Foundation
import HTTPServer
import Metrics
import Storage

/// One radio button of the help log form.
struct HelpChoiceView {
    let id: String
    let name: String
    let value: String
    let label: String
    let checked: Bool
}

/// A group of radio buttons with its error, drawn as one fieldset.
struct HelpChoiceGroupView {
    /// The fieldset's id: the error summary links to it.
    let name: String
    let legend: String
    let choices: [HelpChoiceView]
    let fieldError: String
    let hasFieldError: Bool
}

/// One line of the tutor's own log.
struct OwnHelpRow {
    let day: String
    let topic: String
    let minutes: String
    let channel: String
    let unit: String
    let canDelete: Bool
    let deleteAction: String
    /// Says which entry the button deletes, for screen readers (the buttons all read "Delete").
    let deleteLabel: String
}

struct HelpLogView {
    let crumbs: [Crumb]
    let confirmation: String
    let hasConfirmation: Bool
    let paused: Bool
    let action: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let day: FieldView
    let minDay: String
    let maxDay: String
    let groups: [HelpChoiceGroupView]
    let unit: FieldView
    let units: [SelectOption]
    let entries: [OwnHelpRow]
    let hasEntries: Bool
    let monthTotal: String
    let yearTotal: String
    /// Board questions of the tutor's sectors unanswered for over 48 hours (Digivinkit).
    let questions: [BoardRowView]
    let hasQuestions: Bool
    let boardHref: String
}

/// The help log form as typed and checked. It has, by design, no field for the person helped and
/// no free text: only the day, topic, about how long, channel and unit.
struct HelpLogInput {
    /// How far back help may be logged: long enough to catch up after a holiday, short enough that
    /// the log stays a record of recent help rather than of memories.
    static let daysBack = 60
    static let minutes = [5, 15, 30, 60]

    var day: String
    var topicID = ""
    var minutes = ""
    var channel = ""
    var unitID: String
    var errors = FormErrors()
    private(set) var checked: HelpLogEntry?

    /// A fresh form: today, and the tutor's first unit.
    init(today: CivilDay, firstUnitID: Int64?) {
        day = today.iso
        unitID = firstUnitID.map(String.init) ?? ""
    }

    init(form: FormInput, tutorID: Int64, today: CivilDay, topics: Set<Int64>, units: Set<Int64>, strings: Strings) {
        day = (form["day"] ?? "").trimmingCharacters(in: .whitespaces)
        topicID = form["topic_id"] ?? ""
        minutes = form["minutes"] ?? ""
        channel = form["channel"] ?? ""
        unitID = form["unit_id"] ?? ""
        let date = CivilDay(iso: day)
        if let date {
            if date > today {
                errors.add("day", strings.text("tutors_help_error_future"))
            } else if date < today.adding(days: -Self.daysBack) {
                errors.add("day", strings.format("tutors_help_error_old", ["days": String(Self.daysBack)]))
            }
        } else {
            errors.add("day", strings.text("tutors_error_date"))
        }
        let topic = Int64(topicID).flatMap { topics.contains($0) ? $0 : nil }
        if topic == nil { errors.add("topic_id", strings.text("tutors_help_error_topic")) }
        let length = Int(minutes).flatMap { Self.minutes.contains($0) ? $0 : nil }
        if length == nil { errors.add("minutes", strings.text("tutors_help_error_minutes")) }
        let way = HelpChannel(rawValue: channel)
        if way == nil { errors.add("channel", strings.text("tutors_help_error_channel")) }
        let unit = Int64(unitID).flatMap { units.contains($0) ? $0 : nil }
        if unit == nil { errors.add("unit_id", strings.text("tutors_help_error_unit")) }
        guard let date, let topic, let length, let way, let unit, errors.isEmpty else { return }
        checked = HelpLogEntry(tutorID: tutorID, day: date.iso, topicID: topic, minutes: length, channel: way, unitID: unit)
    }
}

extension WebApp {
    /// How long a tutor may delete an entry of theirs: for putting a mistake right, not for rewriting
    /// the log.
    static let helpDeleteDays = 7

    /// The signed-in person's tutor record, when they are an active or paused tutor (404 otherwise:
    /// only tutors log help, and only for themselves).
    func loggingTutor(_ context: RequestContext) throws -> TutorDetails {
        guard let employeeID = context.principal?.employeeID, let tutor = try tutorStore.tutor(employeeID: employeeID),
              let status = tutor.status(on: CivilDay.today(settings.now()).iso), status != .ended
        else { throw AppError.notFound }
        return tutor
    }

    /// Whether the employee may log help (the home page's link): an active or paused tutor.
    func logsHelp(employeeID: Int64) throws -> Bool {
        guard let tutor = try tutorStore.tutor(employeeID: employeeID) else { return false }
        return tutor.status(on: CivilDay.today(settings.now()).iso).map { $0 != .ended } ?? false
    }

    func showHelpLog(_ request: Request, _ context: RequestContext) throws -> Response {
        let tutor = try loggingTutor(context)
        let today = CivilDay.today(settings.now())
        var confirmation: String?
        if let logged = request.queryValue("logged").flatMap(Int64.init),
           let entry = try tutorStore.ownHelpEntry(id: logged, tutorID: tutor.tutor.id) {
            let strings = context.strings
            confirmation = strings.format("tutors_help_logged", [
                "topic": try tutorTopicNames(tutor.tutor.organisationID, strings)[entry.topicID] ?? "",
                "channel": strings.text("tutors_channel_" + entry.channel.rawValue),
                "minutes": minutesLabel(entry.minutes, strings)])
        }
        return try renderHelpLog(tutor, context, input: HelpLogInput(today: today, firstUnitID: tutor.units.first?.unitID),
                                 confirmation: confirmation)
    }

    func logHelp(_ request: Request, _ context: RequestContext) throws -> Response {
        let tutor = try loggingTutor(context)
        let today = CivilDay.today(settings.now())
        let topics = Set(try tutorStore.topics(organisationID: tutor.tutor.organisationID).map(\.id))
        let served = Set(try servedUnits(tutor).map(\.id))
        let input = HelpLogInput(form: try context.requireForm(), tutorID: tutor.tutor.id, today: today, topics: topics,
                                 units: served, strings: context.strings)
        guard let entry = input.checked else {
            return try renderHelpLog(tutor, context, input: input, confirmation: nil, status: .unprocessableContent)
        }
        // Not audited: an audit line carries the moment and the user, which would give the help log
        // the time of day it leaves out by design. Deletions and the coordinator's changes are audited.
        let id = try changing { try tutorStore.logHelpReturningID(entry) }
        return context.redirect(Paths.myHelpLog(logged: id))
    }

    /// Deletes one of the tutor's own entries of the last seven days (404 for anyone else's, or older).
    func deleteHelpEntry(_ request: Request, _ context: RequestContext) throws -> Response {
        let tutor = try loggingTutor(context)
        let since = CivilDay.today(settings.now()).adding(days: -Self.helpDeleteDays).iso
        let entryID = try context.entryID
        let deleted = try changing {
            let deleted = try tutorStore.deleteOwnHelp(id: entryID, tutorID: tutor.tutor.id, notBefore: since)
            if deleted { try auditChange("tutor.help.delete", context, target: "tutor:\(tutor.tutor.id)", detail: "entry \(entryID)") }
            return deleted
        }
        guard deleted else { throw AppError.notFound }
        return context.redirect(Paths.myHelpLog, notice: "deleted")
    }

    /// The units a tutor may log help for: those they serve and, where the coordinator said so, their
    /// sub-units, each followed by its sub-units (names indented by depth).
    func servedUnits(_ tutor: TutorDetails) throws -> [(id: Int64, name: String)] {
        let all = try units.units(organisationID: tutor.tutor.organisationID)
        let children = Dictionary(grouping: all.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 })
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        var listed: [(id: Int64, name: String)] = []
        var seen: Set<Int64> = []
        func add(_ unitID: Int64, depth: Int, withSubunits: Bool) {
            guard let unit = byID[unitID], seen.insert(unitID).inserted else { return }
            listed.append((unitID, String(repeating: "– ", count: depth) + unit.name))
            guard withSubunits else { return }
            for child in (children[unitID] ?? []).sorted(by: { $0.name < $1.name }) {
                add(child.id, depth: depth + 1, withSubunits: true)
            }
        }
        for served in tutor.units { add(served.unitID, depth: 0, withSubunits: served.includesSubunits) }
        return listed
    }

    func minutesLabel(_ minutes: Int, _ strings: Strings) -> String {
        strings.text(minutes >= 60 ? "tutors_minutes_60" : "tutors_minutes_\(minutes)")
    }

    private func renderHelpLog(_ tutor: TutorDetails, _ context: RequestContext, input: HelpLogInput, confirmation: String?,
                               status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let today = CivilDay.today(settings.now())
        let errors = input.errors
        let organisationID = tutor.tutor.organisationID
        let topicNames = try tutorTopicNames(organisationID, strings)
        let served = try servedUnits(tutor)
        func group(_ name: String, _ legend: String, _ values: [(String, String)], chosen: String) -> HelpChoiceGroupView {
            HelpChoiceGroupView(
                name: name, legend: legend,
                choices: values.map { HelpChoiceView(id: name + "-" + $0.0, name: name, value: $0.0, label: $0.1, checked: $0.0 == chosen) },
                fieldError: errors[name] ?? "", hasFieldError: errors[name] != nil)
        }
        let topics = try tutorStore.topics(organisationID: organisationID)
        let groups = [
            group("topic_id", strings.text("tutors_topic"),
                  topics.map { (String($0.id), $0.name.text(strings.language.rawValue)) }, chosen: input.topicID),
            group("minutes", strings.text("tutors_help_minutes"),
                  HelpLogInput.minutes.map { (String($0), minutesLabel($0, strings)) }, chosen: input.minutes),
            group("channel", strings.text("tutors_help_channel"),
                  HelpChannel.allCases.map { ($0.rawValue, strings.text("tutors_channel_" + $0.rawValue)) }, chosen: input.channel),
        ]
        let organisationUnits = try units.units(organisationID: organisationID)
        let unitNames = Dictionary(organisationUnits.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let servedIDs = Set(served.map(\.id))
        let servedSectors = Set(organisationUnits.filter { servedIDs.contains($0.id) }.compactMap(\.sectorID))
        let deletable = today.adding(days: -Self.helpDeleteDays).iso
        let entries = try tutorStore.ownHelpLog(tutorID: tutor.tutor.id).map { own in
            let entry = own.entry
            let topic = topicNames[entry.topicID] ?? ""
            return OwnHelpRow(day: strings.date(entry.day), topic: topic, minutes: minutesLabel(entry.minutes, strings),
                              channel: strings.text("tutors_channel_" + entry.channel.rawValue),
                              unit: unitNames[entry.unitID] ?? "", canDelete: entry.day >= deletable,
                              deleteAction: Paths.deleteHelpEntry(own.id),
                              deleteLabel: strings.format("tutors_help_delete_label", ["date": strings.date(entry.day), "topic": topic]))
        }
        func total(from day: CivilDay) throws -> String {
            let sum = try tutorStore.helpTotals(tutorID: tutor.tutor.id, from: day.iso)
            return strings.format("tutors_help_total", ["sessions": strings.number(sum.sessions),
                                                        "minutes": strings.number(sum.minutes)])
        }
        let monthStart = today.firstDayOfMonth
        let yearStart = CivilDay(year: today.year, month: 1, day: 1) ?? monthStart
        let title = strings.text("tutors_help_title")
        let questions = try unansweredBoardQuestions(organisationID: organisationID, sectorIDs: servedSectors,
                                                     context)
        return try context.render("digitutors/help-log", title: title, HelpLogView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.myHelpLog, label: title, current: true)],
            confirmation: confirmation ?? "", hasConfirmation: confirmation != nil,
            paused: tutor.status(on: today.iso) == .paused, action: Paths.myHelpLog,
            errors: errors.links, hasErrors: !errors.isEmpty,
            day: FieldView(name: "day", value: input.day, error: errors["day"]),
            minDay: today.adding(days: -HelpLogInput.daysBack).iso, maxDay: today.iso, groups: groups,
            unit: FieldView(name: "unit_id", value: input.unitID, error: errors["unit_id"]),
            units: served.map { SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == input.unitID) },
            entries: entries, hasEntries: !entries.isEmpty,
            monthTotal: try total(from: monthStart), yearTotal: try total(from: yearStart),
            questions: questions, hasQuestions: !questions.isEmpty,
            boardHref: Paths.board + "?kind=question&state=unsolved"), status: status)
    }
}
