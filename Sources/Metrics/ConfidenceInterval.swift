/// A two-sided 95 % confidence interval for a mean, unclamped: it may reach beyond the scale.
public struct ConfidenceInterval: Sendable, Equatable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double

    /// An interval from `lower` to `upper`.
    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Two-sided 95 % Student's t critical values for 1…30 degrees of freedom.
    static let smallDegreesTable: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// The two-sided 95 % t critical value for `degreesOfFreedom`, taken from the largest tabulated
    /// df not above it (30, 40, 60, 120), so between rows the interval errs on the wide side; the
    /// normal 1.960 belongs to infinite df, which no finite df reaches, so df ≥ 120 uses 1.980.
    static func tCritical95(degreesOfFreedom: Int) -> Double {
        switch degreesOfFreedom {
        case ..<1: return smallDegreesTable[0]
        case 1...30: return smallDegreesTable[degreesOfFreedom - 1]
        case 31..<40: return smallDegreesTable[29]
        case 40..<60: return 2.021
        case 60..<120: return 2.000
        default: return 1.980
        }
    }
}
