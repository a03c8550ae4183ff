import Mustache

// The discussion page is where a supervisor and an employee spend their meeting, and its forms list
// the plan's goals with their choices: with Mirror, looking up the views' names was most of the
// page's time. The switches list every stored property (TemplateLookupTests checks them); the
// shared form views answer by name for every page.

extension QuestionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "question": question
        case "answer": answer
        case "hasAnswer": hasAnswer
        default: nil
        }
    }
}

extension ActionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "hasHref": hasHref
        case "canRemove": canRemove
        case "removeAction": removeAction
        case "removeLabel": removeLabel
        default: nil
        }
    }
}

extension GoalView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "area": area
        case "goal": goal
        case "followUp": followUp
        case "hasFollowUp": hasFollowUp
        case "actions": actions
        case "hasActions": hasActions
        case "canEdit": canEdit
        case "removeAction": removeAction
        case "removeLabel": removeLabel
        case "newActionHref": newActionHref
        case "formID": formID
        case "newActionLabel": newActionLabel
        default: nil
        }
    }
}

extension AssessmentRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "area": area
        case "previous": previous
        case "latest": latest
        case "change": change
        case "target": target
        case "belowTarget": belowTarget
        default: nil
        }
    }
}

extension FollowUpRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "goal": goal
        case "area": area
        case "done": done
        case "change": change
        default: nil
        }
    }
}

extension DiscussionPictureView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "helpTopics": helpTopics
        case "hasHelpTopics": hasHelpTopics
        case "weakAreas": weakAreas
        case "hasWeakAreas": hasWeakAreas
        case "weakAreasMeta": weakAreasMeta
        case "assessmentMeta": assessmentMeta
        case "assessment": assessment
        case "hasAssessment": hasAssessment
        case "trainings": trainings
        case "hasTrainings": hasTrainings
        case "trainingsSince": trainingsSince
        case "requirements": requirements
        case "hasRequirements": hasRequirements
        case "onboarding": onboarding
        case "hasOnboarding": hasOnboarding
        case "followUp": followUp
        case "hasFollowUp": hasFollowUp
        case "followUpMeta": followUpMeta
        default: nil
        }
    }
}

extension DiscussionPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "heading": heading
        case "cycle": cycle
        case "status": status
        case "statusClass": statusClass
        case "visibility": visibility
        case "errors": errors
        case "hasErrors": hasErrors
        case "isSigned": isSigned
        case "printHref": printHref
        case "questions": questions
        case "hasQuestions": hasQuestions
        case "canPrepare": canPrepare
        case "preparationAction": preparationAction
        case "planned": planned
        case "held": held
        case "notes": notes
        case "hasNotes": hasNotes
        case "canLead": canLead
        case "meetingAction": meetingAction
        case "plannedField": plannedField
        case "heldField": heldField
        case "notesField": notesField
        case "pictureHTML": pictureHTML
        case "goals": goals
        case "hasGoals": hasGoals
        case "canAddGoal": canAddGoal
        case "goalAction": goalAction
        case "goalField": goalField
        case "followUpField": followUpField
        case "areas": areas
        case "employeeSigned": employeeSigned
        case "supervisorSigned": supervisorSigned
        case "comment": comment
        case "hasComment": hasComment
        case "disagrees": disagrees
        case "canSignAsEmployee": canSignAsEmployee
        case "canSignAsSupervisor": canSignAsSupervisor
        case "signAction": signAction
        case "corrections": corrections
        case "hasCorrections": hasCorrections
        case "canCorrect": canCorrect
        case "correctionAction": correctionAction
        case "correctionField": correctionField
        default: nil
        }
    }
}
