import Mustache

// The home page is every employee's first page and renders on every sign-in, so its views are looked
// up by name rather than through Mirror (see PageRendering+Lookup.swift): with Mirror, rendering was
// two thirds of the page's time at 40,000 staff. The switches list every stored property; one left
// out renders empty, which the home page tests would show.

extension HomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "greeting": greeting
        case "roles": roles
        case "links": links
        case "hasLinks": hasLinks
        case "openSurveys": openSurveys
        case "hasOpenSurveys": hasOpenSurveys
        case "unitRounds": unitRounds
        case "hasUnitRounds": hasUnitRounds
        case "requirements": requirements
        case "hasRequirements": hasRequirements
        case "tutors": tutors
        case "hasTutors": hasTutors
        case "logsHelp": logsHelp
        case "helpLogHref": helpLogHref
        case "instructions": instructions
        case "hasInstructions": hasInstructions
        case "instructionsHref": instructionsHref
        case "findHelpHref": findHelpHref
        case "changePasswordHref": changePasswordHref
        case "sessionsHref": sessionsHref
        case "securityHref": securityHref
        case "ownDataHref": ownDataHref
        case "onboarding": onboarding
        case "hasOnboarding": hasOnboarding
        default: nil
        }
    }
}

extension RoleLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "role": role
        case "scope": scope
        default: nil
        }
    }
}

extension HomeLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "label": label
        case "description": description
        default: nil
        }
    }
}

extension UnitRoundLine: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "unit": unit
        case "round": round
        case "progress": progress
        case "progressHref": progressHref
        case "slipsHref": slipsHref
        default: nil
        }
    }
}

extension OwnRequirementView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "status": status
        case "statusClass": statusClass
        case "sessions": sessions
        case "hasSessions": hasSessions
        case "recordingHref": recordingHref
        case "hasRecording": hasRecording
        case "catalogueHref": catalogueHref
        default: nil
        }
    }
}

extension TutorCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "contact": contact
        case "hasContact": hasContact
        case "email": email
        case "hasEmail": hasEmail
        case "hours": hours
        case "hasHours": hasHours
        case "askAnytime": askAnytime
        case "topics": topics
        case "hasTopics": hasTopics
        case "languages": languages
        case "units": units
        case "logHref": logHref
        default: nil
        }
    }
}

extension OnboardingCardView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "progress": progress
        case "percent": percent
        case "overdue": overdue
        case "hasOverdue": hasOverdue
        case "next": next
        case "hasNext": hasNext
        case "href": href
        default: nil
        }
    }
}
