import HTTPServer
import Testing
@testable import App

/// Every route in `Routes.swift` can be printed with `Paths`, and the router sends what `Paths`
/// prints back to that same route: a link cannot point at a route that does not exist, nor a route
/// be left without a way to link to it.
@Suite("Paths and routes")
struct PathsTests {
    static let slug = "jarvela"
    static let survey = SurveyPaths(base: Paths.survey(7))
    static let codeSurvey = SurveyPaths(base: Paths.codeSurvey)

    /// Each route (method and pattern, as in the route table) with a path `Paths` prints for it.
    static let printed: [String: String] = [
        "GET /trainings": Paths.trainings, "GET /trainings/:trainingID": Paths.training(11),
        "GET /my-trainings": Paths.myTrainings, "GET /training-sessions/:sessionID": Paths.trainingSession(12),
        "POST /training-sessions/:sessionID/enrol": Paths.enrol(12),
        "POST /training-sessions/:sessionID/leave": Paths.leaveSession(12),
        "POST /training-sessions/:sessionID/follow": Paths.followSession(12),
        "GET /organisations/:slug/trainings": Paths.trainingCatalogue(slug),
        "GET /organisations/:slug/trainings/new": Paths.newTraining(slug),
        "POST /organisations/:slug/trainings/new": Paths.newTraining(slug),
        "POST /organisations/:slug/training-series": Paths.trainingSeriesList(slug),
        "GET /training-series/:seriesID": Paths.trainingSeries(13), "POST /training-series/:seriesID": Paths.trainingSeries(13),
        "GET /trainings/:trainingID/edit": Paths.editTraining(11), "POST /trainings/:trainingID/edit": Paths.editTraining(11),
        "GET /trainings/:trainingID/sessions/new": Paths.newTrainingSession(11),
        "POST /trainings/:trainingID/sessions/new": Paths.newTrainingSession(11),
        "GET /training-sessions/:sessionID/edit": Paths.editTrainingSession(12),
        "POST /training-sessions/:sessionID/edit": Paths.editTrainingSession(12),
        "GET /training-sessions/:sessionID/copy": Paths.copyTrainingSession(12),
        "POST /training-sessions/:sessionID/copy": Paths.copyTrainingSession(12),
        "GET /training-sessions/:sessionID/cancel": Paths.cancelTrainingSession(12),
        "POST /training-sessions/:sessionID/cancel": Paths.cancelTrainingSession(12),
        "GET /training-sessions/:sessionID/assign": Paths.assignToSession(12),
        "POST /training-sessions/:sessionID/assign": Paths.assignToSession(12),
        "POST /users/:userID/trainer": Paths.trainer(6),
        "GET /admin/outbox": Paths.outbox, "GET /admin/outbox/:messageID": Paths.outboxMessage(14),

        "GET /sign-in": Paths.signIn, "POST /sign-in": Paths.signIn, "POST /sign-out": Paths.signOut,
        "POST /language": Paths.language, "GET /": Paths.home, "GET /accessibility": Paths.accessibility,
        "GET /organisations": Paths.organisations, "GET /organisations/:slug": Paths.organisation(slug),
        "GET /organisations/:slug/sectors": Paths.sectors(slug), "POST /organisations/:slug/sectors": Paths.sectors(slug),
        "POST /organisations/:slug/sectors/:sectorID": Paths.sector(slug, 3),
        "GET /organisations/:slug/units": Paths.unitTree(slug), "POST /organisations/:slug/units": Paths.unitTree(slug),
        "GET /units": Paths.myUnits, "GET /units/:unitID": Paths.unit(4), "GET /units/:unitID/edit": Paths.editUnit(4),
        "POST /units/:unitID/edit": Paths.editUnit(4), "POST /units/:unitID/deactivate": Paths.deactivateUnit(4),
        "POST /units/:unitID/reactivate": Paths.reactivateUnit(4),
        "GET /organisations/:slug/employees": Paths.employees(slug), "GET /me": Paths.me,
        "GET /employees/:employeeID": Paths.employee(5), "GET /employees/:employeeID/edit": Paths.editEmployee(5),
        "POST /employees/:employeeID/edit": Paths.editEmployee(5),
        "POST /employees/:employeeID/deactivate": Paths.deactivateEmployee(5),
        "POST /employees/:employeeID/reactivate": Paths.reactivateEmployee(5),
        "POST /employees/:employeeID/user": Paths.employeeSignIn(5),
        "GET /organisations/:slug/users": Paths.organisationUsers(slug), "GET /users": Paths.users,
        "GET /users/:userID": Paths.user(6), "POST /users/:userID/roles": Paths.userRoles(6),
        "POST /users/:userID/roles/:assignmentID/delete": Paths.revokeRole(6, 8),
        "POST /users/:userID/disable": Paths.disableUser(6), "POST /users/:userID/enable": Paths.enableUser(6),
        "POST /users/:userID/password-link": Paths.passwordLink(6),
        "GET /organisations/:slug/sign-in-slips": Paths.signInSlips(slug),
        "POST /organisations/:slug/sign-in-slips": Paths.signInSlips(slug),
        "GET /account/password": Paths.changePassword, "POST /account/password": Paths.changePassword,
        "GET /privacy": Paths.privacy, "GET /organisations/:slug/privacy": Paths.privacyNotice(slug),
        "GET /organisations/:slug/privacy/edit": Paths.editPrivacyNotice(slug), "POST /organisations/:slug/privacy/edit": Paths.editPrivacyNotice(slug),
        "GET /sign-in/sso/:slug": Paths.singleSignOn(slug), "GET /sign-in/oidc/callback": Paths.singleSignOnCallback,
        "GET /organisations/:slug/sign-in-provider": Paths.identityProvider(slug),
        "POST /organisations/:slug/sign-in-provider": Paths.identityProvider(slug),
        "GET /account/sessions": Paths.sessions, "POST /account/sessions/:sessionID/end": Paths.endSession(9),
        "POST /account/sessions/end-others": Paths.endOtherSessions,
        "POST /users/:userID/sessions/end": Paths.endUserSessions(6),
        "GET /sign-in/second-factor": Paths.secondFactorAction, "POST /sign-in/second-factor": Paths.secondFactorAction,
        "GET /sign-in/second-factor/setup": Paths.secondFactorSetupAction,
        "POST /sign-in/second-factor/setup": Paths.secondFactorSetupAction,
        "GET /account/security": Paths.security, "POST /account/security/confirm": Paths.confirmIdentity,
        "GET /account/security/authenticator": Paths.authenticatorSetup,
        "POST /account/security/authenticator": Paths.authenticatorSetup,
        "POST /account/security/authenticator/remove": Paths.removeAuthenticator,
        "POST /account/security/recovery-codes": Paths.newRecoveryCodes,
        "POST /users/:userID/second-factor/reset": Paths.resetSecondFactor(6),
        "GET /organisations/:slug/audit": Paths.organisationAudit(slug),
        "GET /organisations/:slug/audit.csv": Paths.organisationAuditExport(slug),
        "GET /audit": Paths.installationAudit, "GET /audit.csv": Paths.installationAuditExport,
        "POST /audit/retention": Paths.auditRetention,
        "GET /me/data": Paths.ownData, "GET /me/data.json": Paths.ownDataDownload,
        "GET /employees/:employeeID/data": Paths.employeeData(5), "GET /employees/:employeeID/data.json": Paths.employeeDataDownload(5),
        "GET /employees/:employeeID/erase": Paths.employeeErasure(5), "POST /employees/:employeeID/erase": Paths.employeeErasure(5),
        "GET /organisations/:slug/data-protection": Paths.dataProtection(slug),
        "POST /organisations/:slug/data-protection": Paths.dataProtection(slug),
        "GET /forgot-password": Paths.forgotPassword,
        "GET /set-password": Paths.setPassword, "POST /set-password": Paths.setPassword,
        "GET /organisations/:slug/import": Paths.importStaff(slug), "POST /organisations/:slug/import": Paths.importStaff(slug),
        "POST /organisations/:slug/import/apply": Paths.applyImport(slug),
        "POST /organisations/:slug/import/confirm": Paths.confirmImport(slug),
        "POST /organisations/:slug/imports/:importID/reactivate": Paths.reactivateImport(slug, 4),
        "GET /organisations/:slug/frameworks": Paths.frameworks(slug),
        "POST /organisations/:slug/frameworks": Paths.frameworks(slug),
        "GET /organisations/:slug/frameworks/:frameworkID": Paths.framework(slug, 9),
        "GET /organisations/:slug/frameworks/:frameworkID/edit": Paths.editFramework(slug, 9),
        "POST /organisations/:slug/frameworks/:frameworkID/edit": Paths.editFramework(slug, 9),
        "POST /organisations/:slug/frameworks/:frameworkID/publish": Paths.publishFramework(slug, 9),
        "POST /organisations/:slug/frameworks/:frameworkID/delete": Paths.deleteFramework(slug, 9),
        "POST /organisations/:slug/frameworks/:frameworkID/areas": Paths.frameworkAreas(slug, 9),
        "GET /organisations/:slug/frameworks/:frameworkID/areas/:areaID": Paths.frameworkArea(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID": Paths.frameworkArea(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/delete": Paths.deleteFrameworkArea(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/move": Paths.moveFrameworkArea(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/targets": Paths.areaTargets(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/targets/delete":
            Paths.clearAreaTarget(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements": Paths.areaStatements(slug, 9, 10),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements/:statementID":
            Paths.statement(slug, 9, 10, 11),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements/:statementID/delete":
            Paths.deleteStatement(slug, 9, 10, 11),
        "POST /organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements/:statementID/move":
            Paths.moveStatement(slug, 9, 10, 11),
        "GET /organisations/:slug/rounds": Paths.rounds(slug), "GET /organisations/:slug/rounds/new": Paths.newRound(slug),
        "POST /organisations/:slug/rounds/new": Paths.newRound(slug), "GET /rounds/:roundID": Paths.round(7),
        "GET /rounds/:roundID/edit": Paths.editRound(7), "POST /rounds/:roundID/edit": Paths.editRound(7),
        "POST /rounds/:roundID/open": Paths.openRound(7), "POST /rounds/:roundID/extend": Paths.extendRound(7),
        "POST /rounds/:roundID/close": Paths.closeRound(7), "POST /rounds/:roundID/delete": Paths.deleteRound(7),
        "GET /units/:unitID/surveys": Paths.unitSurveys(4),
        "POST /units/:unitID/surveys/:roundID/codes": Paths.unitSurveyCodes(4, 7),
        "GET /surveys": Paths.mySurveys, "GET /surveys/:roundID": survey.intro,
        "GET /surveys/:roundID/areas/:step": survey.area(2), "POST /surveys/:roundID/areas/:step": survey.area(2),
        "GET /surveys/:roundID/questions": survey.questions, "POST /surveys/:roundID/questions": survey.questions,
        "GET /surveys/:roundID/review": survey.review, "POST /surveys/:roundID/submit": survey.submit,
        "GET /surveys/:roundID/thanks": survey.thanks, "POST /surveys/:roundID/thanks": survey.thanks,
        "GET /k": Paths.codeEntry, "POST /k": Paths.codeEntry, "GET /k/survey": codeSurvey.intro,
        "GET /k/survey/areas/:step": codeSurvey.area(2), "POST /k/survey/areas/:step": codeSurvey.area(2),
        "GET /k/survey/questions": codeSurvey.questions, "POST /k/survey/questions": codeSurvey.questions,
        "GET /k/survey/review": codeSurvey.review, "POST /k/survey/submit": codeSurvey.submit,
        "GET /k/survey/thanks": codeSurvey.thanks, "POST /k/survey/thanks": codeSurvey.thanks,
        "GET /results": Paths.results, "GET /rounds/:roundID/results": Paths.roundResults(7),
        "GET /rounds/:roundID/results/export.csv": Paths.roundResultsExport(7),
        "GET /rounds/:roundID/results/units/:unitID": Paths.unitResults(7, 4),
        "GET /rounds/:roundID/results/units/:unitID/export.csv": Paths.unitResultsExport(7, 4),
        // Trainings: unit and organisation views
        "GET /units/:unitID/trainings": Paths.unitTrainings(4),
        "GET /organisations/:slug/training-report": Paths.trainingReport(slug),
        "GET /organisations/:slug/requirements": Paths.requirements(slug),
        "GET /organisations/:slug/requirements/new": Paths.newRequirement(slug),
        "POST /organisations/:slug/requirements/new": Paths.newRequirement(slug),
        "GET /requirements/:requirementID": Paths.requirement(5),
        "GET /requirements/:requirementID/statuses.csv": Paths.requirementStatuses(5),
        "GET /requirements/:requirementID/change": Paths.changeRequirement(5),
        "POST /requirements/:requirementID/change": Paths.changeRequirement(5),
        "POST /requirements/:requirementID/retire": Paths.retireRequirement(5),
        "GET /requirements/:requirementID/retire": Paths.retireRequirement(5),
        "GET /units/:unitID/requirements": Paths.unitRequirements(4),
        "GET /digitutors": Paths.findHelp,
        "GET /organisations/:slug/digitutors": Paths.tutorNetwork(slug),
        "GET /organisations/:slug/digitutors/new": Paths.newTutor(slug),
        "POST /organisations/:slug/digitutors/new": Paths.newTutor(slug),
        "POST /organisations/:slug/digitutor-news": Paths.tutorNews(slug),
        "GET /organisations/:slug/digitutor-coverage": Paths.tutorCoverage(slug),
        "GET /organisations/:slug/digitutor-coverage/print": Paths.tutorCoveragePrint(slug),
        "GET /units/:unitID/digitutors": Paths.unitTutors(4),
        "GET /units/:unitID/digitutors/print": Paths.unitTutorsPrint(4),
        "GET /digitutors/:tutorID": Paths.tutor(8),
        "POST /digitutors/:tutorID": Paths.tutor(8),
        "POST /digitutors/:tutorID/status": Paths.tutorStatus(8),
        "GET /my-digitutor-log": Paths.myHelpLog, "POST /my-digitutor-log": Paths.myHelpLog,
        "POST /my-digitutor-log/:entryID/delete": Paths.deleteHelpEntry(15),
        "GET /organisations/:slug/digitutor-help": Paths.tutorHelp(slug),
        "GET /organisations/:slug/digitutor-topics": Paths.tutorTopics(slug),
        "POST /organisations/:slug/digitutor-topics": Paths.tutorTopics(slug),
        "POST /organisations/:slug/digitutor-topics/:topicID": Paths.tutorTopic(slug, 16),
        "POST /organisations/:slug/digitutor-topics/:topicID/active": Paths.tutorTopicActive(slug, 16),
        "GET /my-onboarding": Paths.myOnboarding,
        "GET /organisations/:slug/discussions": Paths.discussionCycles(slug),
        "POST /organisations/:slug/discussions": Paths.discussionCycles(slug),
        "POST /organisations/:slug/discussion-settings": Paths.discussionSettings(slug),
        "POST /organisations/:slug/discussion-questions": Paths.discussionQuestions(slug),
        "POST /organisations/:slug/discussion-questions/:questionID/retire": Paths.retireDiscussionQuestion(slug, 35),
        "GET /discussion-cycles/:cycleID": Paths.discussionCycle(31),
        "GET /units/:unitID/discussions": Paths.unitDiscussions(4),
        "GET /units/:unitID/toolkit": Paths.unitToolkit(4),
        "GET /board": Paths.board, "GET /board/new": Paths.createBoardPost, "POST /board/new": Paths.createBoardPost,
        "GET /board/photos/:photoID": Paths.boardPhoto(41), "GET /board/:postID": Paths.boardPost(42),
        "POST /board/:postID/answers": Paths.boardAnswers(42), "POST /board/:postID/useful": Paths.boardUseful(42),
        "POST /board/:postID/adoption": Paths.boardAdoption(42), "POST /board/:postID/report": Paths.boardReport(42),
        "POST /board/:postID/answers/:answerID/report": Paths.boardAnswerReport(42, 43),
        "POST /board/:postID/answers/:answerID/solves": Paths.boardAnswerSolves(42, 43),
        "POST /board/:postID/tip": Paths.boardMakeTip(42), "POST /board/:postID/hidden": Paths.boardHidden(42),
        "POST /board/:postID/locked": Paths.boardLocked(42), "POST /board/:postID/answers/:answerID/hidden": Paths.boardAnswerHidden(42, 43),
        "GET /organisations/:slug/board-moderation": Paths.boardModeration(slug),
        "POST /organisations/:slug/board-moderation/reports/:reportID/dismiss": Paths.boardReportDismissal(slug, 44),
        "POST /organisations/:slug/board-moderation/moderators": Paths.boardModerators(slug),
        "POST /organisations/:slug/board-moderation/moderators/:userID/remove": Paths.boardModeratorRemoval(slug, 45),
        "POST /employees/:employeeID/discussions": Paths.openDiscussion(5),
        "GET /my-discussions": Paths.myDiscussions,
        "GET /discussions/:discussionID": Paths.discussion(32),
        "GET /discussions/:discussionID/print": Paths.discussionPrint(32),
        "POST /discussions/:discussionID/preparation": Paths.discussionPreparation(32),
        "POST /discussions/:discussionID/meeting": Paths.discussionMeeting(32),
        "POST /discussions/:discussionID/goals": Paths.discussionGoals(32),
        "POST /discussions/:discussionID/goals/:goalID/remove": Paths.discussionGoalRemoval(32, 33),
        "POST /discussions/:discussionID/goals/:goalID/actions": Paths.discussionActions(32, 33),
        "GET /discussions/:discussionID/goals/:goalID/actions/new": Paths.newDiscussionAction(32, 33),
        "POST /discussions/:discussionID/goals/:goalID/actions/:actionID/remove": Paths.discussionActionRemoval(32, 33, 34),
        "POST /discussions/:discussionID/sign": Paths.discussionSignature(32),
        "POST /discussions/:discussionID/corrections": Paths.discussionCorrections(32),
        "GET /organisations/:slug/onboarding-templates": Paths.onboardingTemplates(slug),
        "POST /organisations/:slug/onboarding-templates": Paths.onboardingTemplates(slug),
        "POST /units/:unitID/onboarding-template": Paths.unitOnboardingTemplate(4),
        "GET /onboarding-templates/:templateID": Paths.onboardingTemplate(23),
        "POST /onboarding-templates/:templateID/items": Paths.onboardingTemplateItems(23),
        "GET /onboarding-templates/:templateID/items/:itemID/edit": Paths.editOnboardingTemplateItem(23, 22),
        "POST /onboarding-templates/:templateID/items/:itemID": Paths.onboardingTemplateItem(23, 22),
        "POST /onboarding-templates/:templateID/items/:itemID/remove": Paths.onboardingTemplateItemRemoval(23, 22),
        "POST /onboarding-templates/:templateID/review": Paths.onboardingTemplateReview(23),
        "POST /onboarding-templates/:templateID/owner": Paths.onboardingTemplateOwner(23),
        "GET /organisations/:slug/onboarding": Paths.onboardingOverview(slug),
        "GET /onboarding/:checklistID": Paths.onboardingChecklist(21),
        "POST /onboarding/:checklistID/items/:itemID": Paths.onboardingItem(21, 22),
        "POST /onboarding/:checklistID/items": Paths.onboardingItems(21),
        "POST /onboarding/:checklistID/items/:itemID/remove": Paths.onboardingItemRemoval(21, 22),
        "GET /units/:unitID/onboarding": Paths.unitOnboarding(4),
        "POST /employees/:employeeID/onboarding": Paths.startOnboarding(5),
        "GET /instructions": Paths.instructions, "GET /instructions/:instructionID": Paths.instruction(15),
        "GET /organisations/:slug/instructions/new": Paths.newInstruction(slug),
        "POST /organisations/:slug/instructions/new": Paths.newInstruction(slug),
        "GET /instructions/:instructionID/edit": Paths.editInstruction(15),
        "POST /instructions/:instructionID/edit": Paths.editInstruction(15),
        "POST /instructions/:instructionID/reviewed": Paths.instructionReviewed(15),
        "POST /instructions/:instructionID/retire": Paths.retireInstruction(15),
        "GET /key-users": Paths.keyUsers,
        "GET /organisations/:slug/key-users/new": Paths.newKeyUserSystem(slug),
        "POST /organisations/:slug/key-users/new": Paths.newKeyUserSystem(slug),
        "GET /key-user-systems/:systemID": Paths.keyUserSystem(16), "POST /key-user-systems/:systemID": Paths.keyUserSystem(16),
        "GET /units/:unitID/requirements/reminders": Paths.unitPaperReminders(4),
        "GET /organisations/:slug/minimum-levels": Paths.minimumLevels(slug),
        "POST /organisations/:slug/minimum-levels": Paths.minimumLevels(slug),
        "GET /requirements/:requirementID/exemptions": Paths.requirementExemptions(5),
        "POST /requirements/:requirementID/exemptions": Paths.requirementExemptions(5),
        "POST /exemptions/:exemptionID/end": Paths.endExemption(6),
        // Trainings: attendance, check-in, feedback and completions
        "GET /training-sessions/:sessionID/attendance": Paths.sessionAttendance(12),
        "POST /training-sessions/:sessionID/attendance": Paths.sessionAttendance(12),
        "GET /training-sessions/:sessionID/attendance.csv": Paths.sessionAttendanceExport(12),
        "GET /training-sessions/:sessionID/check-in-code": Paths.checkInCode(12),
        "GET /training-sessions/:sessionID/check-in": Paths.checkIn(12),
        "POST /training-sessions/:sessionID/check-in": Paths.checkIn(12),
        "GET /training-sessions/:sessionID/feedback": Paths.sessionFeedback(12),
        "POST /training-sessions/:sessionID/feedback": Paths.sessionFeedback(12),
        "GET /training-sessions/:sessionID/feedback/results": Paths.sessionFeedbackResults(12),
        "GET /training-series/:seriesID/feedback": Paths.seriesFeedback(3),
        "POST /training-sessions/:sessionID/recording-watched": Paths.recordingWatched(12),
        "GET /employees/:employeeID/completions": Paths.employeeCompletions(5),
        "POST /employees/:employeeID/completions": Paths.employeeCompletions(5),
        "GET /organisations/:slug/training-completions.csv": Paths.trainingCompletionsExport(slug),
    ].merging(PathsTests.trainingCalendarPrinted) { first, _ in first }

    /// The calendar and poster routes (the feed itself is a raw route, checked below).
    static let trainingCalendarPrinted: [String: String] = [
        "GET /training-sessions/:sessionID/event.ics": Paths.trainingSessionEvent(12),
        "GET /my-trainings/calendar": Paths.myTrainingsCalendar,
        "POST /my-trainings/calendar/renew": Paths.renewCalendarFeed,
        "POST /my-trainings/calendar/revoke": Paths.revokeCalendarFeed,
        "GET /units/:unitID/training-poster": Paths.unitTrainingPoster(4),
        "GET /training-series/:seriesID/poster": Paths.seriesPoster(13),
    ]

    @Test func everyRouteIsPrintedAndMatchedBack() throws {
        let test = try TestApp()
        guard let assets = StaticFiles(directory: packageRoot + "/Public") else { throw TestFailure("no Public/") }
        let table = test.app.routeTable(staticFiles: assets)
        let routes = table.entries.filter { $0.requirement != nil }.map { "\($0.method.rawValue) \($0.pattern)" }
        #expect(Set(routes) == Set(Self.printed.keys), "routes without a printed path or printed paths without a route")
        #expect(routes.count == Set(routes).count, "a route is registered twice")
        for (route, path) in Self.printed {
            let method = route.hasPrefix("GET") ? HTTPMethod.GET : .POST
            let pattern = String(route.drop { $0 != " " }.dropFirst())
            #expect(table.router.pattern(answering: method, path: path) == pattern, "\(path) does not reach \(route)")
        }
    }

    @Test func theFeedAddressReachesItsRawRouteWithTheTokenInTheQuery() throws {
        let test = try TestApp()
        guard let assets = StaticFiles(directory: packageRoot + "/Public") else { throw TestFailure("no Public/") }
        let table = test.app.routeTable(staticFiles: assets)
        let address = Paths.calendarFeed(token: "abc_DEF-123\"<x>")
        #expect(address == "/calendar/feed.ics?t=abc_DEF-123x")
        #expect(table.router.pattern(answering: .GET, path: Paths.calendarFeed) == Paths.calendarFeed)
        #expect(table.entries.contains { $0.pattern == Paths.calendarFeed && $0.requirement == nil })
        #expect(Paths.unitTrainingPoster(4, month: "2027-03\"&x=1", language: nil) == "/units/4/training-poster?month=2027-03x1")
        #expect(Paths.seriesPoster(13, month: "2027-03", language: "sv") == "/training-series/13/poster?month=2027-03&lang=sv")
    }

    @Test func theLibrarysQueriesAreEncodedAndReachTheLibrary() throws {
        let test = try TestApp()
        guard let assets = StaticFiles(directory: packageRoot + "/Public") else { throw TestFailure("no Public/") }
        let router = test.app.routeTable(staticFiles: assets).router
        #expect(Paths.instructionSearch("Päiväkoti & \"x\"") == "/instructions?q=P%C3%A4iv%C3%A4koti%20%26%20%22x%22")
        #expect(Paths.instructions(topic: 3) == "/instructions?topic=3")
        #expect(Paths.instructionsNeedingReview == "/instructions?review=due")
        for path in [Paths.instructionSearch("a b"), Paths.instructions(topic: 3), Paths.instructionsNeedingReview] {
            let bare = String(path.prefix { $0 != "?" })
            #expect(router.pattern(answering: .GET, path: bare) == Paths.instructions)
        }
    }

    @Test func everyRouteIsWrittenInRoutesSwiftAndNowhereElse() throws {
        let routes = try String(contentsOfFile: packageRoot + "/Sources/App/Routes.swift", encoding: .utf8)
        for route in Self.printed.keys {
            let pattern = String(route.drop { $0 != " " }.dropFirst())
            #expect(routes.contains("\"\(pattern)\""), "\(pattern) is not written out in Routes.swift")
        }
    }
}
