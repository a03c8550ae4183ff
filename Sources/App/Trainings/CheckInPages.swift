import Foundation
import HTTPServer
import Storage

/// The trainer's screen: a big QR code of the session's check-in address, and the address in text.
struct CheckInCodeView {
    let crumbs: [Crumb]
    let session: AttendanceSessionHeading
    let address: String
    let qr: String
    let hasQR: Bool
    let window: String
    let attendanceHref: String
}

/// The one-tap "I was here", or why it is not offered.
struct CheckInView {
    let session: AttendanceSessionHeading
    let showForm: Bool
    let action: String
    let key: String
    let done: Bool
    let message: String
    let hasMessage: Bool
    let feedbackHref: String
    let hasFeedback: Bool
}

/// Why someone's check-in is not taken, each with its page.
enum CheckInRefusal: Error {
    case noEmployeeRecord
    case cancelled
    case notYet(Date)
    case closed(Date)
}

extension WebApp {
    /// The QR code the trainer shows at the session, for those who keep the training's catalogue.
    func showCheckInCode(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let listing = try trainingSessions.listing(sessionID: try context.sessionID) else { throw AppError.notFound }
        try context.require(try keepsCatalogue(listing.training.organisationID, context))
        let strings = context.strings
        let session = listing.session
        let path = Paths.checkIn(session.id, key: session.checkInKey)
        let origin = siteOrigin(request)
        let address = (origin ?? "") + path
        let qr = session.status == .cancelled || origin == nil
            ? nil : QRCode(address)?.svg(label: strings.text("trainingattendance_code_qr_label"), className: "qr-code check-in-qr")
        let title = strings.text("trainingattendance_code_title")
        let view = CheckInCodeView(
            crumbs: attendanceCrumbs(listing, strings, then: (Paths.checkInCode(session.id), title)),
            session: AttendanceSessionHeading(listing, strings), address: address, qr: qr ?? "", hasQR: qr != nil,
            window: strings.format("trainingattendance_code_window", [
                "opens": AttendanceText.dateTime(session.startsAt.addingTimeInterval(-TrainingWindows.checkInOpensBeforeStart), strings),
                "closes": AttendanceText.dateTime(session.endsAt.addingTimeInterval(TrainingWindows.checkInClosesAfterEnd), strings),
            ]),
            attendanceHref: Paths.sessionAttendance(session.id))
        var response = try context.render("trainings/check-in-code", title: title + " – " + view.session.title, view)
        // The address carries the session's key: keep it out of every cache.
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// The page the QR code opens: "I was here" for a signed-in person of the session's audience or
    /// list, within the check-in window. A wrong key is a session that does not exist.
    func showCheckIn(_ request: Request, _ context: RequestContext) throws -> Response {
        let listing = try checkInListing(context, key: request.queryValue("k"))
        let key = listing.session.checkInKey
        do {
            let employee = try checkInEmployee(listing, context)
            if try completions.attended(sessionID: listing.session.id, employeeID: employee.id) {
                return try renderCheckIn(listing, context, key: key, done: true)
            }
            try requireCheckInOpen(listing.session)
            return try renderCheckIn(listing, context, key: key, done: false)
        } catch let refusal as CheckInRefusal {
            return try renderCheckIn(listing, context, key: key, refusal: refusal)
        }
    }

    /// Records the person's own attendance (once) and shows that it was recorded. The key comes in the
    /// form, or in the query of the address the form was sent to.
    func checkIn(_ request: Request, _ context: RequestContext) throws -> Response {
        let form = try context.requireForm()
        let listing = try checkInListing(context, key: form["k"] ?? request.queryValue("k"))
        let session = listing.session
        do {
            let employee = try checkInEmployee(listing, context)
            if try !completions.attended(sessionID: session.id, employeeID: employee.id) {
                try requireCheckInOpen(session)
                let userID = context.principal?.userID
                let now = settings.now()
                try changing {
                    if try completions.checkIn(session: session, employeeID: employee.id, userID: userID,
                                               completedOn: HelsinkiTime.date(session.startsAt), now: now) {
                        try auditChange("training.check-in", context, target: "session:\(session.id)",
                                        detail: "employee \(employee.id)")
                    }
                }
            }
            return .redirect(to: Paths.checkIn(session.id, key: session.checkInKey))
        } catch let refusal as CheckInRefusal {
            return try renderCheckIn(listing, context, key: session.checkInKey, refusal: refusal, status: .conflict)
        }
    }

    /// The session named by `:sessionID` when `key` is its check-in key; 404 otherwise.
    private func checkInListing(_ context: RequestContext, key: String?) throws -> SessionListing {
        guard let listing = try trainingSessions.listing(sessionID: try context.sessionID), let key,
              !listing.session.checkInKey.isEmpty, ConstantTime.equal(key, listing.session.checkInKey)
        else { throw AppError.notFound }
        return listing
    }

    /// The signed-in person as an employee who may check in: of the session's audience (and aimed at
    /// their unit), or on its list. Someone who may not see the session gets its 404.
    private func checkInEmployee(_ listing: SessionListing, _ context: RequestContext) throws -> Stored<Employee> {
        guard context.principal?.employeeID != nil else { throw CheckInRefusal.noEmployeeRecord }
        let (_, reader, details) = try readableSession(context)
        guard let employee = reader.employee else { throw CheckInRefusal.noEmployeeRecord }
        let sessionID = listing.session.id
        let targets = try trainingSessions.targetUnits(sessionID: sessionID)
        let inAudience = listing.training.active && reader.isInAudience(details.audience) && reader.isTargeted(by: targets)
        let onList = try enrolments.enrolment(sessionID: sessionID, employeeID: employee.id).map { $0.state != .cancelled }
            ?? false
        guard inAudience || onList else { throw AppError.notFound }
        if listing.session.status == .cancelled { throw CheckInRefusal.cancelled }
        return employee
    }

    private func requireCheckInOpen(_ session: Stored<TrainingSession>) throws {
        switch TrainingWindows.checkIn(session.record, at: settings.now()) {
        case .open: return
        case .notYet(let opens): throw CheckInRefusal.notYet(opens)
        case .closed(let closed): throw CheckInRefusal.closed(closed)
        }
    }

    private func renderCheckIn(_ listing: SessionListing, _ context: RequestContext, key: String, done: Bool = false,
                               refusal: CheckInRefusal? = nil, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let session = listing.session
        var message = ""
        var status = status
        switch refusal {
        case .noEmployeeRecord?:
            message = strings.text("trainingattendance_check_in_no_employee")
            status = .forbidden
        case .cancelled?: message = strings.text("trainingattendance_check_in_cancelled")
        case .notYet(let opens)?:
            message = strings.format("trainingattendance_check_in_not_yet", ["time": AttendanceText.dateTime(opens, strings)])
        case .closed(let closed)?:
            message = strings.format("trainingattendance_check_in_closed", ["time": AttendanceText.dateTime(closed, strings)])
        case nil:
            if done { message = strings.text("trainingattendance_check_in_done") }
        }
        let feedbackOpen = done && TrainingWindows.feedback(session.record, at: settings.now()) == .open
        let view = CheckInView(
            session: AttendanceSessionHeading(listing, strings), showForm: refusal == nil && !done,
            action: Paths.checkIn(session.id), key: key, done: done, message: message, hasMessage: !message.isEmpty,
            feedbackHref: Paths.sessionFeedback(session.id), hasFeedback: feedbackOpen)
        var response = try context.render("trainings/check-in-form",
                                          title: strings.text("trainingattendance_check_in_title") + " – " + view.session.title,
                                          view, status: status)
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
