// View models of the trainings pages. Like every row model, they hold no optionals (Mustache would
// look a nil up in the page around it): empty strings and `has…` flags instead.

/// A session in a list: the catalogue's calendar, a training's sessions, my trainings.
struct SessionCardView {
    let href: String
    let title: String
    let time: String
    let details: String
    let place: String
    let hasPlace: Bool
    /// "Cancelled", "Full", "You are enrolled", "2nd on the waiting list"…
    let status: String
    let hasStatus: Bool
    let cancelled: Bool
}

/// A training in the catalogue list.
struct TrainingCardView {
    let href: String
    let title: String
    let details: String
    let areas: String
    let hasAreas: Bool
}

/// One choice of a filter's `<select>`.
struct FilterSelectView {
    let name: String
    let label: String
    let options: [SelectOption]
}

struct TrainingCatalogueView {
    let filters: [FilterSelectView]
    let filterAction: String
    let filtered: Bool
    let clearHref: String
    let thisWeek: [SessionCardView]
    let hasThisWeek: Bool
    let later: [SessionCardView]
    let hasLater: Bool
    let recordings: [SessionCardView]
    let hasRecordings: Bool
    let trainings: [TrainingCardView]
    let hasTrainings: Bool
    let manageHref: String
    let canManage: Bool
    let myTrainingsHref: String
}

struct MaterialView {
    let title: String
    let url: String
}

struct TrainingPageView {
    let crumbs: [Crumb]
    let title: String
    let description: String
    let hasDescription: Bool
    let facts: [FactView]
    let materials: [MaterialView]
    let hasMaterials: Bool
    let sessions: [SessionCardView]
    let hasSessions: Bool
    let retired: Bool
    let editHref: String
    let newSessionHref: String
    let canManage: Bool
}

/// A term and its description in a `<dl>`.
struct FactView {
    let term: String
    let value: String
}
