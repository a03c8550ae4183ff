/// A group a round's results can describe. Some exist only as parts of others, so that the anonymity
/// rule sees every way figures could be subtracted; those are never shown.
enum ResultGroup: Hashable, Sendable {
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
    /// A job group among a unit's own staff: a part, never shown.
    case ownStaffJobGroup(Int64, String)

    /// Whether pages may show this group at all (when the anonymity rule allows).
    var isShowable: Bool {
        switch self {
        case .withoutSector, .ownStaff, .ownStaffJobGroup: return false
        default: return true
        }
    }
}
