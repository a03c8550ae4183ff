import Foundation
import HTTPServer
import Storage

/// CSV exports of attendance and completions, written by the dashboards' writer (`ResultCSV`): UTF-8
/// with a byte-order mark, comma or (`?separator=semicolon`, Finnish Excel) semicolon separated,
/// figures as plain numbers, and text that a spreadsheet would run as a formula made inert.
extension WebApp {
    /// The session's sheet as the attendance page shows it to this user (a supervisor gets their own
    /// units' people only): one line per person, present as 1 or 0.
    func exportAttendance(_ request: Request, _ context: RequestContext) throws -> Response {
        let managed = try managedSession(context)
        let strings = context.strings
        let session = managed.session
        let sheet = try completionReports.sheet(sessionID: session.id).filter { managed.scope.includes($0.listing.employee) }
        let rows = sheet.map { line in
            let employee = line.listing.employee
            let enrolment: String
            switch line.enrolment {
            case .enrolled?: enrolment = strings.text("trainingattendance_enrolled")
            case .waiting?: enrolment = strings.text("trainingattendance_waiting")
            case .cancelled?, nil: enrolment = ""
            }
            let source: String
            switch line.attendance {
            case .checkIn?: source = strings.text("trainingattendance_source_check_in")
            case .marked?: source = strings.text("trainingattendance_source_marked")
            case nil: source = ""
            }
            return ResultRow(label: employee.lastName + ", " + employee.firstName, cells: [
                ResultCell(text: employee.hrNumber),
                ResultCell(text: line.listing.unitName ?? ""),
                ResultCell(text: enrolment),
                ResultCell(text: line.attendance == nil ? "0" : "1", export: .integer(line.attendance == nil ? 0 : 1)),
                ResultCell(text: source),
                ResultCell(text: line.recordedAt.map { Self.exportTime($0) } ?? ""),
            ])
        }
        let table = ResultTable(id: "attendance", caption: strings.text("trainingattendance_title"), columns: [
            ResultColumn(strings.text("trainingattendance_column_name"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_hr_number"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_unit"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_enrolment"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_present")),
            ResultColumn(strings.text("trainingattendance_column_source"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_recorded_at"), numeric: false),
        ], rows: rows)
        let title = managed.training.title.text(strings.language.rawValue) + " – "
            + AttendanceText.sessionTime(session.record, strings)
        return csvResponse(title: title, tables: [table], context, filename: "osallistujat-\(session.id).csv")
    }

    /// The organisation's completions in force whose date falls in `?from=`…`?to=` (both included;
    /// by default this year to today), for HR: one line per completion.
    func exportOrganisationCompletions(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try administeredOrganisation(context)
        let strings = context.strings
        let today = HelsinkiTime.date(settings.now())
        func day(_ name: String, _ fallback: String) -> String? {
            guard let text = request.queryValue(name), !text.isEmpty else { return fallback }
            guard case .date(let date) = FieldRules.readDate(text) else { return nil }
            return date
        }
        guard let from = day("from", String(today.prefix(4)) + "-01-01"), let to = day("to", today), from <= to else {
            return errorPage(.badRequest, for: request, principal: context.principal,
                             reason: "trainingattendance_export_bad_dates", title: "trainingattendance_export_bad_dates_title")
        }
        let lines = try completionReports.completionsInForce(organisationID: organisation.id, from: from, through: to)
        let language = strings.language.rawValue
        let rows = lines.map { line in
            let employee = line.listing.employee
            let entry = line.entry
            return ResultRow(label: employee.lastName + ", " + employee.firstName, cells: [
                ResultCell(text: employee.hrNumber),
                ResultCell(text: line.listing.unitName ?? ""),
                ResultCell(text: line.listing.sectorName ?? ""),
                ResultCell(text: line.training.title.text(language)),
                ResultCell(text: completionKindText(entry.kind, strings)),
                ResultCell(text: entry.completedOn),
                ResultCell(text: line.sessionStartsAt.map { Self.exportTime($0) } ?? ""),
                ResultCell(text: String(line.training.durationMinutes), export: .integer(line.training.durationMinutes)),
                ResultCell(text: entry.note),
                ResultCell(text: String(entry.id), export: .integer(Int(entry.id))),
                ResultCell(text: entry.correctsID.map { String($0) } ?? "",
                           export: entry.correctsID.map { .integer(Int($0)) } ?? .empty),
            ])
        }
        let table = ResultTable(id: "completions", caption: strings.text("trainingattendance_export_caption"), columns: [
            ResultColumn(strings.text("trainingattendance_column_name"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_hr_number"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_unit"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_sector"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_training"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_kind"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_completed_on"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_session"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_duration")),
            ResultColumn(strings.text("trainingattendance_column_note"), numeric: false),
            ResultColumn(strings.text("trainingattendance_column_entry")),
            ResultColumn(strings.text("trainingattendance_column_corrects")),
        ], rows: rows)
        let title = strings.format("trainingattendance_export_title", [
            "organisation": organisation.name, "from": strings.date(from), "to": strings.date(to),
        ])
        return csvResponse(title: title, tables: [table], context,
                           filename: "suoritukset-\(organisation.slug)-\(from)-\(to).csv")
    }

    /// An instant as Helsinki `YYYY-MM-DD HH:MM`, which spreadsheets read as a date and time.
    static func exportTime(_ instant: Date) -> String {
        HelsinkiTime.date(instant) + " " + HelsinkiTime.time(instant)
    }
}
