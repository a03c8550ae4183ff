/// Where a response is counted: a unit's own staff in one job group ("" when the job group is not
/// known, e.g. answers given with a one-time code). The finest group the anonymity rule reasons about.
public struct ResponseCell: Hashable, Sendable, Comparable {
    public let unitID: Int64
    public let jobGroup: String

    public init(unitID: Int64, jobGroup: String) {
        self.unitID = unitID
        self.jobGroup = jobGroup
    }

    public static func < (lhs: ResponseCell, rhs: ResponseCell) -> Bool {
        (lhs.unitID, lhs.jobGroup) < (rhs.unitID, rhs.jobGroup)
    }
}

/// A group a round's results can describe: a union of cells. Some exist only as parts of others, so
/// that the anonymity rule sees every way figures could be subtracted; those are never shown.
public enum ResultGroup: Hashable, Sendable {
    case organisation
    case sector(Int64)
    /// Units without a sector: a part of the organisation, never shown.
    case withoutSector
    /// A unit with its sub-units.
    case unit(Int64)
    /// A unit's own staff, without its sub-units: a part, never shown.
    case ownStaff(Int64)
    case jobGroup(String)
    /// A job group within a unit and its sub-units.
    case unitJobGroup(Int64, String)
    /// A job group among a unit's own staff (one cell): a part, never shown.
    case ownStaffJobGroup(Int64, String)

    /// Whether pages may show this group at all (when the anonymity rule allows).
    public var isShowable: Bool {
        switch self {
        case .withoutSector, .ownStaff, .ownStaffJobGroup: return false
        default: return true
        }
    }

    /// Which of two equally small groups to hide first when more must be hidden: the narrow
    /// cross-classifications before the unit tree, the organisation last.
    var hidingOrder: Int {
        switch self {
        case .ownStaffJobGroup, .ownStaff, .withoutSector: return 0
        case .unitJobGroup: return 1
        case .jobGroup: return 2
        case .unit: return 3
        case .sector: return 4
        case .organisation: return 5
        }
    }
}
