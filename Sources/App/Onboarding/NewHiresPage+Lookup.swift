import Mustache

// The supervisor's view of new hires is their everyday onboarding page; with Mirror, looking up the
// views' names was two thirds of its time. The switches list every stored property (see
// TemplateLookupTests); crumbs are shared with every page and answer by name too.

extension NewHiresView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "heading": heading
        case "unitName": unitName
        case "listsHTML": listsHTML
        case "startFormID": startFormID
        case "canEditUnitTemplate": canEditUnitTemplate
        case "unitTemplateAction": unitTemplateAction
        default: nil
        }
    }
}

extension NewHiresListsView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "running": running
        case "hasRunning": hasRunning
        case "finished": finished
        case "hasFinished": hasFinished
        case "withoutChecklist": withoutChecklist
        case "hasWithoutChecklist": hasWithoutChecklist
        case "startFormID": startFormID
        default: nil
        }
    }
}

extension NewHireRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        case "jobTitle": jobTitle
        case "startDate": startDate
        case "progress": progress
        case "percent": percent
        case "overdue": overdue
        case "hasOverdue": hasOverdue
        case "complete": complete
        default: nil
        }
    }
}

extension HireWithoutChecklistRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "startDate": startDate
        case "action": action
        case "label": label
        default: nil
        }
    }
}

extension Crumb: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}
