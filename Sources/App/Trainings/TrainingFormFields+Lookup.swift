import Mustache

// Shared form views answer templates by name (faster than Mirror) for every page that uses them.

extension FilterSelectView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "options": options
        default: nil
        }
    }
}

extension FormFieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": value
        case "label": label
        case "hint": hint
        case "hasHint": hasHint
        case "fieldError": fieldError
        case "hasFieldError": hasFieldError
        case "describedBy": describedBy
        case "hasDescription": hasDescription
        case "required": required
        case "maxLength": maxLength
        case "options": options
        case "items": items
        case "checked": checked
        case "isText": isText
        case "isTextarea": isTextarea
        case "isNumber": isNumber
        case "isDate": isDate
        case "isTime": isTime
        case "isURL": isURL
        case "isSelect": isSelect
        case "isCheckboxes": isCheckboxes
        case "isCheckbox": isCheckbox
        default: nil
        }
    }
}
