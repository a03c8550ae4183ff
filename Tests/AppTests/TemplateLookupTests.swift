import Mustache
import Testing
@testable import App

/// Views that answer template lookups by name (`MustacheParent`, faster than Mirror) must answer for
/// every stored property, or the template renders it empty without a word.
@Suite("Template lookups by name")
struct TemplateLookupTests {
    /// Each stored property Mirror sees has the same answer by name.
    static func answersEveryProperty(_ value: some MustacheParent) -> [String] {
        Mirror(reflecting: value).children.compactMap { child -> String? in
            guard let label = child.label else { return nil }
            let byName = value.child(named: label).map { "\($0)" } ?? "nil"
            return byName == Self.unwrapped(child.value) ? nil : "\(type(of: value)).\(label)"
        }
    }

    /// An optional's value as text, or "nil" (templates see optionals unwrapped).
    static func unwrapped(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return "\(value)" }
        return mirror.children.first.map { "\($0.value)" } ?? "nil"
    }

    @Test func homePageViewsAnswerEveryProperty() {
        let link = HomeLink(href: "/a", label: "A", description: "d")
        let card = TutorCardView(name: "Tiina", contact: "Teams", hasContact: true, email: "t@example.fi", hasEmail: true,
                                 hours: ["ti 12:30–13:00"], hasHours: true, askAnytime: true, topics: "Teams",
                                 hasTopics: true, languages: "suomi", units: "Päiväkoti")
        let requirement = OwnRequirementView(title: "Tietosuoja", status: "Erääntyy", statusClass: "due", sessions: [link],
                                             hasSessions: true, recordingHref: "/r", hasRecording: true, catalogueHref: "/c")
        let round = UnitRoundLine(unit: "Päiväkoti", round: "Syksy", progress: "5/10", progressHref: "/p", slipsHref: "/s")
        let home = HomeView(greeting: "Hei", roles: [RoleLine(role: "HR", scope: "Järvelä")], links: [link], hasLinks: true,
                            openSurveys: [link], hasOpenSurveys: true, unitRounds: [round], hasUnitRounds: true,
                            requirements: [requirement], hasRequirements: true, tutors: [card], hasTutors: true,
                            instructions: [], hasInstructions: true)
        var missing = Self.answersEveryProperty(home) + Self.answersEveryProperty(link) + Self.answersEveryProperty(card)
        missing += Self.answersEveryProperty(requirement) + Self.answersEveryProperty(round)
        missing += Self.answersEveryProperty(RoleLine(role: "HR", scope: "Järvelä"))
        let onboarding = OnboardingCardView(progress: "1/6", percent: 16, overdue: "Myöhässä: 1", hasOverdue: true,
                                            next: ["Intranet (3.3.2027)"], hasNext: true, href: "/my-onboarding")
        var withCard = home
        withCard.onboarding = [onboarding]
        withCard.hasOnboarding = true
        missing += Self.answersEveryProperty(withCard) + Self.answersEveryProperty(onboarding)
        missing += Self.answersEveryProperty(UnitRoundLine(unit: "U", round: "R", progress: "", progressHref: "", slipsHref: nil))
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }

    @Test func networkPageViewsAnswerEveryProperty() {
        let cell = TutorTrainingCell(title: "Perehdytys: ", status: "Suoritettu", statusClass: "done")
        let row = NetworkTutorRow(name: "Tiina", href: "/digitutors/1", units: "Päiväkoti", topics: "Teams", status: "Aktiivinen",
                                  statusClass: "active", ending: "päättyy 1.2.", training: [cell])
        let training = TutorTrainingView(hasRequirements: true, counts: ["1/2"], noneText: "ei", newRequirementHref: "/n",
                                         canCreate: true)
        let sector = NetworkSectorView(name: "Varhaiskasvatus", tutors: [row], hasTutors: true, count: "1")
        let news = NewsItemView(date: "1.3.", body: "Uusi versio")
        let view = NetworkView(crumbs: [Crumb(href: "/", label: "Etusivu", current: false)], newHref: "/new", coverageHref: "/c",
                               networkHTML: "<p>", news: [news], hasNews: true, newsAction: "/a",
                               newsError: "virhe", hasNewsError: true, printHref: "/p", helpHref: "/h", topicsHref: "/t")
        let body = NetworkBodyView(sectors: [sector], ending: [row], hasEnding: true, training: training, hasTrainingColumn: true)
        let missing = Self.answersEveryProperty(view) + Self.answersEveryProperty(body) + Self.answersEveryProperty(sector) + Self.answersEveryProperty(row)
            + Self.answersEveryProperty(cell) + Self.answersEveryProperty(training) + Self.answersEveryProperty(news)
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }

    @Test func newHiresViewsAnswerEveryProperty() {
        let row = NewHireRow(name: "Julia Jokinen", href: "/onboarding/1", jobTitle: "opettaja", startDate: "1.3.2027",
                             progress: "3/18", percent: 16, overdue: "Myöhässä: 2", hasOverdue: true, complete: false)
        let waiting = HireWithoutChecklistRow(name: "Uusi", startDate: "2.3.2027", action: "/start", label: "Aloita")
        let crumb = Crumb(href: "/", label: "Etusivu", current: true)
        let view = NewHiresView(crumbs: [crumb], heading: "Uudet", unitName: "Päiväkoti", listsHTML: "<ul>", startFormID: "f",
                                canEditUnitTemplate: true, unitTemplateAction: "/t")
        let lists = NewHiresListsView(running: [row], hasRunning: true, finished: [row], hasFinished: true,
                                      withoutChecklist: [waiting], hasWithoutChecklist: true, startFormID: "f")
        let missing = Self.answersEveryProperty(view) + Self.answersEveryProperty(lists) + Self.answersEveryProperty(row)
            + Self.answersEveryProperty(waiting)
            + Self.answersEveryProperty(crumb)
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }

    @Test func discussionViewsAnswerEveryProperty() {
        let question = QuestionView(name: "x", question: "x", answer: "x", hasAnswer: true)
        let action = ActionView(text: "x", href: "x", hasHref: true, canRemove: true, removeAction: "x", removeLabel: "x")
        let goal = GoalView(number: "x", area: "x", goal: "x", followUp: "x", hasFollowUp: true, actions: [action], hasActions: true, canEdit: true, removeAction: "x", removeLabel: "x", newActionHref: "x", formID: "x", newActionLabel: "x")
        let assessment = AssessmentRowView(area: "x", previous: "x", latest: "x", change: "x", target: "x", belowTarget: true)
        let followUp = FollowUpRowView(goal: "x", area: "x", done: "x", change: "x")
        let picture = DiscussionPictureView(helpTopics: "x", hasHelpTopics: true, weakAreas: ["x"], hasWeakAreas: true, weakAreasMeta: "x", assessmentMeta: "x", assessment: [assessment], hasAssessment: true, trainings: ["x"], hasTrainings: true, trainingsSince: "x", requirements: ["x"], hasRequirements: true, onboarding: "x", hasOnboarding: true, followUp: [followUp], hasFollowUp: true, followUpMeta: "x")
        let page = DiscussionPageView(crumbs: [Crumb(href: "/", label: "c", current: true)], heading: "x", cycle: "x", status: "x", statusClass: "x", visibility: "x", errors: [ErrorLink(href: "#a", message: "m")], hasErrors: true, isSigned: true, printHref: "x", questions: [question], hasQuestions: true, canPrepare: true, preparationAction: "x", planned: "x", held: "x", notes: "x", hasNotes: true, canLead: true, meetingAction: "x", plannedField: FieldView(name: "n", value: "v", error: "e"), heldField: FieldView(name: "n", value: "v", error: "e"), notesField: FieldView(name: "n", value: "v", error: "e"), pictureHTML: "x", goals: [goal], hasGoals: true, canAddGoal: true, goalAction: "x", goalField: FieldView(name: "n", value: "v", error: "e"), followUpField: FieldView(name: "n", value: "v", error: "e"), areas: [SelectOption(value: "1", label: "a", selected: true)], employeeSigned: "x", supervisorSigned: "x", comment: "x", hasComment: true, disagrees: true, canSignAsEmployee: true, canSignAsSupervisor: true, signAction: "x", corrections: ["x"], hasCorrections: true, canCorrect: true, correctionAction: "x", correctionField: FieldView(name: "n", value: "v", error: "e"))
        let option = SelectOption(value: "1", label: "a", selected: true)
        let field = FieldView(name: "n", value: "v", error: "e", hintID: "h")
        var missing = Self.answersEveryProperty(question) + Self.answersEveryProperty(action) + Self.answersEveryProperty(goal)
        missing += Self.answersEveryProperty(assessment) + Self.answersEveryProperty(followUp) + Self.answersEveryProperty(picture)
        missing += Self.answersEveryProperty(page) + Self.answersEveryProperty(option) + Self.answersEveryProperty(field)
        missing += Self.answersEveryProperty(ErrorLink(href: "#a", message: "m"))
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }

    @Test func toolkitViewsAnswerEveryProperty() {
        let open = ToolkitOpenRound(round: "Syksy", progress: "5/10", href: "/r")
        let survey = ToolkitSurveySection(round: "Kevät", respondents: "13 vastaajaa", hasResults: true, weakest: ["Teams 3,1"],
                                          hasWeakest: true, note: "n", href: "/d", hasHref: true, openRounds: [open], hasOpenRounds: true)
        let trainings = ToolkitTrainingSection(staff: "13", trained: "7/13", upcoming: "1", href: "/t")
        let share = ToolkitShareRow(title: "Tietosuoja", share: "54 %")
        let requirements = ToolkitRequirementSection(rows: [share], hasRows: true, note: "n", href: "/q")
        let link = ToolkitUnitLink(name: "Satakieli", href: "/u")
        let tutors = ToolkitTutorSection(coverage: "80 %", tutors: "Tiina", hasTutors: true, uncovered: [link], hasUncovered: true,
                                         more: "ja 2 muuta", hasMore: true, href: "/g")
        let onboarding = ToolkitOnboardingSection(running: "1", overdue: "1", hasOverdue: true, href: "/o")
        let discussions = ToolkitDiscussionSection(cycle: "2027", hasCycle: true, summary: "1/3", toMeet: "2", href: "/k")
        let view = ToolkitView(crumbs: [Crumb(href: "/", label: "Etusivu", current: false)], heading: "Työkalut", unitName: "Satakieli",
                               day: "Tilanne", survey: survey, trainings: trainings, requirements: requirements, tutors: tutors,
                               onboarding: onboarding, discussions: discussions)
        let missing = Self.answersEveryProperty(view) + Self.answersEveryProperty(survey) + Self.answersEveryProperty(open)
            + Self.answersEveryProperty(trainings) + Self.answersEveryProperty(requirements) + Self.answersEveryProperty(share)
            + Self.answersEveryProperty(tutors) + Self.answersEveryProperty(link) + Self.answersEveryProperty(onboarding)
            + Self.answersEveryProperty(discussions)
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }

    @Test func staffListViewsAnswerEveryProperty() {
        let row = EmployeeRow(href: "x", name: "x", hrNumber: "x", unitName: "x", sectorName: "x", jobTitle: "x", status: "x",
                              active: true)
        let filter = UnitFilterView(id: "x", name: "x", removeHref: "x")
        let pagination = PaginationView(status: "x", hasPrevious: true, previousHref: "x", hasNext: true, nextHref: "x", label: "x")
        let view = EmployeeSearchView(crumbs: [Crumb(href: "/", label: "c", current: true)], organisationName: "x", action: "x",
                                      searchText: "x", sectorOptions: [SelectOption(value: "1", label: "a", selected: true)],
                                      unitFilter: filter, includeInactive: true, resultSummary: "x", rows: [row], hasRows: true,
                                      pagination: pagination, showPagination: true, importHref: "x")
        let missing = Self.answersEveryProperty(view) + Self.answersEveryProperty(row) + Self.answersEveryProperty(filter)
            + Self.answersEveryProperty(pagination)
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }

    @Test func boardViewsAnswerEveryProperty() {
        let vSnippetPiece = SnippetPiece(text: "x", highlighted: true)
        let vFilterSelectView = FilterSelectView(name: "x", label: "x", options: [SelectOption(value: "1", label: "a", selected: true)])
        let vBoardRowView = BoardRowView(href: "x", title: "x", kindLabel: "x", kindClass: "x", meta: "x", solved: true, unanswered: true, hidden: true, shared: true, sharedLabel: "x", counts: "x", snippet: [vSnippetPiece], hasSnippet: true)
        let vBoardFrontView = BoardFrontView(action: "x", query: "x", filters: [vFilterSelectView], filtered: true, clearHref: "x", searched: true, resultLine: "x", newTipHref: "x", newQuestionHref: "x", newPracticeHref: "x", rows: [vBoardRowView], hasRows: true, previousHref: "x", hasPrevious: true, nextHref: "x", hasNext: true, isModerator: true, moderationHref: "x", moderationLabel: "x")
        let vBoardFactView = BoardFactView(label: "x", value: "x")
        let vBoardAnswerView = BoardAnswerView(id: 4, anchor: "x", author: "x", byTutor: true, date: "x", bodyHTML: "x", solves: true, hidden: true, hiddenNote: "x", canMarkSolving: true, solvesAction: "x", solvesValue: "x", solvesLabel: "x", reportAction: "x", canModerate: true, hideAction: "x", hideValue: "x", hideLabel: "x")
        let vBoardAdoptionView = BoardAdoptionView(place: "x", howItWent: "x", hasNote: true)
        let vBoardPostView = BoardPostView(crumbs: [Crumb(href: "/", label: "c", current: true)], title: "x", language: "x", kindLabel: "x", kindClass: "x", meta: "x", solved: true, locked: true, hidden: true, hiddenNote: "x", shared: true, anonymousNote: "x", hasAnonymousNote: true, hasPhoto: true, photoHref: "x", photoAlt: "x", photoWidth: 3, photoHeight: 3, bodyHTML: "x", isPractice: true, practiceFacts: [vBoardFactView], hasPracticeFacts: true, howHTML: "x", hasHow: true, themes: [vBoardFactView], hasThemes: true, fromQuestionHref: "x", hasFromQuestion: true, tipHref: "x", hasTip: true, canMakeTip: true, makeTipAction: "x", usefulAction: "x", usefulLabel: "x", usefulCount: "x", markedUseful: true, adoptions: [vBoardAdoptionView], hasAdoptions: true, adoptionSummary: "x", canAdopt: true, adoptAction: "x", adoptUnits: [SelectOption(value: "1", label: "a", selected: true)], adoptedAlready: true, answers: [vBoardAnswerView], hasAnswers: true, answersHeading: "x", canAnswer: true, answerAction: "x", answerLabel: "x", answerError: "x", hasAnswerError: true, answerValue: "x", reportAction: "x", canModerate: true, hideAction: "x", hideValue: "x", hideLabel: "x", lockAction: "x", lockValue: "x", lockLabel: "x")
        let vBoardReportView = BoardReportView(href: "x", title: "x", what: "x", reason: "x", meta: "x", dismissAction: "x")
        let vBoardModeratorView = BoardModeratorView(name: "x", removeAction: "x")
        let vBoardModerationView = BoardModerationView(crumbs: [Crumb(href: "/", label: "c", current: true)], heading: "x", reports: [vBoardReportView], hasReports: true, hidden: [vBoardRowView], hasHidden: true, moderators: [vBoardModeratorView], hasModerators: true, canName: true, nameAction: "x", nameValue: "x", nameError: "x", hasNameError: true)
        let vBoardKindChoice = BoardKindChoice(value: "x", label: "x", hint: "x", checked: true, href: "x")
        let vBoardFormView = BoardFormView(crumbs: [Crumb(href: "/", label: "c", current: true)], heading: "x", action: "x", kinds: [vBoardKindChoice], kind: "x", isQuestion: true, isPractice: true, errors: [ErrorLink(href: "#a", message: "m")], hasErrors: true, main: [FormFieldView(.text, name: "n", value: "v", label: "l")], practice: [FormFieldView(.text, name: "n", value: "v", label: "l")], more: [FormFieldView(.text, name: "n", value: "v", label: "l")], moreOpen: true, anonymous: FormFieldView(.text, name: "n", value: "v", label: "l"), photoError: "x", hasPhotoError: true, submitLabel: "x")
        let missing = Self.answersEveryProperty(vSnippetPiece) + Self.answersEveryProperty(vFilterSelectView) + Self.answersEveryProperty(vBoardRowView) + Self.answersEveryProperty(vBoardFrontView) + Self.answersEveryProperty(vBoardFactView) + Self.answersEveryProperty(vBoardAnswerView) + Self.answersEveryProperty(vBoardAdoptionView) + Self.answersEveryProperty(vBoardPostView) + Self.answersEveryProperty(vBoardReportView) + Self.answersEveryProperty(vBoardModeratorView) + Self.answersEveryProperty(vBoardModerationView) + Self.answersEveryProperty(vBoardKindChoice) + Self.answersEveryProperty(vBoardFormView)
        #expect(missing.isEmpty, "not answered by name: \(missing)")
    }
}
