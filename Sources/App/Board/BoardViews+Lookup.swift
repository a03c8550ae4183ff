import Mustache

// The board is read on phones many times a day: with Mirror, looking up the views' names was most of
// a page's time. The switches list every stored property (TemplateLookupTests checks them).

extension BoardRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        case "kindLabel": kindLabel
        case "kindClass": kindClass
        case "meta": meta
        case "solved": solved
        case "unanswered": unanswered
        case "hidden": hidden
        case "shared": shared
        case "sharedLabel": sharedLabel
        case "counts": counts
        case "snippet": snippet
        case "hasSnippet": hasSnippet
        default: nil
        }
    }
}

extension BoardFrontView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "action": action
        case "query": query
        case "filters": filters
        case "filtered": filtered
        case "clearHref": clearHref
        case "searched": searched
        case "resultLine": resultLine
        case "newTipHref": newTipHref
        case "newQuestionHref": newQuestionHref
        case "newPracticeHref": newPracticeHref
        case "rows": rows
        case "hasRows": hasRows
        case "previousHref": previousHref
        case "hasPrevious": hasPrevious
        case "nextHref": nextHref
        case "hasNext": hasNext
        case "isModerator": isModerator
        case "moderationHref": moderationHref
        case "moderationLabel": moderationLabel
        default: nil
        }
    }
}

extension BoardFactView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension BoardAnswerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "anchor": anchor
        case "author": author
        case "byTutor": byTutor
        case "date": date
        case "bodyHTML": bodyHTML
        case "solves": solves
        case "hidden": hidden
        case "hiddenNote": hiddenNote
        case "canMarkSolving": canMarkSolving
        case "solvesAction": solvesAction
        case "solvesValue": solvesValue
        case "solvesLabel": solvesLabel
        case "reportAction": reportAction
        case "canModerate": canModerate
        case "hideAction": hideAction
        case "hideValue": hideValue
        case "hideLabel": hideLabel
        default: nil
        }
    }
}

extension BoardAdoptionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "place": place
        case "howItWent": howItWent
        case "hasNote": hasNote
        default: nil
        }
    }
}

extension BoardPostView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "title": title
        case "language": language
        case "kindLabel": kindLabel
        case "kindClass": kindClass
        case "meta": meta
        case "solved": solved
        case "locked": locked
        case "hidden": hidden
        case "hiddenNote": hiddenNote
        case "shared": shared
        case "anonymousNote": anonymousNote
        case "hasAnonymousNote": hasAnonymousNote
        case "hasPhoto": hasPhoto
        case "photoHref": photoHref
        case "photoAlt": photoAlt
        case "photoWidth": photoWidth
        case "photoHeight": photoHeight
        case "bodyHTML": bodyHTML
        case "isPractice": isPractice
        case "practiceFacts": practiceFacts
        case "hasPracticeFacts": hasPracticeFacts
        case "howHTML": howHTML
        case "hasHow": hasHow
        case "themes": themes
        case "hasThemes": hasThemes
        case "fromQuestionHref": fromQuestionHref
        case "hasFromQuestion": hasFromQuestion
        case "tipHref": tipHref
        case "hasTip": hasTip
        case "canMakeTip": canMakeTip
        case "makeTipAction": makeTipAction
        case "usefulAction": usefulAction
        case "usefulLabel": usefulLabel
        case "usefulCount": usefulCount
        case "markedUseful": markedUseful
        case "adoptions": adoptions
        case "hasAdoptions": hasAdoptions
        case "adoptionSummary": adoptionSummary
        case "canAdopt": canAdopt
        case "adoptAction": adoptAction
        case "adoptUnits": adoptUnits
        case "adoptedAlready": adoptedAlready
        case "answers": answers
        case "hasAnswers": hasAnswers
        case "answersHeading": answersHeading
        case "canAnswer": canAnswer
        case "answerAction": answerAction
        case "answerLabel": answerLabel
        case "answerError": answerError
        case "hasAnswerError": hasAnswerError
        case "answerValue": answerValue
        case "reportAction": reportAction
        case "canModerate": canModerate
        case "hideAction": hideAction
        case "hideValue": hideValue
        case "hideLabel": hideLabel
        case "lockAction": lockAction
        case "lockValue": lockValue
        case "lockLabel": lockLabel
        default: nil
        }
    }
}

extension BoardReportView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": href
        case "title": title
        case "what": what
        case "reason": reason
        case "meta": meta
        case "dismissAction": dismissAction
        default: nil
        }
    }
}

extension BoardModeratorView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "removeAction": removeAction
        default: nil
        }
    }
}

extension BoardModerationView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "heading": heading
        case "reports": reports
        case "hasReports": hasReports
        case "hidden": hidden
        case "hasHidden": hasHidden
        case "moderators": moderators
        case "hasModerators": hasModerators
        case "canName": canName
        case "nameAction": nameAction
        case "nameValue": nameValue
        case "nameError": nameError
        case "hasNameError": hasNameError
        default: nil
        }
    }
}

extension BoardKindChoice: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "hint": hint
        case "checked": checked
        case "href": href
        default: nil
        }
    }
}

extension BoardFormView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "crumbs": crumbs
        case "heading": heading
        case "action": action
        case "kinds": kinds
        case "kind": kind
        case "isQuestion": isQuestion
        case "isPractice": isPractice
        case "errors": errors
        case "hasErrors": hasErrors
        case "main": main
        case "practice": practice
        case "more": more
        case "moreOpen": moreOpen
        case "anonymous": anonymous
        case "photoError": photoError
        case "hasPhotoError": hasPhotoError
        case "submitLabel": submitLabel
        default: nil
        }
    }
}
