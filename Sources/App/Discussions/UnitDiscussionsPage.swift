import Foundation
import HTTPServer
import Metrics
import Storage

/// One person in the supervisor's list.
struct StaffDiscussionRow {
    let name: String
    let jobTitle: String
    let status: String
    let statusClass: String
    let href: String
    let hasDiscussion: Bool
    let openAction: String
    let canOpen: Bool
    let openLabel: String
    let goals: String
    let hasGoals: Bool
}

struct UnitDiscussionsView {
    let crumbs: [Crumb]
    let heading: String
    let unitName: String
    let cycle: String
    let hasCycle: Bool
    let summary: String
    let toMeet: [StaffDiscussionRow]
    let hasToMeet: Bool
    let done: [StaffDiscussionRow]
    let hasDone: Bool
    /// Closing the loop for the unit: the plans of the newest cycle that has ended (kept: it reads
    /// every plan of the cycle for the tree-wide suppression).
    let loopHTML: String
    let hasLoop: Bool
}

/// One discussion in the employee's own list.
struct OwnDiscussionRow {
    let cycle: String
    let status: String
    let statusClass: String
    let href: String
}

struct MyDiscussionsView {
    let crumbs: [Crumb]
    let rows: [OwnDiscussionRow]
    let hasRows: Bool
    let visibility: String
}

extension WebApp {
    /// The supervisor's list for the running cycle: whom they still have to meet (not yet signed by
    /// both), then those done. A supervisor opens a discussion here; the employee then prepares.
    func showUnitDiscussions(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let unit = try units.unit(id: try context.unitID) else { throw AppError.notFound }
        try context.require(context.access.canViewUnit(unit))
        let strings = context.strings
        let title = strings.text("discussions_unit_title")
        let today = CivilDay.today(settings.now()).iso
        let cycle = try discussionStore.cycleCovering(organisationID: unit.organisationID, unitID: unit.id, on: today)
        var toMeet: [StaffDiscussionRow] = []
        var done: [StaffDiscussionRow] = []
        // HR without the content setting sees the list of people but no links into discussions.
        let leads = context.principal?.supervisedUnitIDs.contains(unit.id) ?? false
        if let cycle {
            let subtree = try units.unitAndDescendantIDs(of: unit.id)
            for line in try discussionStore.staffLines(cycleID: cycle.id, unitIDs: subtree) {
                let name = line.firstName + " " + line.lastName
                let (key, statusClass) = discussionStatus(line.discussion?.record)
                let row = StaffDiscussionRow(
                    name: name, jobTitle: line.jobTitle ?? "", status: strings.text(key), statusClass: statusClass,
                    href: line.discussion.map { Paths.discussion($0.id) } ?? "", hasDiscussion: line.discussion != nil && leads,
                    openAction: Paths.openDiscussion(line.employeeID), canOpen: leads && line.discussion == nil,
                    openLabel: strings.format("discussions_open_label", ["name": name]),
                    goals: strings.format("discussions_goals_count", ["count": strings.number(line.goals)]), hasGoals: line.goals > 0)
                if line.discussion?.isSigned == true { done.append(row) } else { toMeet.append(row) }
            }
        }
        let total = toMeet.count + done.count
        let ended = try discussionStore.cycles(organisationID: unit.organisationID).first { $0.endsOn < today }
        let loopHTML = try ended.map { cycle in
            let key = CacheKey(family: "discussion-loop:\(cycle.id)|unit:\(unit.id)|\(database.commitCount)",
                               version: Int(Date().timeIntervalSince1970 / 60), variant: today)
            return try context.renderPartCached("discussions/loop-part", key: key) { try planLoop(cycle, unitID: unit.id, strings) }
        }
        return try context.render("discussions/unit", title: title, UnitDiscussionsView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.unit(unit.id), label: unit.name, current: false),
                     Crumb(href: Paths.unitDiscussions(unit.id), label: title, current: true)],
            heading: title, unitName: unit.name, cycle: cycle.map { "\($0.title) (\(strings.date($0.startsOn))–\(strings.date($0.endsOn)))" } ?? "",
            hasCycle: cycle != nil,
            summary: strings.format("discussions_unit_summary", ["done": strings.number(done.count), "total": strings.number(total)]),
            toMeet: toMeet, hasToMeet: !toMeet.isEmpty, done: done, hasDone: !done.isEmpty, loopHTML: loopHTML ?? "", hasLoop: loopHTML != nil))
    }

    /// Opens the employee's discussion in the cycle running for their unit: their supervisors.
    func openDiscussion(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let employee = try employees.employee(id: try context.employeeID), employee.active else { throw AppError.notFound }
        let supervises = employee.unitID.map { context.principal?.supervisedUnitIDs.contains($0) ?? false } ?? false
        try context.require(supervises)
        let today = CivilDay.today(settings.now()).iso
        guard let cycle = try discussionStore.cycleCovering(organisationID: employee.organisationID, unitID: employee.unitID, on: today) else {
            throw AppError.notFound
        }
        let discussion = try changing {
            let discussion = try discussionStore.open(cycleID: cycle.id, employeeID: employee.id, unitID: employee.unitID,
                                                      by: context.principal?.userID, now: settings.now())
            try auditChange("discussion.open", context, target: "discussion:\(discussion.id)", detail: "employee \(employee.id)")
            return discussion
        }
        return .redirect(to: Paths.discussion(discussion.id))
    }

    /// The employee's own discussions, newest first.
    func showMyDiscussions(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let employeeID = context.principal?.employeeID, let employee = try employees.employee(id: employeeID) else {
            throw AppError.notFound
        }
        let strings = context.strings
        let rows = try discussionStore.discussions(employeeID: employeeID).map { item in
            let (key, statusClass) = discussionStatus(item.discussion.record)
            return OwnDiscussionRow(cycle: item.cycle.title, status: strings.text(key), statusClass: statusClass,
                                    href: Paths.discussion(item.discussion.id))
        }
        let hrSees = try discussionStore.hrSeesContent(organisationID: employee.organisationID)
        let title = strings.text("discussions_my_title")
        return try context.render("discussions/mine", title: title, MyDiscussionsView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.myDiscussions, label: title, current: true)],
            rows: rows, hasRows: !rows.isEmpty,
            visibility: strings.text(hrSees ? "discussions_visibility_hr_content" : "discussions_visibility_counts")))
    }
}
