import Foundation

// View models of form fields and their errors, shared by every feature's forms.
//
// Mustache looks a missing (nil) key up in the enclosing contexts, so a nil inside a row could show
// a value of the page around it. Row and field models therefore hold no optionals: empty strings
// and explicit `has…` flags instead.

/// One `<option>` of a `<select>`.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}

/// A labelled group of options (`<optgroup>`).
struct SelectGroup {
    let label: String
    let options: [SelectOption]
}

/// One form field's state: what was typed, and the message tying an error to it.
struct FieldView {
    /// The input's `id` and `name`.
    let name: String
    let value: String
    let fieldError: String
    let hasFieldError: Bool
    /// Ids for `aria-describedby`: the field's hint and its error, when present.
    let describedBy: String
    let hasDescription: Bool

    init(name: String, value: String, error: String? = nil, hintID: String? = nil) {
        self.name = name
        self.value = value
        fieldError = error ?? ""
        hasFieldError = error != nil
        let ids = [hintID, error == nil ? nil : name + "-error"].compactMap { $0 }
        describedBy = ids.joined(separator: " ")
        hasDescription = !ids.isEmpty
    }
}

/// One line of the error summary at the top of a form, linking to its field.
struct ErrorLink {
    let href: String
    let message: String
}

/// Field errors of a submitted form, in the order the fields appear.
struct FormErrors {
    private(set) var messages: [(field: String, message: String)] = []

    var isEmpty: Bool { messages.isEmpty }

    mutating func add(_ field: String, _ message: String) {
        guard self[field] == nil else { return }
        messages.append((field, message))
    }

    subscript(field: String) -> String? {
        messages.first { $0.field == field }?.message
    }

    /// The summary's links, each to the field it is about.
    var links: [ErrorLink] {
        messages.map { ErrorLink(href: "#" + $0.field, message: $0.message) }
    }
}

/// A `<select>` with its field state.
struct SelectFieldView {
    let field: FieldView
    let options: [SelectOption]
}
