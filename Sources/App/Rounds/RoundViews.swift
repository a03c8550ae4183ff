import Foundation
import Storage

// View models of the survey round pages. Stored properties only, no optionals (see StaffViews.swift).

/// One round in the organisation's list.
struct RoundRow {
    let href: String
    let title: String
    let mode: String
    let status: String
    let dates: String
    let framework: String
    let invited: String
    let answered: String
    let rate: String
}

struct RoundListView {
    let crumbs: [Crumb]
    let organisationName: String
    let newHref: String
    let rows: [RoundRow]
    let hasRows: Bool
}

/// A checkbox of a group (`<fieldset>`), with its own id for the label.
struct CheckboxOption {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}

/// One open question's three text fields.
struct QuestionFields {
    let legend: String
    let fi: FieldView
    let sv: FieldView
    let en: FieldView
}

struct RoundFormView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let submitLabel: String
    let cancelHref: String
    let errors: [ErrorLink]
    let hasErrors: Bool
    let title: FieldView
    let framework: FieldView
    let frameworkOptions: [SelectOption]
    let hasFrameworks: Bool
    /// Carries the error of the population radio group (its id is the first radio's).
    let scope: FieldView
    let scopeWhole: Bool
    let scopeSelected: Bool
    let sectorField: FieldView
    let sectors: [CheckboxOption]
    let hasSectors: Bool
    let unitNames: FieldView
    let opensOn: FieldView
    let closesOn: FieldView
    let mode: FieldView
    let modeAnonymous: Bool
    let modeIdentified: Bool
    let minimumGroupSize: FieldView
    let openAnswerThreshold: FieldView
    let questions: [QuestionFields]
}

/// A label and its value in the round's details.
struct DetailItem {
    let label: String
    let value: String
}

/// An open question as shown on the round page.
struct QuestionRow {
    let number: String
    let fi: String
    let sv: String
    let en: String
}

struct RoundDetailView {
    let crumbs: [Crumb]
    let title: String
    let status: String
    let details: [DetailItem]
    let modeExplanation: String
    let isAnonymous: Bool
    let population: [String]
    let hasParticipation: Bool
    let participation: [DetailItem]
    let questions: [QuestionRow]
    let hasQuestions: Bool
    let isDraft: Bool
    let isOpen: Bool
    let editHref: String
    let openAction: String
    let deleteAction: String
    let closeAction: String
    let extendAction: String
    let extendField: FieldView
    let hasResults: Bool
    let resultsHref: String
    let errors: [ErrorLink]
    let hasErrors: Bool
}
