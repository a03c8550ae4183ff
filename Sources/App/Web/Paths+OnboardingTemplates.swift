/// Links of the onboarding templates (`Onboarding/TemplatePages.swift`).
extension Paths {
    /// HR's list of the organisation's templates, with the form to make one.
    static func onboardingTemplates(_ slug: String) -> String { organisation(slug) + "/onboarding-templates" }
    /// A unit's own template (made by its supervisors on first use).
    static func unitOnboardingTemplate(_ unitID: Int64) -> String { "/units/\(unitID)/onboarding-template" }
    static func onboardingTemplate(_ templateID: Int64) -> String { "/onboarding-templates/\(templateID)" }
    /// Adds an item: the template's next version.
    static func onboardingTemplateItems(_ templateID: Int64) -> String { onboardingTemplate(templateID) + "/items" }
    /// An item of the newest version: saving its changed fields makes the template's next version.
    static func onboardingTemplateItem(_ templateID: Int64, _ itemID: Int64) -> String {
        onboardingTemplateItems(templateID) + "/\(itemID)"
    }
    /// The form to change an item, prefilled.
    static func editOnboardingTemplateItem(_ templateID: Int64, _ itemID: Int64) -> String {
        onboardingTemplateItem(templateID, itemID) + "/edit"
    }
    /// Removes an item: the template's next version.
    static func onboardingTemplateItemRemoval(_ templateID: Int64, _ itemID: Int64) -> String {
        onboardingTemplateItem(templateID, itemID) + "/remove"
    }
    /// Names the template's owner by HR number (HR of the organisation and administrators).
    static func onboardingTemplateOwner(_ templateID: Int64) -> String { onboardingTemplate(templateID) + "/owner" }
    static func onboardingTemplateReview(_ templateID: Int64) -> String { onboardingTemplate(templateID) + "/review" }
    /// HR's overview: progress by sector and unit, items most often overdue, days to complete.
    static func onboardingOverview(_ slug: String) -> String { organisation(slug) + "/onboarding" }
}
