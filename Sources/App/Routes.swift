import HTTPServer

/// Every route of the application, literally, with what it requires. Handlers live in their
/// feature's folder; links to these routes are printed by `Paths`.
///
/// The requirement lets the right kind of user in; each handler then checks the record (this
/// organisation, this unit, this person, this round) through `Access`, answering 404 for what is not
/// theirs. Path parameters have one spelling each and are read through `RouteParameters.swift`.
extension WebApp {
    func registerRoutes(_ routes: inout RouteTable, staticFiles: StaticFiles) {
        // MARK: - Outside the page pipeline (no session, no HTML)
        routes.raw("/healthz") { _ in .text("ok") }
        routes.raw("/static/*path") { request in
            staticFiles.respond(to: request, relativePath: request.parameters["path"] ?? "")
        }

        // MARK: - Auth
        routes.get("/sign-in", .anyone, showSignIn)
        routes.post("/sign-in", .anyone, signIn)
        routes.post("/sign-out", .signedIn, signOut)
        routes.post("/language", .anyone, chooseLanguage)
        // The code step between the password and the session (a signed cookie names the person).
        routes.get("/sign-in/second-factor", .anyone, showSecondFactor)
        routes.post("/sign-in/second-factor", .anyone, verifySecondFactor)
        routes.get("/sign-in/second-factor/setup", .anyone, showSecondFactorSetup)
        routes.post("/sign-in/second-factor/setup", .anyone, confirmSecondFactorSetup)
        // Own security settings; changes need the password typed within the last ten minutes.
        routes.get("/account/security", .signedIn, showSecurity)
        routes.post("/account/security/confirm", .signedIn, confirmIdentity)
        routes.get("/account/security/authenticator", .signedIn, showAuthenticatorSetup)
        routes.post("/account/security/authenticator", .signedIn, confirmAuthenticatorSetup)
        routes.post("/account/security/authenticator/remove", .signedIn, removeAuthenticator)
        routes.post("/account/security/recovery-codes", .signedIn, replaceRecoveryCodes)
        routes.get("/account/password", .signedIn, showChangePassword)
        routes.post("/account/password", .signedIn, changePassword)
        // The person's own sessions; ending one that is not theirs (or the current one) is a 404.
        routes.get("/account/sessions", .signedIn, showSessions)
        routes.post("/account/sessions/end-others", .signedIn, endOtherSessions)
        routes.post("/account/sessions/:sessionID/end", .signedIn, endSession)
        routes.get("/forgot-password", .anyone, showForgotPassword)
        // One-time links and printed slips: the token in `?t=` (GET) or the form (POST).
        routes.get("/set-password", .anyone, showSetPassword)
        routes.post("/set-password", .anyone, setPassword)

        // MARK: - Single sign-on (OpenID Connect)
        // Starting a sign-in with an organisation's provider and the provider's answer are for anyone;
        // the provider's configuration is read by the organisation's HR and changed by administrators.
        routes.get("/sign-in/sso/:slug", .anyone, startSingleSignOn)
        routes.get("/sign-in/oidc/callback", .anyone, finishSingleSignOn)
        routes.get("/organisations/:slug/sign-in-provider", .staffAdministration, showIdentityProvider)
        routes.post("/organisations/:slug/sign-in-provider", .administrator, saveIdentityProvider)

        // MARK: - Home
        routes.get("/", .signedIn, showHome)
        routes.get("/accessibility", .anyone, showAccessibility)
        // The privacy notice, readable without signing in; HR and administrators of the organisation edit it.
        routes.get("/privacy", .anyone, showPrivacy)
        routes.get("/organisations/:slug/privacy", .anyone, showPrivacyNotice)
        routes.get("/organisations/:slug/privacy/edit", .staffAdministration, showEditPrivacyNotice)
        routes.post("/organisations/:slug/privacy/edit", .staffAdministration, savePrivacyNotice)

        // MARK: - Staff: organisations and sectors
        routes.get("/organisations", .signedIn, showOrganisations)
        routes.get("/organisations/:slug", .signedIn, showOrganisation)
        routes.get("/organisations/:slug/sectors", .staffAdministration, showSectors)
        routes.post("/organisations/:slug/sectors", .staffAdministration, createSector)
        routes.post("/organisations/:slug/sectors/:sectorID", .staffAdministration, renameSector)

        // MARK: - Staff: units
        routes.get("/organisations/:slug/units", .staffAdministration, showUnitTree)
        routes.post("/organisations/:slug/units", .staffAdministration, createUnit)
        routes.get("/units", .unitLeadership, showMyUnits)
        routes.get("/units/:unitID", .unitLeadership, showUnit)
        routes.get("/units/:unitID/edit", .staffAdministration, showEditUnit)
        routes.post("/units/:unitID/edit", .staffAdministration, updateUnit)
        routes.post("/units/:unitID/deactivate", .staffAdministration, setUnitActive(false))
        routes.post("/units/:unitID/reactivate", .staffAdministration, setUnitActive(true))

        // MARK: - Staff: employees
        routes.get("/organisations/:slug/employees", .staffAdministration, showEmployeeSearch)
        routes.get("/me", .signedIn, showMe)
        routes.get("/employees/:employeeID", .signedIn, showEmployee)
        routes.get("/employees/:employeeID/edit", .staffAdministration, showEditEmployee)
        routes.post("/employees/:employeeID/edit", .staffAdministration, updateEmployee)
        routes.post("/employees/:employeeID/deactivate", .staffAdministration, setEmployeeActive(false))
        routes.post("/employees/:employeeID/reactivate", .staffAdministration, setEmployeeActive(true))
        routes.post("/employees/:employeeID/user", .staffAdministration, createEmployeeUser)

        // MARK: - Staff: users and roles
        routes.get("/organisations/:slug/users", .staffAdministration, showOrganisationUsers)
        routes.get("/users", .administrator, showAllUsers)
        routes.get("/users/:userID", .staffAdministration, showUser)
        routes.post("/users/:userID/roles", .staffAdministration, assignRole)
        routes.post("/users/:userID/roles/:assignmentID/delete", .staffAdministration, revokeRole)
        routes.post("/users/:userID/disable", .staffAdministration, disableUser)
        routes.post("/users/:userID/enable", .staffAdministration, enableUser)
        routes.post("/users/:userID/sessions/end", .staffAdministration, endUserSessions)
        routes.post("/users/:userID/second-factor/reset", .staffAdministration, resetUserSecondFactor)
        // The audit log: HR reads their organisation's, administrators everything and set its retention.
        routes.get("/organisations/:slug/audit", .staffAdministration, showOrganisationAudit)
        routes.get("/organisations/:slug/audit.csv", .staffAdministration, exportOrganisationAudit)
        routes.get("/audit", .administrator, showInstallationAudit)
        routes.get("/audit.csv", .administrator, exportInstallationAudit)
        routes.post("/audit/retention", .administrator, saveAuditRetention)
        // Personal data (GDPR): one's own, an employee's for HR; retention settings; erasing a leaver.
        routes.get("/me/data", .signedIn, showOwnData)
        routes.get("/me/data.json", .signedIn, downloadOwnData)
        routes.get("/employees/:employeeID/data", .staffAdministration, showEmployeeData)
        routes.get("/employees/:employeeID/data.json", .staffAdministration, downloadEmployeeData)
        routes.get("/employees/:employeeID/erase", .staffAdministration, showErasure)
        routes.post("/employees/:employeeID/erase", .staffAdministration, erasePerson)
        routes.get("/organisations/:slug/data-protection", .staffAdministration, showDataProtection)
        routes.post("/organisations/:slug/data-protection", .staffAdministration, saveRetentionPolicy)
        routes.post("/users/:userID/password-link", .staffAdministration, createPasswordLink)
        // Sign-ins for many at once (a unit with its sub-units, or a sector), as printed slips.
        routes.get("/organisations/:slug/sign-in-slips", .staffAdministration, showSignInSlipForm)
        routes.post("/organisations/:slug/sign-in-slips", .staffAdministration, createSignInSlips)

        // MARK: - Import (upload, preview, apply)
        routes.get("/organisations/:slug/import", .staffAdministration, showImportForm)
        routes.post("/organisations/:slug/import", .staffAdministration, bodyLimit: Self.importBodyLimit, previewImport)
        routes.post("/organisations/:slug/import/confirm", .staffAdministration, confirmImport)
        routes.post("/organisations/:slug/import/apply", .staffAdministration, applyImport)
        routes.post("/organisations/:slug/imports/:importID/reactivate", .staffAdministration, reactivateImport)

        // MARK: - Frameworks
        // HR of the organisation and administrators. A shipped framework is visible to every
        // organisation's HR but can only be copied; another organisation's frameworks answer 404.
        routes.get("/organisations/:slug/frameworks", .staffAdministration, showFrameworks)
        routes.post("/organisations/:slug/frameworks", .staffAdministration, createFrameworkDraft)
        routes.get("/organisations/:slug/frameworks/:frameworkID", .staffAdministration, showFramework)
        routes.get("/organisations/:slug/frameworks/:frameworkID/edit", .staffAdministration, showEditFramework)
        routes.post("/organisations/:slug/frameworks/:frameworkID/edit", .staffAdministration, updateFramework)
        routes.post("/organisations/:slug/frameworks/:frameworkID/publish", .staffAdministration, publishFramework)
        routes.post("/organisations/:slug/frameworks/:frameworkID/delete", .staffAdministration, deleteFrameworkDraft)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas", .staffAdministration, addFrameworkArea)
        routes.get("/organisations/:slug/frameworks/:frameworkID/areas/:areaID", .staffAdministration,
                   showFrameworkArea)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID", .staffAdministration,
                    updateFrameworkArea)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/delete", .staffAdministration,
                    deleteFrameworkArea)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/move", .staffAdministration,
                    moveFrameworkArea)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/targets", .staffAdministration,
                    setFrameworkTarget)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/targets/delete", .staffAdministration,
                    clearFrameworkTarget)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements", .staffAdministration,
                    addFrameworkStatement)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements/:statementID",
                    .staffAdministration, updateFrameworkStatement)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements/:statementID/delete",
                    .staffAdministration, deleteFrameworkStatement)
        routes.post("/organisations/:slug/frameworks/:frameworkID/areas/:areaID/statements/:statementID/move",
                    .staffAdministration, moveFrameworkStatement)

        // MARK: - Rounds (HR creates, edits, opens, extends and closes them)
        routes.get("/organisations/:slug/rounds", .staffAdministration, showRounds)
        routes.get("/organisations/:slug/rounds/new", .staffAdministration, showNewRound)
        routes.post("/organisations/:slug/rounds/new", .staffAdministration, createRound)
        routes.get("/rounds/:roundID", .staffAdministration, showRound)
        routes.get("/rounds/:roundID/edit", .staffAdministration, showEditRound)
        routes.post("/rounds/:roundID/edit", .staffAdministration, updateRound)
        routes.post("/rounds/:roundID/open", .staffAdministration, openRound)
        routes.post("/rounds/:roundID/extend", .staffAdministration, extendRound)
        routes.post("/rounds/:roundID/close", .staffAdministration, closeRound)
        routes.post("/rounds/:roundID/delete", .staffAdministration, deleteRound)
        // One-time code slips for a unit, printed by its supervisor or HR.
        routes.get("/units/:unitID/surveys", .unitLeadership, showUnitSurveys)
        routes.post("/units/:unitID/surveys/:roundID/codes", .unitLeadership, createSurveyCodes)

        // MARK: - Surveys (answering)
        // Signed-in employees under /surveys/:roundID (404 unless invited); holders of a one-time code
        // under /k/survey (back to /k without a code). The pages themselves are shared.
        routes.get("/surveys", .signedIn, showMySurveys)
        routes.get("/surveys/:roundID", .signedIn, asInvitedEmployee(showSurveyIntro))
        routes.get("/surveys/:roundID/areas/:step", .signedIn, asInvitedEmployee(showSurveyArea))
        routes.post("/surveys/:roundID/areas/:step", .signedIn, resumable: true, asInvitedEmployee(saveSurveyArea))
        routes.get("/surveys/:roundID/questions", .signedIn, asInvitedEmployee(showSurveyQuestions))
        routes.post("/surveys/:roundID/questions", .signedIn, resumable: true, asInvitedEmployee(saveSurveyQuestions))
        routes.get("/surveys/:roundID/review", .signedIn, asInvitedEmployee(showSurveyReview))
        routes.post("/surveys/:roundID/submit", .signedIn, asInvitedEmployee(submitSurvey))
        routes.get("/surveys/:roundID/thanks", .signedIn, asInvitedEmployee(showSurveyThanks))
        routes.post("/surveys/:roundID/thanks", .signedIn, asInvitedEmployee(revisitSurveyThanks))
        routes.get("/k", .anyone, showCodeEntry)
        routes.post("/k", .anyone, enterCode)
        routes.get("/k/survey", .anyone, asCodeHolder(showSurveyIntro))
        routes.get("/k/survey/areas/:step", .anyone, asCodeHolder(showSurveyArea))
        routes.post("/k/survey/areas/:step", .anyone, asCodeHolder(saveSurveyArea))
        routes.get("/k/survey/questions", .anyone, asCodeHolder(showSurveyQuestions))
        routes.post("/k/survey/questions", .anyone, asCodeHolder(saveSurveyQuestions))
        routes.get("/k/survey/review", .anyone, asCodeHolder(showSurveyReview))
        routes.post("/k/survey/submit", .anyone, asCodeHolder(submitSurvey))
        routes.get("/k/survey/thanks", .anyone, asCodeHolder(showSurveyThanks))
        routes.post("/k/survey/thanks", .anyone, asCodeHolder(revisitSurveyThanks))

        // MARK: - Results
        routes.get("/results", .unitLeadership, showResultsIndex)
        routes.get("/rounds/:roundID/results", .staffAdministration, showOrganisationDashboard)
        routes.get("/rounds/:roundID/results/export.csv", .staffAdministration, exportOrganisationDashboard)
        routes.get("/rounds/:roundID/results/units/:unitID", .unitLeadership, showUnitDashboard)
        routes.get("/rounds/:roundID/results/units/:unitID/export.csv", .unitLeadership, exportUnitDashboard)

        // MARK: - Trainings: catalogue, calendar, sessions and my trainings
        // Everyone signed in sees the catalogue of their organisation's audience; each handler checks
        // the training or session through `TrainingReader` (404 for what is not the reader's).
        routes.get("/trainings", .signedIn, showTrainings)
        routes.get("/trainings/:trainingID", .signedIn, showTraining)
        routes.get("/my-trainings", .signedIn, showMyTrainings)
        routes.get("/training-sessions/:sessionID", .signedIn, showTrainingSession)
        routes.post("/training-sessions/:sessionID/enrol", .signedIn, enrolInSession)
        routes.post("/training-sessions/:sessionID/leave", .signedIn, leaveSession)
        routes.post("/training-sessions/:sessionID/follow", .signedIn, followSession)
        // Keeping the catalogue: HR and administrators of the organisation, and the trainers HR names
        // (checked in the handler: trainers hold no role).
        routes.get("/organisations/:slug/trainings", .signedIn, showTrainingAdmin)
        routes.get("/organisations/:slug/trainings/new", .signedIn, showNewTraining)
        routes.post("/organisations/:slug/trainings/new", .signedIn, createTraining)
        routes.post("/organisations/:slug/training-series", .signedIn, createTrainingSeries)
        routes.get("/training-series/:seriesID", .signedIn, showTrainingSeries)
        routes.post("/training-series/:seriesID", .signedIn, updateTrainingSeries)
        routes.get("/trainings/:trainingID/edit", .signedIn, showEditTraining)
        routes.post("/trainings/:trainingID/edit", .signedIn, updateTraining)
        routes.get("/trainings/:trainingID/sessions/new", .signedIn, showNewTrainingSession)
        routes.post("/trainings/:trainingID/sessions/new", .signedIn, createTrainingSession)
        routes.get("/training-sessions/:sessionID/edit", .signedIn, showEditTrainingSession)
        routes.post("/training-sessions/:sessionID/edit", .signedIn, updateTrainingSession)
        routes.get("/training-sessions/:sessionID/copy", .signedIn, showCopyTrainingSession)
        routes.post("/training-sessions/:sessionID/copy", .signedIn, copyTrainingSession)
        routes.get("/training-sessions/:sessionID/cancel", .signedIn, showCancelTrainingSession)
        routes.post("/training-sessions/:sessionID/cancel", .signedIn, cancelTrainingSession)
        routes.get("/training-sessions/:sessionID/assign", .signedIn, showAssignToSession)
        routes.post("/training-sessions/:sessionID/assign", .signedIn, assignToSession)
        routes.post("/users/:userID/trainer", .staffAdministration, setTrainer)

        // MARK: - Trainings: calendars and posters
        // "Add to calendar" for anyone who may see the session (404 otherwise).
        routes.get("/training-sessions/:sessionID/event.ics", .signedIn, showSessionEvent)
        // The person's feed addresses: made, renewed and revoked by the person (staff with an employee
        // record; the page explains to others why there is nothing to make).
        routes.get("/my-trainings/calendar", .signedIn, showCalendarFeeds)
        routes.post("/my-trainings/calendar/renew", .signedIn, renewCalendarFeed)
        routes.post("/my-trainings/calendar/revoke", .signedIn, revokeCalendarFeed)
        // The feed itself, outside the page pipeline (no session, no cookies): its token in `?t=`,
        // which the access log leaves out; unknown or revoked tokens get 404.
        routes.raw("/calendar/feed.ics") { [self] request in serveCalendarFeed(request) }
        // Printable posters: a unit's for its supervisors, HR and trainers; a series' for those who
        // keep the catalogue (404 for anyone else).
        routes.get("/units/:unitID/training-poster", .signedIn, showUnitTrainingPoster)
        routes.get("/training-series/:seriesID/poster", .signedIn, showSeriesPoster)

        // MARK: - Trainings: attendance, check-in, feedback and completions
        // Attendance in bulk: the training's catalogue keepers (its HR and trainers) and administrators
        // mark everyone, HR and trainers of an organisation it is offered to mark their own people, a
        // supervisor marks their own units' people (404 for anyone else).
        routes.get("/training-sessions/:sessionID/attendance", .signedIn, showAttendance)
        routes.post("/training-sessions/:sessionID/attendance", .signedIn, saveAttendance)
        routes.get("/training-sessions/:sessionID/attendance.csv", .signedIn, exportAttendance)
        // Self check-in: the QR code for the trainer's screen (catalogue keepers), and the page it
        // opens, whose key is in `?k=` (GET) or the form (POST); a wrong key is a 404.
        routes.get("/training-sessions/:sessionID/check-in-code", .signedIn, showCheckInCode)
        routes.get("/training-sessions/:sessionID/check-in", .signedIn, showCheckIn)
        routes.post("/training-sessions/:sessionID/check-in", .signedIn, checkIn)
        // Feedback: the form for attendees; aggregates under the anonymity rule for catalogue keepers.
        routes.get("/training-sessions/:sessionID/feedback", .signedIn, showSessionFeedback)
        routes.post("/training-sessions/:sessionID/feedback", .signedIn, giveSessionFeedback)
        routes.get("/training-sessions/:sessionID/feedback/results", .signedIn, showSessionFeedbackResults)
        routes.get("/training-series/:seriesID/feedback", .signedIn, showSeriesFeedback)
        // Completions: "I watched the recording" (the session's audience), a person's history with
        // external evidence and corrections (HR of their organisation), the organisation's export.
        routes.post("/training-sessions/:sessionID/recording-watched", .signedIn, recordRecordingWatched)
        routes.get("/employees/:employeeID/completions", .staffAdministration, showEmployeeCompletions)
        routes.post("/employees/:employeeID/completions", .staffAdministration, changeEmployeeCompletions)
        routes.get("/organisations/:slug/training-completions.csv", .staffAdministration, exportOrganisationCompletions)

        // MARK: - Trainings: unit and organisation views
        // A unit's trainings for its supervisors and HR; HR's report of the organisation for a period.
        routes.get("/units/:unitID/trainings", .unitLeadership, showUnitTrainings)
        routes.get("/organisations/:slug/training-report", .staffAdministration, showTrainingReport)

        // MARK: - Required training
        // HR keeps the organisation's requirements and sees coverage on any day (checked per record:
        // 404 for another organisation's); supervisors see their units' people; everyone sees their
        // own on the home page.
        routes.get("/organisations/:slug/requirements", .staffAdministration, showRequirements)
        routes.get("/organisations/:slug/requirements/new", .staffAdministration, showNewRequirement)
        routes.post("/organisations/:slug/requirements/new", .staffAdministration, createRequirement)
        routes.get("/requirements/:requirementID", .staffAdministration, showRequirement)
        routes.get("/requirements/:requirementID/statuses.csv", .staffAdministration, exportRequirementStatuses)
        routes.get("/requirements/:requirementID/change", .staffAdministration, showChangeRequirement)
        routes.post("/requirements/:requirementID/change", .staffAdministration, changeRequirement)
        routes.get("/requirements/:requirementID/retire", .staffAdministration, showRetireRequirement)
        routes.post("/requirements/:requirementID/retire", .staffAdministration, retireRequirement)
        routes.get("/requirements/:requirementID/exemptions", .staffAdministration, showExemptions)
        routes.post("/requirements/:requirementID/exemptions", .staffAdministration, grantExemption)
        routes.post("/exemptions/:exemptionID/end", .staffAdministration, endExemption)
        routes.get("/organisations/:slug/minimum-levels", .staffAdministration, showMinimumLevels)
        routes.post("/organisations/:slug/minimum-levels", .staffAdministration, setMinimumLevel)
        routes.get("/units/:unitID/requirements", .unitLeadership, showUnitRequirements)
        routes.get("/units/:unitID/requirements/reminders", .unitLeadership, showPaperReminders)

        // MARK: - Digitutors
        // Anyone signed in finds the tutors of their organisation (404 without one).
        routes.get("/digitutors", .signedIn, showFindHelp)
        // The network: its tutor coordinators, HR and administrators (404 for anyone else).
        routes.get("/organisations/:slug/digitutors", .signedIn, showTutorNetwork)
        routes.get("/organisations/:slug/digitutors/new", .signedIn, showNewTutor)
        routes.post("/organisations/:slug/digitutors/new", .signedIn, createTutor)
        routes.post("/organisations/:slug/digitutor-news", .signedIn, postTutorNews)
        routes.get("/organisations/:slug/digitutor-coverage", .signedIn, showTutorCoverage)
        // The printable list of units without an active tutor (the network's keepers).
        routes.get("/organisations/:slug/digitutor-coverage/print", .signedIn, showUncoveredPrint)
        // A unit's coverage for its supervisors (of it or a unit above it) and the network's keepers;
        // the record check gives everyone else, other units' supervisors included, a 404.
        routes.get("/units/:unitID/digitutors", .signedIn, showUnitTutorCoverage)
        routes.get("/units/:unitID/digitutors/print", .signedIn, showUnitUncoveredPrint)
        routes.get("/digitutors/:tutorID", .signedIn, showTutor)
        routes.post("/digitutors/:tutorID", .signedIn, updateTutor)
        routes.post("/digitutors/:tutorID/status", .signedIn, changeTutorStatus)
        // The help log: a tutor (active or paused) logs their own help and deletes their own recent
        // mistakes (404 for anyone else); the network's keepers see it only as aggregates.
        routes.get("/my-digitutor-log", .signedIn, showHelpLog)
        routes.post("/my-digitutor-log", .signedIn, logHelp)
        routes.post("/my-digitutor-log/:entryID/delete", .signedIn, deleteHelpEntry)
        routes.get("/organisations/:slug/digitutor-help", .signedIn, showHelpAggregates)
        // The topics the coordinator keeps: the network's keepers only.
        routes.get("/organisations/:slug/digitutor-topics", .signedIn, showTutorTopics)
        routes.post("/organisations/:slug/digitutor-topics", .signedIn, addTutorTopic)
        routes.post("/organisations/:slug/digitutor-topics/:topicID", .signedIn, updateTutorTopic)
        routes.post("/organisations/:slug/digitutor-topics/:topicID/active", .signedIn, setTutorTopicActive)

        // MARK: - Instructions library and key users
        // Everyone signed in reads their organisation's library and key-user directory (another
        // organisation's instruction is a 404, and so is a retired one for those who may not edit it).
        routes.get("/instructions", .signedIn, showInstructions)
        routes.get("/instructions/:instructionID", .signedIn, showInstruction)
        // HR and administrators of the organisation write instructions; they and the owners HR named
        // edit, mark reviewed and retire them (404 for anyone else).
        routes.get("/organisations/:slug/instructions/new", .staffAdministration, showNewInstruction)
        routes.post("/organisations/:slug/instructions/new", .staffAdministration, createInstruction)
        routes.get("/instructions/:instructionID/edit", .signedIn, showEditInstruction)
        routes.post("/instructions/:instructionID/edit", .signedIn, updateInstruction)
        routes.post("/instructions/:instructionID/reviewed", .signedIn, markInstructionReviewed)
        routes.post("/instructions/:instructionID/retire", .signedIn, retireInstruction)
        routes.get("/key-users", .signedIn, showKeyUsers)
        // The directory's systems and key users: HR and administrators of the organisation.
        routes.get("/organisations/:slug/key-users/new", .staffAdministration, showNewKeyUserSystem)
        routes.post("/organisations/:slug/key-users/new", .staffAdministration, createKeyUserSystem)
        routes.get("/key-user-systems/:systemID", .staffAdministration, showKeyUserSystem)
        routes.post("/key-user-systems/:systemID", .staffAdministration, updateKeyUserSystem)

        // MARK: - Digital onboarding
        // The new employee's own checklist (a page saying there is none for those without one; 404
        // without an employee record).
        routes.get("/my-onboarding", .signedIn, showMyOnboarding)
        // One checklist: the new hire, the supervisors of its unit (or a unit above), HR of the
        // organisation, administrators and the tutor named on it; 404 for everyone else.
        routes.get("/onboarding/:checklistID", .signedIn, showOnboardingChecklist)
        // Ticking: the new hire their own items, the tutor theirs, supervisors and HR any.
        routes.post("/onboarding/:checklistID/items/:itemID", .signedIn, tickOnboardingItem)
        // Per-hire additions and removals: the unit's supervisors and HR.
        routes.post("/onboarding/:checklistID/items", .signedIn, addOnboardingItem)
        routes.post("/onboarding/:checklistID/items/:itemID/remove", .signedIn, removeOnboardingItem)
        // The supervisor's view of the unit's new hires (its supervisors, HR, administrators).
        routes.get("/units/:unitID/onboarding", .unitLeadership, showUnitOnboarding)
        // Starting a checklist by hand: HR of the organisation and the employee's supervisors.
        routes.post("/employees/:employeeID/onboarding", .unitLeadership, startOnboardingByHand)

        // Templates: HR's list and new organisation, sector and job-group templates; a unit's own
        // template for its supervisors (made on first use). A template's page for its editors (HR
        // for the organisation's layers and named owners, a unit's supervisors for its own) and the
        // organisation's HR; each edit is a new version (404 for anyone else).
        routes.get("/organisations/:slug/onboarding-templates", .staffAdministration, showOnboardingTemplates)
        routes.post("/organisations/:slug/onboarding-templates", .staffAdministration, createOnboardingTemplate)
        routes.post("/units/:unitID/onboarding-template", .unitLeadership, openUnitOnboardingTemplate)
        routes.get("/onboarding-templates/:templateID", .signedIn, showOnboardingTemplate)
        routes.post("/onboarding-templates/:templateID/items", .signedIn, addOnboardingTemplateItem)
        routes.get("/onboarding-templates/:templateID/items/:itemID/edit", .signedIn, showEditOnboardingTemplateItem)
        routes.post("/onboarding-templates/:templateID/items/:itemID", .signedIn, updateOnboardingTemplateItem)
        routes.post("/onboarding-templates/:templateID/items/:itemID/remove", .signedIn, removeOnboardingTemplateItem)
        routes.post("/onboarding-templates/:templateID/review", .signedIn, setOnboardingTemplateReview)
        // Naming the owner: HR of the organisation and administrators (404 for others).
        routes.post("/onboarding-templates/:templateID/owner", .signedIn, setOnboardingTemplateOwner)
        // HR's overview of the organisation's onboarding.
        routes.get("/organisations/:slug/onboarding", .staffAdministration, showOnboardingOverview)

        // MARK: - Development discussions
        // HR: cycles, the content setting, counts per unit (never content unless the setting allows).
        routes.get("/organisations/:slug/discussions", .staffAdministration, showDiscussionCycles)
        routes.post("/organisations/:slug/discussions", .staffAdministration, createDiscussionCycle)
        routes.post("/organisations/:slug/discussion-settings", .staffAdministration, saveDiscussionSettings)
        routes.post("/organisations/:slug/discussion-questions", .staffAdministration, addDiscussionQuestion)
        routes.post("/organisations/:slug/discussion-questions/:questionID/retire", .staffAdministration, retireDiscussionQuestion)
        routes.get("/discussion-cycles/:cycleID", .staffAdministration, showDiscussionCycle)
        // The supervisor: whom they still have to meet, and opening a discussion.
        routes.get("/units/:unitID/discussions", .unitLeadership, showUnitDiscussions)
        routes.post("/employees/:employeeID/discussions", .unitLeadership, openDiscussion)
        // The employee and their supervisors (HR only with the setting): each handler checks who.
        routes.get("/my-discussions", .signedIn, showMyDiscussions)
        routes.get("/discussions/:discussionID", .signedIn, showDiscussion)
        routes.get("/discussions/:discussionID/print", .signedIn, showDiscussionPrint)
        routes.post("/discussions/:discussionID/preparation", .signedIn, saveDiscussionPreparation)
        routes.post("/discussions/:discussionID/meeting", .signedIn, saveDiscussionMeeting)
        routes.post("/discussions/:discussionID/goals", .signedIn, addDiscussionGoal)
        routes.post("/discussions/:discussionID/goals/:goalID/remove", .signedIn, removeDiscussionGoal)
        routes.get("/discussions/:discussionID/goals/:goalID/actions/new", .signedIn, showNewDiscussionAction)
        routes.post("/discussions/:discussionID/goals/:goalID/actions", .signedIn, addDiscussionAction)
        routes.post("/discussions/:discussionID/goals/:goalID/actions/:actionID/remove", .signedIn, removeDiscussionAction)
        routes.post("/discussions/:discussionID/sign", .signedIn, signDiscussion)
        routes.post("/discussions/:discussionID/corrections", .signedIn, addDiscussionCorrection)

        // MARK: - Supervisor toolkit
        // A unit with its sub-units in one place, for its supervisors and HR (others: 404).
        routes.get("/units/:unitID/toolkit", .unitLeadership, showUnitToolkit)

        // MARK: - Digivinkit: tips, questions and practices
        // Anyone signed in with an organisation reads its board and the posts others shared (404
        // without one, and for a post of another organisation that is not shared; a hidden post only
        // for its moderators and its writer). Every write is rate limited per person.
        routes.get("/board", .signedIn, showBoard)
        routes.get("/board/new", .signedIn, showNewBoardPost)
        routes.post("/board/new", .signedIn, bodyLimit: Self.boardPostBodyLimit, createBoardPost)
        routes.get("/board/photos/:photoID", .signedIn, showBoardPhoto)
        routes.get("/board/:postID", .signedIn, showBoardPost)
        routes.post("/board/:postID/answers", .signedIn, answerBoardPost)
        routes.post("/board/:postID/useful", .signedIn, toggleBoardUseful)
        // Only practices are adopted, for the reader's own unit or one they supervise.
        routes.post("/board/:postID/adoption", .signedIn, adoptBoardPractice)
        routes.post("/board/:postID/report", .signedIn, reportBoardPost)
        routes.post("/board/:postID/answers/:answerID/report", .signedIn, reportBoardAnswer)
        // The asker, a digitutor of the organisation or a moderator (404 for anyone else).
        routes.post("/board/:postID/answers/:answerID/solves", .signedIn, markBoardAnswerSolving)
        // A digitutor or a moderator makes a tip of a solved question.
        routes.post("/board/:postID/tip", .signedIn, makeBoardTip)
        // Moderators of the post's organisation: HR, the tutor coordinator, administrators and the
        // people they named (404 for anyone else).
        routes.post("/board/:postID/hidden", .signedIn, setBoardPostHidden)
        routes.post("/board/:postID/locked", .signedIn, setBoardPostLocked)
        routes.post("/board/:postID/answers/:answerID/hidden", .signedIn, setBoardAnswerHidden)
        routes.get("/organisations/:slug/board-moderation", .signedIn, showBoardModeration)
        routes.post("/organisations/:slug/board-moderation/reports/:reportID/dismiss", .signedIn, dismissBoardReport)
        // Naming moderators: HR, the tutor coordinator and administrators of the organisation.
        routes.post("/organisations/:slug/board-moderation/moderators", .signedIn, nameBoardModerator)
        routes.post("/organisations/:slug/board-moderation/moderators/:userID/remove", .signedIn, removeBoardModerator)

        // MARK: - Mail: the outbox
        // Administrators see every message; HR sees the messages to its own organisation's people
        // (a message for no employee, or another organisation's, is a 404).
        routes.get("/admin/outbox", .staffAdministration, showOutbox)
        routes.get("/admin/outbox/:messageID", .staffAdministration, showOutboxMessage)
    }
}
