import Foundation
import HTTPServer
import Storage

/// What every attendance, check-in and feedback page says of its session.
struct AttendanceSessionHeading {
    let title: String
    let time: String
    let place: String
    let hasPlace: Bool
    let cancelled: Bool
    let cancelReason: String
    let hasCancelReason: Bool

    init(_ listing: SessionListing, _ strings: Strings) {
        title = listing.training.title.text(strings.language.rawValue)
        time = AttendanceText.sessionTime(listing.session.record, strings)
        place = listing.session.place
        hasPlace = !listing.session.place.trimmingCharacters(in: .whitespaces).isEmpty
        cancelled = listing.session.status == .cancelled
        cancelReason = listing.session.cancelReason ?? ""
        hasCancelReason = !cancelReason.trimmingCharacters(in: .whitespaces).isEmpty
    }
}

/// One person with a checkbox on the attendance page.
struct AttendancePersonRow {
    let id: String
    let inputID: String
    let hintID: String
    let name: String
    let details: String
    let present: Bool
}

struct AttendanceView {
    let crumbs: [Crumb]
    let session: AttendanceSessionHeading
    let canMark: Bool
    let refusal: String
    let hasRefusal: Bool
    let action: String
    let query: String
    let searched: Bool
    let searchSummary: String
    let rows: [AttendancePersonRow]
    let hasRows: Bool
    let walkIns: [AttendancePersonRow]
    let hasWalkIns: Bool
    let summary: String
    let limited: String
    let hasLimited: Bool
    let exportHref: String
    let exportSemicolonHref: String
    let checkInCodeHref: String
    let hasCheckInCode: Bool
}

extension WebApp {
    /// Longest walk-in search read, and most people it shows.
    static let walkInSearchLength = 100
    static let walkInResults = 20

    /// The session's list with checkboxes: the enrolled and waiting, and everyone recorded present
    /// (an open session's check-ins), limited to the people this user marks, plus walk-ins found by
    /// name (`?q=`).
    func showAttendance(_ request: Request, _ context: RequestContext) throws -> Response {
        let managed = try managedSession(context)
        let query = String((request.queryValue("q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            .prefix(Self.walkInSearchLength))
        return try renderAttendance(managed, context, query: query)
    }

    /// Saves who was present among the people the form listed: ticked ones are marked (an "attended"
    /// completion each), unticked ones that were present are unmarked (a withdrawal is appended).
    func saveAttendance(_ request: Request, _ context: RequestContext) throws -> Response {
        let managed = try managedSession(context)
        let form = try context.requireForm()
        let session = managed.session
        if let refusal = markingRefusal(managed, context) {
            return try renderAttendance(managed, context, query: "", refusal: refusal, status: .conflict)
        }
        let listedIDs = Set(form.values("listed").compactMap { Int64($0) })
        let presentIDs = Set(form.values("present").compactMap { Int64($0) }).intersection(listedIDs)
        let onSheet = Set(try completionReports.sheet(sessionID: session.id).map(\.listing.employee.id))
        // Only people this user marks; someone not yet on the sheet (a walk-in) must be on the staff.
        let allowed = Set(try completionReports.listings(employeeIDs: Array(listedIDs)).filter { listing in
            managed.scope.includes(listing.employee) && (onSheet.contains(listing.employee.id) || listing.employee.active)
        }.map(\.employee.id))
        let listed = listedIDs.intersection(allowed)
        let present = presentIDs.intersection(allowed)
        let userID = context.principal?.userID
        let now = settings.now()
        try changing {
            // Read inside the write transaction: the audit line names exactly who changed.
            let before = Set(try completions.attendance(sessionID: session.id).keys)
            _ = try completions.markAttendance(
                session: session, listed: listed, present: present, source: .marked, recordedBy: userID,
                completedOn: HelsinkiTime.date(session.startsAt), now: now)
            let marked = present.subtracting(before).sorted(), unmarked = listed.subtracting(present).intersection(before).sorted()
            if !marked.isEmpty || !unmarked.isEmpty {
                try auditChange("training.attendance", context, target: "session:\(session.id)",
                                detail: "marked employees \(marked), unmarked \(unmarked)")
            }
        }
        return context.redirect(Paths.sessionAttendance(session.id), notice: "saved")
    }

    /// Why attendance cannot be marked now (cancelled, or not yet begun), as text; nil when it can.
    func markingRefusal(_ managed: ManagedSession, _ context: RequestContext) -> String? {
        let session = managed.session
        if session.status == .cancelled { return context.strings.text("trainingattendance_refused_cancelled") }
        if case .notYet(let opens) = TrainingWindows.marking(session.record, at: settings.now()) {
            return context.strings.format("trainingattendance_refused_not_yet",
                                          ["time": AttendanceText.dateTime(opens, context.strings)])
        }
        return nil
    }

    private func renderAttendance(_ managed: ManagedSession, _ context: RequestContext, query: String,
                                  refusal: String? = nil, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let session = managed.session
        let sheet = try completionReports.sheet(sessionID: session.id).filter { managed.scope.includes($0.listing.employee) }
        let rows = sheet.map { line in
            personRow(line.listing, enrolment: line.enrolment, attendance: line.attendance, recordedAt: line.recordedAt,
                      strings)
        }
        var walkIns: [AttendancePersonRow] = []
        let searched = query.count >= 2
        if searched {
            let listed = Set(sheet.map(\.listing.employee.id))
            var found: [EmployeeListing] = []
            for search in managed.scope.walkInSearches where found.count < Self.walkInResults {
                let page = try employees.search(EmployeeQuery(organisationID: search.organisationID, text: query,
                                                              unitIDs: search.unitIDs, limit: Self.walkInResults))
                found += page.listings.filter { !listed.contains($0.employee.id) && managed.scope.includes($0.employee) }
            }
            walkIns = found.prefix(Self.walkInResults).map {
                personRow($0, enrolment: nil, attendance: nil, recordedAt: nil, strings)
            }
        }
        let refusalText = refusal ?? markingRefusal(managed, context)
        let present = sheet.filter { $0.attendance != nil }.count
        let title = strings.text("trainingattendance_title")
        let keeps = try keepsCatalogue(managed.training.organisationID, context)
        let view = AttendanceView(
            crumbs: attendanceCrumbs(managed.listing, strings, then: (Paths.sessionAttendance(session.id), title)),
            session: AttendanceSessionHeading(managed.listing, strings),
            canMark: refusalText == nil, refusal: refusalText ?? "", hasRefusal: refusalText != nil,
            action: Paths.sessionAttendance(session.id), query: query, searched: searched,
            searchSummary: walkIns.isEmpty ? strings.text("trainingattendance_search_none")
                : strings.format("trainingattendance_search_found", ["count": strings.number(walkIns.count)]),
            rows: rows, hasRows: !rows.isEmpty, walkIns: walkIns, hasWalkIns: !walkIns.isEmpty,
            summary: strings.format(session.enrolment == .open ? "trainingattendance_summary_open" : "trainingattendance_summary", [
                "present": strings.number(present), "listed": strings.number(sheet.filter { $0.enrolment != nil }.count),
            ]),
            limited: limitedNote(managed.scope, strings), hasLimited: !managed.scope.everyone,
            exportHref: Paths.sessionAttendanceExport(session.id),
            exportSemicolonHref: Paths.sessionAttendanceExport(session.id, semicolon: true),
            checkInCodeHref: Paths.checkInCode(session.id), hasCheckInCode: keeps && session.status != .cancelled)
        return try context.render("trainings/attendance-sheet", title: title + " – " + view.session.title, view,
                                  status: status)
    }

    private func personRow(_ listing: EmployeeListing, enrolment: EnrolmentState?, attendance: AttendanceSource?,
                           recordedAt: Date?, _ strings: Strings) -> AttendancePersonRow {
        let employee = listing.employee
        var details: [String] = []
        if let unit = listing.unitName { details.append(unit) }
        switch enrolment {
        case .enrolled?: details.append(strings.text("trainingattendance_enrolled"))
        case .waiting?: details.append(strings.text("trainingattendance_waiting"))
        case .cancelled?, nil: break
        }
        switch attendance {
        case .checkIn?:
            details.append(strings.format("trainingattendance_checked_in_at",
                                          ["time": recordedAt.map { strings.clock($0) } ?? ""]))
        case .marked?: details.append(strings.text("trainingattendance_marked"))
        case nil: break
        }
        if !employee.active { details.append(strings.text("trainingattendance_inactive")) }
        return AttendancePersonRow(id: String(employee.id), inputID: "present-\(employee.id)", hintID: "person-\(employee.id)-hint",
                                   name: employee.lastName + ", " + employee.firstName,
                                   details: details.joined(separator: " · "), present: attendance != nil)
    }

    /// Whose people the user sees when not everyone's: their units' (a supervisor) or their
    /// organisation's (HR or a trainer of an organisation the training is offered to).
    private func limitedNote(_ scope: AttendanceScope, _ strings: Strings) -> String {
        if scope.everyone { return "" }
        return strings.text(scope.unitIDs.isEmpty ? "trainingattendance_limited_organisation" : "trainingattendance_limited")
    }

    /// Breadcrumbs: the session, then this page.
    func attendanceCrumbs(_ listing: SessionListing, _ strings: Strings, then page: (String, String)) -> [Crumb] {
        [Crumb(href: Paths.trainingSession(listing.session.id), label: listing.training.title.text(strings.language.rawValue),
               current: false),
         Crumb(href: page.0, label: page.1, current: true)]
    }
}
