import Foundation
import Metrics
import Storage

extension WebApp {
    /// The framework plans speak in: that of the organisation's newest round (not a draft).
    func discussionFramework(_ employee: Stored<Employee>) throws -> FrameworkContent? {
        guard let round = try rounds.rounds(organisationID: employee.organisationID).first(where: { $0.status != .draft }) else {
            return nil
        }
        return try frameworkContent(round.frameworkID)
    }

    /// The prepared picture: the latest identified self-assessment against the targets of the
    /// person's job group (and the previous one, with the change), trainings completed since the last
    /// discussion, required training due or overdue, onboarding for new staff, and what came of last
    /// year's plan. Only identified self-assessments are personal; anonymous answers have no owner and
    /// cannot appear here.
    func discussionPicture(_ discussion: Stored<Discussion>, employee: Stored<Employee>,
                           _ context: RequestContext) throws -> DiscussionPictureView {
        let strings = context.strings
        // The person's identified self-assessments, opened here only: the picture is kept, the page
        // around it does not need them. They are read against their own round's framework.
        let own = try results.ownResponses(employeeID: employee.id)
        let content = try own.first.flatMap { try rounds.round(id: $0.roundID) }.flatMap { try frameworkContent($0.frameworkID) }
        let planContent = try discussionFramework(employee)
        let language = strings.language.rawValue
        let previousDiscussion = try discussionStore.previousSigned(before: discussion)
        let since = previousDiscussion?.heldOn ?? CivilDay.today(settings.now()).adding(months: -12).iso
        let completions = try completions.inForce(employeeID: employee.id)
        let trainings = completions.filter { $0.entry.completedOn >= since }.map { done in
            "\(LocalisedText(fi: done.training.titleFi, sv: done.training.titleSv, en: done.training.titleEn).text(language)) (\(strings.date(done.entry.completedOn)))"
        }
        let requirements = try ownRequirementReminders(employee, context).map { "\($0.title): \($0.status)" }
        let onboarding = try onboardingCard(employee, strings).map { strings.format("discussions_onboarding_line", ["progress": $0.progress]) }

        var rows: [AssessmentRowView] = []
        var meta = ""
        if let content, let latest = own.first {
            let previous = own.dropFirst().first
            let sectorID = try employee.unitID.flatMap { try units.unit(id: $0)?.sectorID }
            for (index, area) in content.areas.enumerated() where area.area.kind == .competence {
                let score = latest.areaScores[area.area.id]
                let before = previous?.areaScores[area.area.id]
                let target = RoundResults.target(content, areaIndex: index, sectorID: sectorID, jobGroup: employee.jobGroup)
                let change = score.flatMap { now in before.map { now - $0 } }
                rows.append(AssessmentRowView(
                    area: area.area.name.text(language), previous: before.map { strings.decimal($0) } ?? "–",
                    latest: score.map { strings.decimal($0) } ?? "–",
                    change: change.map { ($0 > 0 ? "+" : "") + strings.decimal($0) } ?? "–",
                    target: target.map { strings.decimal($0) } ?? "–",
                    belowTarget: score.map { value in target.map { value < $0 } ?? false } ?? false))
            }
            meta = strings.format(previous == nil ? "discussions_assessment_meta_one" : "discussions_assessment_meta",
                                  ["latest": strings.date(latest.submittedOn), "previous": strings.date(previous?.submittedOn)])
        }
        let (followUp, followUpMeta) = try planFollowUp(previousDiscussion, own: own, content: content, planContent: planContent,
                                                        completions: completions, strings)
        let unit = try employee.unitID.flatMap { try units.unit(id: $0) }
        let helpTopics = try unit.flatMap { try unitHelpTopics($0, language: language) } ?? []
        let (weakRound, weakAreas) = try unit.map { try unitWeakestAreas($0, strings) } ?? ("", [])
        return DiscussionPictureView(
            helpTopics: helpTopics.joined(separator: ", "), hasHelpTopics: !helpTopics.isEmpty,
            weakAreas: weakAreas, hasWeakAreas: !weakAreas.isEmpty,
            weakAreasMeta: strings.format("discussions_weak_areas_meta", ["round": weakRound]),
            assessmentMeta: meta, assessment: rows, hasAssessment: !rows.isEmpty, trainings: trainings, hasTrainings: !trainings.isEmpty,
            trainingsSince: strings.format("discussions_trainings_since", ["date": strings.date(since)]),
            requirements: requirements, hasRequirements: !requirements.isEmpty, onboarding: onboarding ?? "",
            hasOnboarding: onboarding != nil, followUp: followUp, hasFollowUp: !followUp.isEmpty, followUpMeta: followUpMeta)
    }

    /// Last year's plan, goal by goal: planned → done (trainings in the goal's area since) → changed
    /// (the area's own score before the plan and in the first self-assessment after it).
    private func planFollowUp(_ previous: Stored<Discussion>?, own: [SurveyResultsStore.OwnResponse], content: FrameworkContent?,
                              planContent: FrameworkContent?, completions: [CompletionInForce],
                              _ strings: Strings) throws -> ([FollowUpRowView], String) {
        guard let previous, let planContent else { return ([], "") }
        let goals = try discussionStore.goals(discussionID: previous.id)
        guard !goals.isEmpty else { return ([], "") }
        let language = strings.language.rawValue
        // Goals name areas of the plan's framework, scores those of the assessment's: both by code.
        let areas = planContent.areas + (content?.areas ?? [])
        let codes = Dictionary(areas.map { ($0.area.id, $0.area.code) }, uniquingKeysWith: { first, _ in first })
        let names = Dictionary(areas.map { ($0.area.id, $0.area.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        let areaCodes = try trainingAreaCodes(Set(completions.map(\.training.id)))
        let followUp = PlanFollowUp(
            goalAreaCodes: goals.map { codes[$0.goal.areaID] ?? "" },
            agreedOn: previous.heldOn ?? HelsinkiTime.date(previous.createdAt),
            completions: completions.map {
                PlanFollowUp.Completion(trainingTitle: LocalisedText(fi: $0.training.titleFi, sv: $0.training.titleSv,
                                                                     en: $0.training.titleEn).text(language),
                                        areaCodes: areaCodes[$0.training.id] ?? [], completedOn: $0.entry.completedOn)
            },
            assessments: own.map { response in
                PlanFollowUp.Assessment(submittedOn: response.submittedOn, scores: Dictionary(
                    response.areaScores.compactMap { id, score in codes[id].map { ($0, score) } }, uniquingKeysWith: { first, _ in first }))
            })
        let rows = zip(goals, followUp.outcomes).map { goal, outcome in
            FollowUpRowView(
                goal: goal.goal.goal, area: names[goal.goal.areaID] ?? "",
                done: outcome.trainingsDone.isEmpty ? strings.text("discussions_follow_up_none") : outcome.trainingsDone.joined(separator: ", "),
                change: outcome.change.map { ($0 > 0 ? "+" : "") + strings.decimal($0) }
                    ?? strings.text(outcome.before == nil ? "discussions_follow_up_no_score" : "discussions_follow_up_no_new_score"))
        }
        return (rows, strings.format("discussions_follow_up_meta", ["date": strings.date(previous.heldOn ?? HelsinkiTime.date(previous.createdAt))]))
    }

    /// How many areas the unit's weakest show.
    static let weakestAreaCount = 3

    /// The topics the unit's tutors helped with most in the last twelve months, by name; none when the
    /// unit's sessions are fewer than the anonymity rule's minimum group (`TutorRules.unitHelpTopics`).
    private func unitHelpTopics(_ unit: Stored<WorkUnit>, language: String) throws -> [String]? {
        let today = CivilDay.today(settings.now())
        let subtree = try units.unitAndDescendantIDs(of: unit.id)
        let sessions = try tutorStore.helpSessionsByTopic(unitIDs: subtree, from: today.adding(months: -12).iso, to: today.iso)
        guard !sessions.isEmpty else { return nil }
        let names = Dictionary(try tutorStore.topics(organisationID: unit.organisationID, includeRetired: true)
            .map { (String($0.id), $0.name.text(language)) }, uniquingKeysWith: { first, _ in first })
        let byName = Dictionary(sessions.map { (names[String($0.key)] ?? "", $0.value) }, uniquingKeysWith: +)
        return TutorRules.unitHelpTopics(sessionsByTopic: byName, rule: AnonymityRule(), limit: 3)
    }

    /// The unit's weakest competence areas in its newest closed anonymous round that shows the unit:
    /// the published (suppressed) figures only, so a unit too small to show has none here.
    private func unitWeakestAreas(_ unit: Stored<WorkUnit>, _ strings: Strings) throws -> (String, [String]) {
        let closed = try rounds.rounds(organisationID: unit.organisationID)
            .filter { $0.status == .closed && $0.mode == .anonymous }.sorted { $0.closesOn > $1.closesOn }
        let language = strings.language.rawValue
        for round in closed.prefix(3) {
            let published = try roundResults(round)
            guard let totals = published.totals(.unit(unit.id)) else { continue }
            let areas = published.content.areas.enumerated().compactMap { index, area -> (String, Double)? in
                guard area.area.kind == .competence, let mean = totals.areaScores[index].mean else { return nil }
                return (area.area.name.text(language), mean)
            }
            let weakest = areas.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(Self.weakestAreaCount)
            return (round.title, weakest.map { "\($0.0) \(strings.decimal($0.1))" })
        }
        return ("", [])
    }

    /// Each training's areas (by code), in one read.
    private func trainingAreaCodes(_ trainingIDs: Set<Int64>) throws -> [Int64: Set<String>] {
        try trainingCatalogue.areaCodes(trainingIDs: trainingIDs.sorted()).mapValues(Set.init)
    }
}
