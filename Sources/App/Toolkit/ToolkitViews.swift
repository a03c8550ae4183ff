/// The supervisor toolkit: one unit (with its sub-units) in six short sections, each with the link to
/// its full page. Every figure here is one the full page shows, counted the same way.
struct ToolkitView {
    let crumbs: [Crumb]
    let heading: String
    let unitName: String
    let day: String
    let survey: ToolkitSurveySection
    let trainings: ToolkitTrainingSection
    let requirements: ToolkitRequirementSection
    let tutors: ToolkitTutorSection
    let onboarding: ToolkitOnboardingSection
    let discussions: ToolkitDiscussionSection
}

/// Survey results: the newest closed round that shows the unit, its weakest competence areas, and how
/// the open rounds are going.
struct ToolkitSurveySection {
    /// The round whose figures are shown, with the unit's respondents; empty when no round shows the unit.
    let round: String
    let respondents: String
    let hasResults: Bool
    /// The weakest competence areas with their means ("Viestintä 3,1"), weakest first.
    let weakest: [String]
    let hasWeakest: Bool
    /// Why there are no figures (no closed round yet, or too few respondents): never a figure.
    let note: String
    /// The unit's dashboard of the round shown (or of the newest closed round the unit was in).
    let href: String
    let hasHref: Bool
    let openRounds: [ToolkitOpenRound]
    let hasOpenRounds: Bool
}

/// An open round and its response progress, as the supervisor's home page shows it.
struct ToolkitOpenRound {
    let round: String
    let progress: String
    let href: String
}

/// Training coverage: the top of the unit's training view.
struct ToolkitTrainingSection {
    let staff: String
    let trained: String
    let upcoming: String
    let href: String
}

/// Required training: per requirement, the unit's share compliant (hidden as the unit matrix hides it).
struct ToolkitRequirementSection {
    let rows: [ToolkitShareRow]
    let hasRows: Bool
    let note: String
    let href: String
}

struct ToolkitShareRow {
    let title: String
    let share: String
}

/// Digitutor coverage: the unit's tutors and its units with staff and no active tutor.
struct ToolkitTutorSection {
    let coverage: String
    let tutors: String
    let hasTutors: Bool
    let uncovered: [ToolkitUnitLink]
    let hasUncovered: Bool
    /// "and 4 more" when the list is cut short.
    let more: String
    let hasMore: Bool
    let href: String
}

struct ToolkitUnitLink {
    let name: String
    let href: String
}

/// Onboarding: new hires of the last months whose checklists are running, and those with overdue items.
struct ToolkitOnboardingSection {
    let running: String
    let overdue: String
    let hasOverdue: Bool
    let href: String
}

/// Development discussions in the running cycle.
struct ToolkitDiscussionSection {
    let cycle: String
    let hasCycle: Bool
    let summary: String
    let toMeet: String
    let href: String
}
