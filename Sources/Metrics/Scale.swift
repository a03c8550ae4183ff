/// A response scale, e.g. 1–5.
public struct Scale: Sendable, Equatable, Hashable {
    /// The lowest point, e.g. 1 ("strongly disagree").
    public let minimum: Int
    /// The highest point, e.g. 5 ("strongly agree").
    public let maximum: Int

    /// A scale from `minimum` to `maximum`; callers guarantee `maximum > minimum`.
    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The usual 1–5 agreement scale.
    public static let agreement = Scale(minimum: 1, maximum: 5)

    /// Every point of the scale, lowest first.
    public var points: ClosedRange<Int> { minimum...maximum }

    /// Scores at or below this are "weak": minimum + 1 (2 on a 1–5 scale).
    public var weakLimit: Double { Double(minimum + 1) }

    /// Scores at or above this are "strong": maximum - 1 (4 on a 1–5 scale).
    public var strongLimit: Double { Double(maximum - 1) }

    /// Whether `value` is a point of this scale.
    public func contains(_ value: Int) -> Bool { points.contains(value) }
}
