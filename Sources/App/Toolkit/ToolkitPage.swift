import Foundation
import HTTPServer
import Metrics
import Storage

extension WebApp {
    /// How many weakest competence areas the survey section names.
    static let toolkitWeakestAreas = 3
    /// How many closed rounds, newest first, are searched for one that shows the unit (as the
    /// compliance gaps and the discussion picture do: older results are of little use to act on).
    static let toolkitRoundsSearched = 3
    /// How many tutors and units without a tutor the coverage section names before "and N more".
    static let toolkitListLength = 5

    /// The supervisor toolkit (Soite's theme 1): a unit with its sub-units in one place — survey
    /// results, training coverage, required training, digitutor coverage, onboarding and development
    /// discussions — each a short headline from the page that has it in full, and the link there.
    ///
    /// The body holds no form and nothing about the reader (supervisors and HR see the same), so it
    /// is kept whole: until this process commits anything, for a minute at most (what other
    /// processes write; the tutor facts and required-training statuses the sections read), and for
    /// the day (statuses and overdue items count from today).
    func showUnitToolkit(_ request: Request, _ context: RequestContext) throws -> Response {
        let unit = try viewableUnit(context)
        let title = context.strings.text("toolkit_title")
        let today = CivilDay.today(settings.now())
        let key = CacheKey(family: "toolkit:\(unit.id)|\(database.commitCount)",
                           version: Int(Date().timeIntervalSince1970 / 60), variant: today.iso)
        return try context.renderCached("toolkit/toolkit", title: title + " – " + unit.name, key: key) {
            try toolkitView(unit, today: today, context)
        }
    }

    private func toolkitView(_ unit: Stored<WorkUnit>, today: CivilDay, _ context: RequestContext) throws -> ToolkitView {
        let strings = context.strings
        let title = strings.text("toolkit_title")
        let subtree = try units.unitAndDescendantIDs(of: unit.id)
        return ToolkitView(
            crumbs: [Crumb(href: Paths.home, label: strings.text("nav_home"), current: false),
                     Crumb(href: Paths.unit(unit.id), label: unit.name, current: false),
                     Crumb(href: Paths.unitToolkit(unit.id), label: title, current: true)],
            heading: title, unitName: unit.name, day: strings.format("toolkit_day", ["date": strings.date(today.iso)]),
            survey: try toolkitSurvey(unit, strings),
            trainings: try toolkitTrainings(unit, context),
            requirements: try toolkitRequirements(unit, strings),
            tutors: try toolkitTutors(unit, subtree: subtree, today: today, strings),
            onboarding: try toolkitOnboarding(unit, subtree: subtree, today: today, strings),
            discussions: try toolkitDiscussions(unit, subtree: subtree, today: today, strings))
    }

    /// The newest closed round (of the last few) that shows the unit, from the published results only:
    /// a unit the anonymity rule hides has no figure here, only the words saying so.
    private func toolkitSurvey(_ unit: Stored<WorkUnit>, _ strings: Strings) throws -> ToolkitSurveySection {
        let language = strings.language.rawValue
        let all = try rounds.rounds(organisationID: unit.organisationID)
        let closed = all.filter { $0.status == .closed }.sorted { $0.closesOn > $1.closesOn }
        var shown: (round: Stored<SurveyRound>, results: RoundResults, totals: GroupTotals)?
        var hidden: Stored<SurveyRound>?
        for round in closed.prefix(Self.toolkitRoundsSearched) {
            let published = try roundResults(round)
            if let totals = published.totals(.unit(unit.id)) {
                shown = (round, published, totals)
                break
            }
            if hidden == nil, published.populatedUnits.contains(unit.id) { hidden = round }
        }
        var weakest: [String] = []
        var respondents = ""
        var note = ""
        var href = ""
        if let shown {
            let areas = shown.results.content.areas.enumerated().compactMap { index, area -> (id: String, mean: Double)? in
                guard area.area.kind == .competence, let mean = shown.totals.areaScores[index].mean else { return nil }
                return (area.area.name.text(language), mean)
            }
            weakest = Comparison.weakest(areas, count: Self.toolkitWeakestAreas).map { "\($0.id) \(strings.decimal($0.mean))" }
            let count = strings.number(shown.totals.respondents)
            respondents = shown.results.responseRate(.unit(unit.id)).map {
                strings.format("toolkit_survey_respondents_rate", ["count": count, "rate": strings.percent($0)])
            } ?? strings.format("toolkit_survey_respondents", ["count": count])
            href = Paths.unitResults(shown.round.id, unit.id)
        } else if let hidden {
            note = strings.format("toolkit_survey_too_few", ["round": hidden.title])
            href = Paths.unitResults(hidden.id, unit.id)
        } else {
            note = strings.text("toolkit_survey_none")
        }
        let open = try toolkitOpenRounds(unit, all.filter { $0.status == .open }, strings)
        return ToolkitSurveySection(
            round: shown?.round.title ?? "", respondents: respondents, hasResults: shown != nil,
            weakest: weakest, hasWeakest: !weakest.isEmpty, note: note, href: href, hasHref: !href.isEmpty,
            openRounds: open, hasOpenRounds: !open.isEmpty)
    }

    /// The open rounds' response progress for the unit, in the count the home page and the dashboards
    /// show (under the minimum group size it says "fewer than", never the number).
    private func toolkitOpenRounds(_ unit: Stored<WorkUnit>, _ open: [Stored<SurveyRound>],
                                   _ strings: Strings) throws -> [ToolkitOpenRound] {
        let today = CalendarDate.today()
        return try open.filter { $0.acceptsAnswers(on: today) }.compactMap { round in
            let counts = try roundParticipation(round, unitID: unit.id)
            guard counts.invited > 0 else { return nil }
            let progress = counts.answered.map { answered in
                strings.format("home_unit_round_progress", [
                    "answered": strings.number(answered), "invited": strings.number(counts.invited),
                    "rate": counts.rate.map { strings.percent($0) } ?? "–",
                ])
            } ?? strings.format("home_unit_round_few", [
                "minimum": String(round.minimumGroupSize), "invited": strings.number(counts.invited),
            ])
            return ToolkitOpenRound(round: round.title, progress: progress, href: Paths.unitResults(round.id, unit.id))
        }
    }

    /// The top of the unit's training view, from its own model: staff, who trained in the last 12
    /// months (the share only for a group the anonymity rule lets through, as its area shares), and
    /// the coming sessions.
    private func toolkitTrainings(_ unit: Stored<WorkUnit>, _ context: RequestContext) throws -> ToolkitTrainingSection {
        let strings = context.strings
        guard let organisation = try organisations.organisation(id: unit.organisationID) else { throw AppError.notFound }
        let view = try unitTrainingsView(unit, organisation, context)
        let trained = view.people.count
        let staff = trained + view.untrained.count
        let values = ["trained": strings.number(trained), "staff": strings.number(staff)]
        let trainedText = staff > 0 && AnonymityRule().showsFigures(respondents: staff)
            ? strings.format("toolkit_trainings_trained_share", values.merging(["share": strings.percent(Double(trained) / Double(staff))]) { $1 })
            : strings.format("toolkit_trainings_trained", values)
        let coming = view.upcoming.filter { !$0.cancelled }.count
        return ToolkitTrainingSection(
            staff: view.staff, trained: trainedText,
            upcoming: strings.format("toolkit_trainings_upcoming", ["count": strings.number(coming),
                                                                     "weeks": String(Self.unitTrainingWeeks)]),
            href: Paths.unitTrainings(unit.id))
    }

    /// Each requirement in force with the unit's share compliant, computed as the unit matrix does.
    private func toolkitRequirements(_ unit: Stored<WorkUnit>, _ strings: Strings) throws -> ToolkitRequirementSection {
        let rule = AnonymityRule()
        let matrix = try unitRequirementStatuses(unit, on: CivilDay.today())
        let rows = zip(matrix.evaluators, matrix.compliantShares(rule)).map { evaluator, share in
            ToolkitShareRow(title: evaluator.definition.requirement.title.text(strings.language.rawValue),
                            share: share.map(strings.percent) ?? "–")
        }
        return ToolkitRequirementSection(
            rows: rows, hasRows: !rows.isEmpty,
            note: strings.format("compliance_unit_share_note", ["minimum": String(rule.minimumGroupSize)]),
            href: Paths.unitRequirements(unit.id))
    }

    /// The share of the unit's staff with an active tutor, who the tutors are, and the units with staff
    /// and no active tutor (none at all, or only paused ones), from the kept coverage facts.
    private func toolkitTutors(_ unit: Stored<WorkUnit>, subtree: Set<Int64>, today: CivilDay,
                               _ strings: Strings) throws -> ToolkitTutorSection {
        let facts = try tutorCoverageFacts(unit.organisationID, on: today)
        let mine = facts.units.filter { subtree.contains($0.id) }
            .sorted { ($0.id == unit.id ? 0 : 1, $0.name) < ($1.id == unit.id ? 0 : 1, $1.name) }
        let group = facts.coverage.group(of: facts.staffed.filter { subtree.contains($0.id) })
        let covering = Set(mine.flatMap { facts.coverage.tutors(of: $0.id).active })
        let names = facts.tutors.filter { covering.contains($0.tutor.id) }.map { $0.firstName + " " + $0.lastName }.sorted()
        var tutors = names.prefix(Self.toolkitListLength).joined(separator: ", ")
        if names.count > Self.toolkitListLength {
            tutors += " " + strings.format("toolkit_more", ["count": strings.number(names.count - Self.toolkitListLength)])
        }
        let uncovered = mine.filter { facts.staff(of: $0.id) > 0 && !facts.coverage.tutors(of: $0.id).isCovered }
        return ToolkitTutorSection(
            coverage: strings.format("toolkit_tutors_coverage", [
                "share": group.coveredShare.map(strings.percent) ?? "–", "tutors": strings.number(group.tutors)]),
            tutors: tutors, hasTutors: !names.isEmpty,
            uncovered: uncovered.prefix(Self.toolkitListLength).map { ToolkitUnitLink(name: $0.name, href: Paths.unitTutors($0.id)) },
            hasUncovered: !uncovered.isEmpty,
            more: strings.format("toolkit_more", ["count": strings.number(uncovered.count - Self.toolkitListLength)]),
            hasMore: uncovered.count > Self.toolkitListLength,
            href: Paths.unitTutors(unit.id))
    }

    /// New hires of the last months (as the new-hire view counts them): checklists still running, and
    /// hires with overdue items.
    private func toolkitOnboarding(_ unit: Stored<WorkUnit>, subtree: Set<Int64>, today: CivilDay,
                                   _ strings: Strings) throws -> ToolkitOnboardingSection {
        let from = today.adding(months: -Self.newHireMonths).iso
        let progress = try onboardingStore.hires(inUnits: subtree, startingFrom: from)
            .map { OnboardingProgress($0.items.map(\.state), on: today) }
        let running = progress.filter { !$0.isComplete }.count
        let overdue = progress.filter { $0.overdue > 0 }.count
        return ToolkitOnboardingSection(
            running: strings.format("toolkit_onboarding_running", ["count": strings.number(running),
                                                                   "months": String(Self.newHireMonths)]),
            overdue: strings.format("toolkit_onboarding_overdue", ["count": strings.number(overdue)]),
            hasOverdue: overdue > 0, href: Paths.unitOnboarding(unit.id))
    }

    /// The running cycle's discussions of the unit's people: signed by both of the total, and how many
    /// are still to meet (the supervisor's list counts the same).
    private func toolkitDiscussions(_ unit: Stored<WorkUnit>, subtree: Set<Int64>, today: CivilDay,
                                    _ strings: Strings) throws -> ToolkitDiscussionSection {
        let href = Paths.unitDiscussions(unit.id)
        guard let cycle = try discussionStore.cycleCovering(organisationID: unit.organisationID, unitID: unit.id, on: today.iso) else {
            return ToolkitDiscussionSection(cycle: "", hasCycle: false, summary: "", toMeet: "", href: href)
        }
        let lines = try discussionStore.staffLines(cycleID: cycle.id, unitIDs: subtree)
        let done = lines.filter { $0.discussion?.isSigned == true }.count
        return ToolkitDiscussionSection(
            cycle: "\(cycle.title) (\(strings.date(cycle.startsOn))–\(strings.date(cycle.endsOn)))", hasCycle: true,
            summary: strings.format("discussions_unit_summary", ["done": strings.number(done), "total": strings.number(lines.count)]),
            toMeet: strings.format("toolkit_discussions_to_meet", ["count": strings.number(lines.count - done)]),
            href: href)
    }

    /// The home page's shortcuts to the toolkit of each unit the principal supervises.
    func toolkitShortcuts(_ principal: Principal, _ strings: Strings) throws -> [HomeLink] {
        try principal.assignments.filter { $0.role == .supervisor }.compactMap(\.unitID).compactMap { unitID in
            try units.unit(id: unitID).map { unit in
                HomeLink(href: Paths.unitToolkit(unit.id), label: strings.format("toolkit_home_link", ["unit": unit.name]),
                         description: strings.text("toolkit_home_link_text"))
            }
        }
    }
}
