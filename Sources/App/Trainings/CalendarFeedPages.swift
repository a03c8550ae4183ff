import Foundation
import HTTPServer
import Storage

/// One feed on the person's calendar page: what it holds, whether it has a live address, and — right
/// after it was made, the only time it can be shown — the address itself.
struct CalendarFeedSection {
    let scope: String
    let heading: String
    let about: String
    let status: String
    let live: Bool
    /// The address just made, when it is this feed's (none or one; a row holds no optionals).
    let fresh: [FreshFeedAddress]
    let renewLabel: String
    let headingID: String
}

/// A feed address just made: shown once, for copying or opening in a calendar app.
struct FreshFeedAddress {
    let https: String
    let webcal: String
    let fieldID: String
}

struct CalendarPageView {
    let crumbs: [Crumb]
    let hasEmployee: Bool
    let message: String?
    let sections: [CalendarFeedSection]
    let renewAction: String
    let revokeAction: String
}

extension WebApp {
    // MARK: - Add to calendar: one session

    /// The session as a single-event iCalendar file, for anyone who may see the session.
    func showSessionEvent(_ request: Request, _ context: RequestContext) throws -> Response {
        let (listing, _, _) = try readableSession(context)
        let builder = TrainingEventBuilder(text: CalendarText(strings: context.strings), origin: siteOrigin(request))
        let writer = ICalendarWriter(name: nil, refreshes: false, events: [builder.event(listing)])
        var response = Response(status: .ok, contentType: "text/calendar; charset=utf-8", text: writer.document())
        response.headers.set("Content-Disposition", "attachment; filename=\"training-session-\(listing.session.id).ics\"")
        return response
    }

    // MARK: - Subscription feeds

    /// A feed by its address's token: outside the page pipeline (no session, no cookies, no HTML).
    /// An unknown or revoked token, or a person no longer on the staff, gets the same 404.
    func serveCalendarFeed(_ request: Request) -> Response {
        let notFound = Response.text("Not found\n", status: .notFound)
        guard let token = request.queryValue("t"), CalendarFeedToken.isWellFormed(token) else { return notFound }
        do {
            guard let feed = try calendarFeeds.liveFeed(tokenHash: CalendarFeedToken.hash(token)),
                  let employee = try employees.employee(id: feed.employeeID), employee.active else { return notFound }
            let document = try feedDocument(feed.scope, for: employee, origin: siteOrigin(request))
            var response = Response(status: .ok, contentType: "text/calendar; charset=utf-8", text: document)
            response.headers.set("Content-Disposition", "inline; filename=\"taitotutka-\(feed.scope.rawValue).ics\"")
            // The feed holds meeting links meant for this person: no shared cache keeps it.
            response.headers.set("Cache-Control", "private, no-cache")
            response.headers.set("X-Robots-Tag", "noindex, nofollow")
            return response
        } catch {
            // The error only: the token is in the query, and never goes to the log.
            logger.error("Calendar feed failed: \(error)", metadata: ["request": .string(request.id)])
            var response = Response.text("Service unavailable\n", status: .serviceUnavailable)
            response.headers.set("Retry-After", "300")
            return response
        }
    }

    /// The person's calendar subscriptions: both feeds with their state, and forms to make a new
    /// address (the old one stops working) or stop a feed.
    func showCalendarFeeds(_ request: Request, _ context: RequestContext) throws -> Response {
        let revoked = request.queryValue("revoked").flatMap(CalendarFeedScope.init(rawValue:))
        let message = revoked.map { context.strings.text("tcal_revoked_\($0.rawValue)") }
        return try renderCalendarFeeds(context, message: message)
    }

    /// Makes a new address for one feed, stopping the old one in the same transaction, and shows it once.
    func renewCalendarFeed(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try feedOwner(context)
        let scope = try feedScope(context)
        let token = CalendarFeedToken.generate()
        try changing {
            try calendarFeeds.renew(employeeID: employee.id, scope: scope, tokenHash: CalendarFeedToken.hash(token))
            try auditChange("calendar_feed.renew", context, target: "employee:\(employee.id)",
                            detail: "scope \(scope.rawValue)")
        }
        var response = try renderCalendarFeeds(context, message: context.strings.text("tcal_made_\(scope.rawValue)"),
                                               fresh: (scope, token))
        response.headers.set("Cache-Control", "no-store")
        return response
    }

    /// Stops one feed: calendars subscribed to its address get nothing more.
    func revokeCalendarFeed(_ request: Request, _ context: RequestContext) throws -> Response {
        let employee = try feedOwner(context)
        let scope = try feedScope(context)
        try changing {
            if try calendarFeeds.revoke(employeeID: employee.id, scope: scope) {
                try auditChange("calendar_feed.revoke", context, target: "employee:\(employee.id)",
                                detail: "scope \(scope.rawValue)")
            }
        }
        return .redirect(to: Paths.myTrainingsCalendar + "?revoked=" + scope.rawValue)
    }

    /// The signed-in person's own, active employee record: feeds are made for staff only (404 otherwise).
    private func feedOwner(_ context: RequestContext) throws -> Stored<Employee> {
        guard let employeeID = context.principal?.employeeID, let employee = try employees.employee(id: employeeID),
              employee.active else { throw AppError.notFound }
        return employee
    }

    private func feedScope(_ context: RequestContext) throws -> CalendarFeedScope {
        guard let scope = try context.requireForm()["scope"].flatMap(CalendarFeedScope.init(rawValue:)) else {
            throw AppError.badRequest
        }
        return scope
    }

    private func renderCalendarFeeds(_ context: RequestContext, message: String? = nil,
                                     fresh: (scope: CalendarFeedScope, token: String)? = nil) throws -> Response {
        let strings = context.strings
        let employee = try context.principal?.employeeID.flatMap { try employees.employee(id: $0) }.flatMap { $0.active ? $0 : nil }
        let live = try employee.map { try calendarFeeds.liveFeeds(employeeID: $0.id) } ?? [:]
        let origin = siteOrigin(context.request) ?? ""
        let scopes = employee == nil ? [] : CalendarFeedScope.allCases
        let sections = scopes.map { scope -> CalendarFeedSection in
            let feed = live[scope]
            let address = fresh.flatMap { $0.scope == scope ? origin + Paths.calendarFeed(token: $0.token) : nil }
            return CalendarFeedSection(
                scope: scope.rawValue, heading: strings.text("tcal_feed_\(scope.rawValue)"),
                about: strings.text("tcal_feed_\(scope.rawValue)_about"),
                status: feed.map { strings.format("tcal_feed_live", ["date": strings.date(HelsinkiTime.date($0.createdAt))]) }
                    ?? strings.text("tcal_feed_none"),
                live: feed != nil,
                fresh: address.map { [FreshFeedAddress(https: $0, webcal: Self.webcal($0), fieldID: "feed-address-\(scope.rawValue)")] } ?? [],
                renewLabel: strings.text(feed == nil ? "tcal_make" : "tcal_renew"),
                headingID: "feed-\(scope.rawValue)")
        }
        let trail = [(Paths.home, strings.text("nav_home")), (Paths.myTrainings, strings.text("tcal_my_trainings")),
                     (Paths.myTrainingsCalendar, strings.text("tcal_title"))]
        let crumbs = trail.enumerated().map { Crumb(href: $1.0, label: $1.1, current: $0 == trail.count - 1) }
        let view = CalendarPageView(crumbs: crumbs, hasEmployee: employee != nil, message: message, sections: sections,
                                    renewAction: Paths.renewCalendarFeed, revokeAction: Paths.revokeCalendarFeed)
        return try context.render("trainings/calendar-feeds", title: strings.text("tcal_title"), view)
    }

    /// The same address for calendar apps: `webcal://host/…` opens a subscription rather than a download.
    static func webcal(_ address: String) -> String {
        for scheme in ["https://", "http://"] where address.hasPrefix(scheme) {
            return "webcal://" + address.dropFirst(scheme.count)
        }
        return address
    }
}
