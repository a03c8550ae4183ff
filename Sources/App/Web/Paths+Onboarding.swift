/// Links of the digital onboarding feature (`Onboarding/`).
extension Paths {
    /// The signed-in employee's own onboarding checklist.
    static let myOnboarding = "/my-onboarding"
    /// One checklist, for its supervisors, HR and the tutor named on it.
    static func onboardingChecklist(_ checklistID: Int64) -> String { "/onboarding/\(checklistID)" }
    /// Ticks an item done or not done (the form's `done` says which).
    static func onboardingItem(_ checklistID: Int64, _ itemID: Int64) -> String {
        onboardingChecklist(checklistID) + "/items/\(itemID)"
    }
    /// Adds an item for this hire only.
    static func onboardingItems(_ checklistID: Int64) -> String { onboardingChecklist(checklistID) + "/items" }
    /// Removes an item from this hire's checklist.
    static func onboardingItemRemoval(_ checklistID: Int64, _ itemID: Int64) -> String {
        onboardingItem(checklistID, itemID) + "/remove"
    }
    /// The supervisor's view of a unit's new hires.
    static func unitOnboarding(_ unitID: Int64) -> String { "/units/\(unitID)/onboarding" }
    /// Starts an employee's checklist by hand.
    static func startOnboarding(_ employeeID: Int64) -> String { "/employees/\(employeeID)/onboarding" }
}
