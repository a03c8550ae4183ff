import Foundation
import HTTPServer
import Storage

struct ResultsRoundView {
    let title: String
    let meta: String
    let organisationLink: String?
    let units: [ResultsUnitLink]
}

struct ResultsUnitLink {
    let name: String
    let href: String
}

/// One organisation's rounds; its name is a heading only when the reader sees several organisations.
struct ResultsOrganisationView {
    let name: String
    let rounds: [ResultsRoundView]
}

struct ResultsIndexView {
    let organisations: [ResultsOrganisationView]
    let hasRounds: Bool
    /// Rounds of several organisations often share titles ("Kevät 2026"): then each organisation's
    /// rounds are listed under its name.
    let grouped: Bool
}

extension WebApp {
    /// Rounds with results the reader may see: their organisations' dashboards for HR, their units'
    /// dashboards for supervisors.
    func showResultsIndex(_ request: Request, _ context: RequestContext) throws -> Response {
        guard let principal = context.principal else { throw AppError.notFound }
        try closeOverdueRounds()
        let allOrganisations = try organisations.all()
        var organisationIDs = context.access.visibleOrganisationIDs ?? Set(allOrganisations.map(\.id))
        var supervised: [Stored<WorkUnit>] = []
        for unitID in principal.supervisedUnitIDs.sorted() {
            if let unit = try units.unit(id: unitID) {
                supervised.append(unit)
                organisationIDs.insert(unit.organisationID)
            }
        }
        let strings = context.strings
        let names = Dictionary(allOrganisations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var groups: [ResultsOrganisationView] = []
        for organisationID in organisationIDs.sorted() {
            let managed = context.access.canManageOrganisation(organisationID)
            // The top units a supervisor leads; sub-units are reached from their dashboards.
            let mine = supervised.filter { unit in
                unit.organisationID == organisationID && !supervised.contains { $0.id == unit.parentID }
            }
            var views: [ResultsRoundView] = []
            for round in try rounds.rounds(organisationID: organisationID) where round.status != .draft {
                guard managed || !mine.isEmpty else { continue }
                views.append(ResultsRoundView(
                    title: round.title, meta: roundMeta(round, strings),
                    organisationLink: managed ? Paths.roundResults(round.id) : nil,
                    units: mine.map { ResultsUnitLink(name: $0.name,
                                                      href: Paths.unitResults(round.id, $0.id)) }))
            }
            if !views.isEmpty { groups.append(ResultsOrganisationView(name: names[organisationID] ?? "", rounds: views)) }
        }
        groups.sort { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        return try context.render("results/index", title: strings.text("results_title"),
                                  ResultsIndexView(organisations: groups, hasRounds: !groups.isEmpty,
                                                   grouped: groups.count > 1))
    }

    /// The closed round that came before `round` in its organisation (any mode or framework version),
    /// for "change since the last round"; nil when there is none.
    /// `all` is the organisation's rounds newest first, when the caller has read them already.
    func previousResults(of round: Stored<SurveyRound>, among all: [Stored<SurveyRound>]? = nil) throws -> RoundResults? {
        let earlier = try (all ?? rounds.rounds(organisationID: round.organisationID)).first {
            $0.status == .closed && $0.id != round.id
                && ($0.opensOn < round.opensOn || ($0.opensOn == round.opensOn && ($0.id) < (round.id)))
        }
        return try earlier.map(roundResults)
    }

    /// What a dashboard's body is kept under: the round's family at its results version, so the
    /// first body of a new version drops the older ones, and a variant naming everything else the
    /// body depends on besides the page's own `parameters`: the results versions of the
    /// organisation's earlier rounds (changes and trends), the round's dates and status, and whether
    /// the reader administers the organisation (the breadcrumbs differ).
    func resultsKey(of round: Stored<SurveyRound>, among all: [Stored<SurveyRound>], _ context: RequestContext,
                    _ parameters: String) -> CacheKey {
        let history = all.filter { $0.status != .draft && $0.opensOn <= round.opensOn }
        let versions = history.map { "\($0.id)v\($0.resultsVersion)" }
        return CacheKey(family: "round:\(round.id)", version: round.resultsVersion,
                        variant: "\(round.closesOn):\(round.status.rawValue)|\(versions.joined(separator: ","))"
                            + "|manage:\(context.access.canManageOrganisation(round.organisationID))|\(parameters)")
    }

    /// Closes rounds whose last day has passed, so their results are published (cheap when none are).
    /// Page views call this; when the database cannot take writes, the pages show what is stored.
    func closeOverdueRounds() throws {
        do {
            try rounds.closeOverdue(today: CalendarDate.today())
        } catch StorageError.fileSystem {
            return
        }
    }

    func roundMeta(_ round: Stored<SurveyRound>, _ strings: Strings) -> String {
        strings.format("results_round_meta", [
            "opens": strings.date(round.opensOn), "closes": strings.date(round.closesOn),
            "status": strings.text("results_status_\(round.status.rawValue)"),
            "mode": strings.text("results_mode_\(round.mode.rawValue)"),
        ])
    }

    func dashboardCrumbs(_ round: Stored<SurveyRound>, _ context: RequestContext, then rest: [(String, String)]) -> [Crumb] {
        var trail: [(String, String)] = [(Paths.results, context.strings.text("results_title"))]
        if context.access.canManageOrganisation(round.organisationID) {
            trail.append((Paths.roundResults(round.id), round.title))
        }
        trail.append(contentsOf: rest)
        return trail.enumerated().map { index, item in
            Crumb(href: item.0, label: item.1, current: index == trail.count - 1)
        }
    }

    /// A CSV download of result tables: comma-separated by default, semicolons for Finnish Excel.
    /// Every export of personal data is a line in the audit log (`export`, with the file's name and
    /// its rows). Survey results are anonymous, suppressed aggregates, not personal data: they pass
    /// `audited: false` and cost no write (an audited export waits for the disk).
    func csvResponse(title: String, tables: [ResultTable], _ context: RequestContext, filename: String,
                     audited: Bool = true) -> Response {
        let request = context.request
        if audited {
            recordEvent("export", userID: context.principal?.userID, login: context.principal?.user.login,
                        address: request.clientAddress, target: nil,
                        detail: "\(filename), \(tables.reduce(0) { $0 + $1.rows.count }) rows")
        }
        let separator: Character = request.queryValue("separator") == "semicolon" ? ";" : ","
        var response = Response(status: .ok, contentType: "text/csv; charset=utf-8",
                                text: ResultCSV.write(title: title, tables: tables, separator: separator))
        response.headers.set("Content-Disposition", "attachment; filename=\"\(filename)\"")
        return response
    }
}
