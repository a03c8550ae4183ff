import Mustache

// The toolkit's views answer template lookups by name (faster than Mirror). The switches list every
// stored property (see TemplateLookupTests); crumbs answer by name already (NewHiresPage+Lookup).

extension ToolkitView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "heading": heading
        case "unitName": unitName
        case "day": day
        case "survey": survey
        case "trainings": trainings
        case "requirements": requirements
        case "tutors": tutors
        case "onboarding": onboarding
        case "discussions": discussions
        default: nil
        }
    }
}

extension ToolkitSurveySection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "round": round
        case "respondents": respondents
        case "hasResults": hasResults
        case "weakest": weakest
        case "hasWeakest": hasWeakest
        case "note": note
        case "href": href
        case "hasHref": hasHref
        case "openRounds": openRounds
        case "hasOpenRounds": hasOpenRounds
        default: nil
        }
    }
}

extension ToolkitOpenRound: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "round": round
        case "progress": progress
        case "href": href
        default: nil
        }
    }
}

extension ToolkitTrainingSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "staff": staff
        case "trained": trained
        case "upcoming": upcoming
        case "href": href
        default: nil
        }
    }
}

extension ToolkitRequirementSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": hasRows
        case "note": note
        case "href": href
        default: nil
        }
    }
}

extension ToolkitShareRow: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "share": share
        default: nil
        }
    }
}

extension ToolkitTutorSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "coverage": coverage
        case "tutors": tutors
        case "hasTutors": hasTutors
        case "uncovered": uncovered
        case "hasUncovered": hasUncovered
        case "more": more
        case "hasMore": hasMore
        case "href": href
        default: nil
        }
    }
}

extension ToolkitUnitLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        default: nil
        }
    }
}

extension ToolkitOnboardingSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "running": running
        case "overdue": overdue
        case "hasOverdue": hasOverdue
        case "href": href
        default: nil
        }
    }
}

extension ToolkitDiscussionSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "cycle": cycle
        case "hasCycle": hasCycle
        case "summary": summary
        case "toMeet": toMeet
        case "href": href
        default: nil
        }
    }
}
