/// The figures reported for one group's scores.
public struct ScoreSummary: Sendable, Equatable {
    /// How many respondents' scores the figures describe.
    public let respondents: Int
    /// The mean score.
    public let mean: Double
    /// Sample standard deviation (n − 1); nil when respondents < 2.
    public let standardDeviation: Double?
    /// 95 % interval for the mean (Student's t, n − 1 df), not clamped to the scale; nil when respondents < 2.
    public let confidenceInterval: ConfidenceInterval?
    /// Share (0…1) of scores at or below the scale's weak limit.
    public let shareWeak: Double
    /// Share (0…1) of scores at or above the scale's strong limit.
    public let shareStrong: Double

    /// Figures as given; normally made by `ScoreAccumulator.summary()`.
    public init(
        respondents: Int, mean: Double, standardDeviation: Double?, confidenceInterval: ConfidenceInterval?,
        shareWeak: Double, shareStrong: Double
    ) {
        self.respondents = respondents
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.confidenceInterval = confidenceInterval
        self.shareWeak = shareWeak
        self.shareStrong = shareStrong
    }
}
