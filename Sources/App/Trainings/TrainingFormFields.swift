/// One field of the trainings feature's forms, drawn by `trainings/field.mustache` whatever its kind,
/// so the forms are lists of fields instead of pages of near-identical markup. It carries the
/// `FieldView` names the shared partials (`field-error`, `aria`) read.
struct FormFieldView {
    enum Kind { case text, textarea, number, date, time, url, select, checkboxes, checkbox }

    let name: String
    let value: String
    let label: String
    let hint: String
    let hasHint: Bool
    let fieldError: String
    let hasFieldError: Bool
    let describedBy: String
    let hasDescription: Bool
    let required: Bool
    let maxLength: Int
    let options: [SelectOption]
    let items: [CheckboxItemView]
    let checked: Bool
    let isText, isTextarea, isNumber, isDate, isTime, isURL, isSelect, isCheckboxes, isCheckbox: Bool

    init(_ kind: Kind, name: String, value: String = "", label: String, hint: String = "", error: String? = nil,
         required: Bool = false, maxLength: Int = 200, options: [SelectOption] = [], items: [CheckboxItemView] = [],
         checked: Bool = false) {
        let field = FieldView(name: name, value: value, error: error, hintID: hint.isEmpty ? nil : name + "-hint")
        self.name = name
        self.value = value
        self.label = label
        self.hint = hint
        hasHint = !hint.isEmpty
        fieldError = field.fieldError
        hasFieldError = field.hasFieldError
        describedBy = field.describedBy
        hasDescription = field.hasDescription
        self.required = required
        self.maxLength = maxLength
        self.options = options
        self.items = items
        self.checked = checked
        (isText, isTextarea, isNumber, isDate, isTime, isURL) =
            (kind == .text, kind == .textarea, kind == .number, kind == .date, kind == .time, kind == .url)
        (isSelect, isCheckboxes, isCheckbox) = (kind == .select, kind == .checkboxes, kind == .checkbox)
    }
}

/// One box of a group of checkboxes.
struct CheckboxItemView {
    let id: String
    let value: String
    let label: String
    let checked: Bool
}

/// A titled group of fields in a form.
struct FormSectionView {
    let legend: String
    let hasLegend: Bool
    let fields: [FormFieldView]

    init(_ fields: [FormFieldView]) {
        self.init("", fields)
    }

    init(_ legend: String, _ fields: [FormFieldView]) {
        self.legend = legend
        hasLegend = !legend.isEmpty
        self.fields = fields
    }
}

/// A whole form of the trainings feature.
struct TrainingFormView {
    let crumbs: [Crumb]
    let heading: String
    let intro: String
    let hasIntro: Bool
    let action: String
    let submitLabel: String
    let sections: [FormSectionView]
    let errors: [ErrorLink]
    let hasErrors: Bool
}
