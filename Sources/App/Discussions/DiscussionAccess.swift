import Foundation
import Storage

/// Who the reader is to a discussion. The employee and the supervisors of the unit the employee is
/// in now see it (a supervisor of the unit they left no longer does); HR sees its content only when
/// the organisation's setting allows and the page tells the employee so. Anyone else gets a 404.
struct DiscussionReader {
    let isEmployee: Bool
    let isSupervisor: Bool
    let isHRWithContent: Bool

    var canSee: Bool { isEmployee || isSupervisor || isHRWithContent }
}

extension WebApp {
    var discussionStore: DiscussionStore { DiscussionStore(database) }

    func discussionReader(_ employee: Stored<Employee>, _ context: RequestContext) throws -> DiscussionReader {
        let principal = context.principal
        let supervises = employee.unitID.map { principal?.supervisedUnitIDs.contains($0) ?? false } ?? false
        let hrOfOrganisation = context.access.canManageOrganisation(employee.organisationID)
        let hr = try hrOfOrganisation && discussionStore.hrSeesContent(organisationID: employee.organisationID)
        return DiscussionReader(isEmployee: principal?.employeeID == employee.id, isSupervisor: supervises, isHRWithContent: hr)
    }

    /// The discussion the path names with its employee and cycle, if the reader may see it.
    func visibleDiscussion(_ context: RequestContext) throws
        -> (discussion: Stored<Discussion>, employee: Stored<Employee>, cycle: Stored<DiscussionCycle>, reader: DiscussionReader) {
        guard let (discussion, cycle) = try discussionStore.discussionAndCycle(id: try context.discussionID),
              let employee = try employees.employee(id: discussion.employeeID) else { throw AppError.notFound }
        let reader = try discussionReader(employee, context)
        try context.require(reader.canSee)
        return (discussion, employee, cycle, reader)
    }
}
