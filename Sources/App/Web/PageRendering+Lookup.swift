import Mustache

// Every page renders the layout, the page wrapper and the navigation, so their fields are looked up
// by name here rather than through Mirror, which builds every child of a value for each lookup and
// was the largest cost of a cached page. The switches list every stored property; a field left out
// would render empty, and the layout tests would show it.

extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": return lang
        case "t": return t
        case "title": return title
        case "content": return content
        case "signedIn": return signedIn
        case "userName": return userName
        case "navigation": return navigation
        case "languages": return languages
        case "csrfToken": return csrfToken
        case "returnTo": return returnTo
        case "notice": return notice
        default: return nil
        }
    }
}

extension PageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "t": return t
        case "csrfToken": return csrfToken
        case "page": return page
        default: return nil
        }
    }
}

extension NavigationItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": return href
        case "label": return label
        case "current": return current
        default: return nil
        }
    }
}

extension LanguageChoice: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "code": return code
        case "label": return label
        case "current": return current
        default: return nil
        }
    }
}
