import Foundation
import HTTPServer
import Storage

/// One language's input of a text given in Finnish, Swedish and English.
struct LanguageField {
    let label: String
    let field: FieldView
    let required: Bool
    let multiline: Bool
    let maxLength: Int
}

/// A fieldset of one text in the three languages; Finnish is required, the others fall back to it.
struct LocalisedFields {
    let legend: String
    let fields: [LanguageField]
}

/// One radio button of a group.
struct RadioOption {
    let id: String
    let name: String
    let value: String
    let label: String
    let checked: Bool
}

/// Limits of the framework's texts; generous, but a statement must stay readable on a phone.
enum FrameworkTextLimit {
    static let name = 200
    static let label = 100
    static let description = 2000
    static let statement = 500
}

extension WebApp {
    /// Reads `PREFIX-fi`, `PREFIX-sv` and `PREFIX-en` from the submitted form.
    func localisedText(_ form: FormInput, _ prefix: String) -> LocalisedText {
        LocalisedText(fi: form[prefix + "-fi"] ?? "", sv: form[prefix + "-sv"] ?? "", en: form[prefix + "-en"] ?? "")
    }

    /// Field errors of a three-language text: Finnish required unless `required` is false (with
    /// `missingKey`'s message), each at most `limit` characters.
    func localisedProblems(_ text: LocalisedText, prefix: String, limit: Int, missingKey: String,
                           _ strings: Strings, into errors: inout FormErrors, required: Bool = true) {
        if required, text.fi.isEmpty { errors.add(prefix + "-fi", strings.text(missingKey)) }
        for (language, value) in [("fi", text.fi), ("sv", text.sv), ("en", text.en)] where value.count > limit {
            errors.add(prefix + "-" + language, strings.format("frameworks_error_too_long", ["limit": String(limit)]))
        }
    }

    /// The fieldset's model: what was typed in the form being answered, else the stored text.
    /// `required` marks the Finnish text as required (an area's description is not).
    func localisedFields(_ legend: String, prefix: String, stored: LocalisedText, context: RequestContext,
                         errors: FormErrors, multiline: Bool = false, required: Bool = true,
                         limit: Int) -> LocalisedFields {
        let strings = context.strings
        let fields = [("fi", stored.fi), ("sv", stored.sv), ("en", stored.en)].map { language, value in
            let name = prefix + "-" + language
            let isRequired = required && language == "fi"
            return LanguageField(
                label: strings.text(isRequired ? "frameworks_in_fi_required" : "frameworks_in_" + language),
                field: FieldView(name: name, value: context.form?.raw(name) ?? value, error: errors[name]),
                required: isRequired, multiline: multiline, maxLength: limit)
        }
        return LocalisedFields(legend: legend, fields: fields)
    }

    /// A target level as typed: `4`, `3,5` or `3.5`.
    static func parseLevel(_ text: String) -> Double? {
        guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), value.isFinite else { return nil }
        return value
    }
}
