import Mustache

// Form fields and options appear on most pages with forms; they answer by name rather than through
// Mirror (see PageRendering+Lookup.swift). TemplateLookupTests checks every property.

extension SelectOption: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension FieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "value": value
        case "fieldError": fieldError
        case "hasFieldError": hasFieldError
        case "describedBy": describedBy
        case "hasDescription": hasDescription
        default: nil
        }
    }
}

extension ErrorLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "message": message
        default: nil
        }
    }
}
