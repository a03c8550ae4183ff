/// Which layer of the onboarding templates an item comes from, from the widest to the most specific.
///
/// A new hire's checklist is made of the organisation's template, their sector's, their unit's (and
/// the units above it) and the add-on of their job group; where two layers have an item with the
/// same key, the more specific layer's item is the one kept.
public enum OnboardingLayerKind: String, Sendable, CaseIterable, Comparable {
    case organisation
    case sector
    case unit
    case jobGroup = "job_group"

    /// Wider layers first.
    public var order: Int {
        switch self {
        case .organisation: 0
        case .sector: 1
        case .unit: 2
        case .jobGroup: 3
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// Who an item is for when the template is written.
public enum OnboardingParty: String, Sendable, CaseIterable {
    case employee
    case supervisor
    case digitutor
    case it
    case hr
}

/// Where a template sits, as the composition needs it: its layer and, for unit templates, how far
/// the unit is above the new hire's own unit (0 for the unit itself, 1 for its parent…).
public struct OnboardingLayer: Sendable, Hashable, Comparable {
    public let kind: OnboardingLayerKind
    /// For unit layers: 0 is the hire's own unit, larger numbers are units further up. Ignored otherwise.
    public let unitDistance: Int

    public init(_ kind: OnboardingLayerKind, unitDistance: Int = 0) {
        self.kind = kind
        self.unitDistance = kind == .unit ? max(0, unitDistance) : 0
    }

    /// How specific the layer is: larger wins a clash of keys. A unit further up is less specific
    /// than the hire's own unit but more specific than the sector.
    public var specificity: Int {
        switch kind {
        case .organisation: 0
        case .sector: 1
        case .unit: 1_000 - min(unitDistance, 900)
        case .jobGroup: 2_000
        }
    }

    /// Wider layers first.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.specificity < rhs.specificity }
}
