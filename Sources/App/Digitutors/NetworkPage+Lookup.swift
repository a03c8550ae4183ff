import Mustache

// The network page lists every tutor of the organisation (about 1,500 at 40,000 staff), so its views
// are looked up by name rather than through Mirror (see PageRendering+Lookup.swift): with Mirror,
// rendering took 70 % of the page's 300 ms. Every stored property is listed; TemplateLookupTests
// checks that none is missing.

extension NetworkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "newHref": newHref
        case "coverageHref": coverageHref
        case "networkHTML": networkHTML
        case "news": news
        case "hasNews": hasNews
        case "newsAction": newsAction
        case "newsError": newsError
        case "hasNewsError": hasNewsError
        case "printHref": printHref
        case "helpHref": helpHref
        case "topicsHref": topicsHref
        default: nil
        }
    }
}

extension NetworkBodyView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sectors": sectors
        case "ending": ending
        case "hasEnding": hasEnding
        case "training": training
        case "hasTrainingColumn": hasTrainingColumn
        default: nil
        }
    }
}

extension NetworkSectorView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "tutors": tutors
        case "hasTutors": hasTutors
        case "count": count
        default: nil
        }
    }
}

extension NetworkTutorRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "units": units
        case "topics": topics
        case "status": status
        case "statusClass": statusClass
        case "ending": ending
        case "training": training
        default: nil
        }
    }
}

extension TutorTrainingCell: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "status": status
        case "statusClass": statusClass
        default: nil
        }
    }
}

extension TutorTrainingView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "hasRequirements": hasRequirements
        case "counts": counts
        case "noneText": noneText
        case "newRequirementHref": newRequirementHref
        case "canCreate": canCreate
        default: nil
        }
    }
}

extension NewsItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "body": body
        default: nil
        }
    }
}
