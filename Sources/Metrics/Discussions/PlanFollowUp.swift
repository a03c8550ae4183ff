/// "Planned → done → changed" for one person's development plan: for each goal's competence area,
/// the trainings completed in that area after the plan was agreed, and how the person's own
/// identified self-assessment of the area moved between the assessment before the plan and the
/// first one after it. Pure: the caller reads the person's data; nothing here is about a group.
public struct PlanFollowUp: Sendable, Equatable {
    /// A training the person completed, with the areas (by code) it develops.
    public struct Completion: Sendable, Equatable {
        public let trainingTitle: String
        public let areaCodes: Set<String>
        /// `YYYY-MM-DD`.
        public let completedOn: String

        public init(trainingTitle: String, areaCodes: Set<String>, completedOn: String) {
            self.trainingTitle = trainingTitle
            self.areaCodes = areaCodes
            self.completedOn = completedOn
        }
    }

    /// One identified self-assessment: its day and the person's score per area code.
    public struct Assessment: Sendable, Equatable {
        public let submittedOn: String
        public let scores: [String: Double]

        public init(submittedOn: String, scores: [String: Double]) {
            self.submittedOn = submittedOn
            self.scores = scores
        }
    }

    /// What came of one goal.
    public struct Outcome: Sendable, Equatable {
        public let areaCode: String
        /// Titles of the trainings done in the area after the plan, oldest first.
        public let trainingsDone: [String]
        /// The area's score before the plan and in the first assessment after it.
        public let before: Double?
        public let after: Double?

        public var change: Double? {
            guard let before, let after else { return nil }
            return after - before
        }
    }

    public let outcomes: [Outcome]

    /// - Parameters:
    ///   - goalAreaCodes: the plan's goals' areas, in the plan's order.
    ///   - agreedOn: the day the plan was agreed (`YYYY-MM-DD`); work from that day on counts.
    public init(goalAreaCodes: [String], agreedOn: String, completions: [Completion], assessments: [Assessment]) {
        let ordered = assessments.sorted { $0.submittedOn < $1.submittedOn }
        let before = ordered.last { $0.submittedOn < agreedOn }
        let after = ordered.first { $0.submittedOn >= agreedOn }
        let done = completions.filter { $0.completedOn >= agreedOn }.sorted { $0.completedOn < $1.completedOn }
        outcomes = goalAreaCodes.map { code in
            Outcome(areaCode: code, trainingsDone: done.filter { $0.areaCodes.contains(code) }.map(\.trainingTitle),
                    before: before?.scores[code], after: after?.scores[code])
        }
    }
}
