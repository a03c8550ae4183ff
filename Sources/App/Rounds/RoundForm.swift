import Foundation
import Storage

/// What HR typed into the round form, and what it means once checked.
///
/// Values are kept as typed so a form with errors comes back as the user left it; `errors` ties each
/// problem to its field, in the order the fields appear.
struct RoundFormInput {
    static let titleLimit = 200
    static let questionLimit = 500
    static let questionCount = 3
    static let languages = ["fi", "sv", "en"]

    var title = ""
    var frameworkChoice = ""
    /// "organisation" (everyone) or "selected" (the chosen sectors and units).
    var scopeChoice = "organisation"
    var sectorChoices: Set<String> = []
    var unitNames = ""
    var opensOn = ""
    var closesOn = ""
    var modeChoice = SurveyMode.anonymous.rawValue
    var minimumGroupSize = "5"
    var openAnswerThreshold = "10"
    /// Per question, its text in fi, sv and en.
    var questions: [[String]] = Array(repeating: ["", "", ""], count: questionCount)
    var errors = FormErrors()

    /// What a checked form produces for the store.
    struct Checked {
        var frameworkID: Int64
        var title: String
        var mode: SurveyMode
        var opensOn: String
        var closesOn: String
        var minimumGroupSize: Int
        var openAnswerThreshold: Int
        var scope: [RoundScope]
        var openQuestions: [LocalisedText]
    }

    private(set) var checked: Checked?

    init() {}

    /// The form pre-filled from a stored draft.
    init(round: Stored<SurveyRound>, scope: [Stored<RoundScope>], questions stored: [Stored<OpenQuestion>], units: [Stored<WorkUnit>]) {
        title = round.title
        frameworkChoice = String(round.frameworkID)
        scopeChoice = scope.isEmpty ? "organisation" : "selected"
        sectorChoices = Set(scope.compactMap(\.sectorID).map(String.init))
        let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
        unitNames = scope.compactMap(\.unitID).compactMap { names[$0] }.joined(separator: "\n")
        opensOn = round.opensOn
        closesOn = round.closesOn
        modeChoice = round.mode.rawValue
        minimumGroupSize = String(round.minimumGroupSize)
        openAnswerThreshold = String(round.openAnswerThreshold)
        for (index, question) in stored.prefix(Self.questionCount).enumerated() {
            let text = question.text
            questions[index] = [text.fi, text.sv == text.fi ? "" : text.sv, text.en == text.fi ? "" : text.en]
        }
    }

    /// Reads and checks a submitted form against the organisation's frameworks, sectors and units.
    init(form: FormInput, frameworks: [Stored<Framework>], sectors: [Stored<Sector>], units: [Stored<WorkUnit>], strings: Strings) {
        title = form["title"] ?? ""
        frameworkChoice = form["framework_id"] ?? ""
        scopeChoice = form["scope"] ?? ""
        sectorChoices = Set(form.values("sector_ids"))
        unitNames = form["unit_names"] ?? ""
        opensOn = form["opens_on"] ?? ""
        closesOn = form["closes_on"] ?? ""
        modeChoice = form["mode"] ?? ""
        minimumGroupSize = form["minimum_group_size"] ?? ""
        openAnswerThreshold = form["open_answer_threshold"] ?? ""
        for index in 0..<Self.questionCount {
            questions[index] = Self.languages.map { form["q\(index + 1)_\($0)"] ?? "" }
        }
        checked = check(frameworks: frameworks, sectors: sectors, units: units, strings: strings)
    }

    private mutating func check(frameworks: [Stored<Framework>], sectors: [Stored<Sector>], units: [Stored<WorkUnit>],
                                strings: Strings) -> Checked? {
        let title = checkTitle(strings)
        let framework = frameworks.first { $0.status == .published && String($0.id) == frameworkChoice }
        if framework == nil { errors.add("framework_id", strings.text("rounds_error_framework")) }
        let scope = checkScope(sectors: sectors, units: units, strings: strings)
        let dates = checkDates(strings)
        let mode = SurveyMode(rawValue: modeChoice)
        if mode == nil { errors.add("mode-anonymous", strings.text("rounds_error_mode")) }
        let sizes = checkSizes(strings)
        let openQuestions = checkQuestions(strings)
        guard errors.isEmpty, let title, let frameworkID = framework?.id, let scope, let dates, let mode, let sizes
        else { return nil }
        return Checked(frameworkID: frameworkID, title: title, mode: mode, opensOn: dates.opens, closesOn: dates.closes,
                       minimumGroupSize: sizes.minimum, openAnswerThreshold: sizes.threshold, scope: scope,
                       openQuestions: openQuestions)
    }

    private mutating func checkTitle(_ strings: Strings) -> String? {
        if title.isEmpty {
            errors.add("title", strings.text("rounds_error_title_required"))
        } else if title.count > Self.titleLimit {
            errors.add("title", strings.text("rounds_error_title_too_long"))
        } else if FieldRules.hasControlCharacter(title) {
            errors.add("title", strings.text("rounds_error_title_characters"))
        } else {
            return title
        }
        return nil
    }

    /// The population: nothing for the whole organisation, otherwise the chosen sectors and the units
    /// named one per line (each with its sub-units).
    private mutating func checkScope(sectors: [Stored<Sector>], units: [Stored<WorkUnit>], strings: Strings) -> [RoundScope]? {
        switch scopeChoice {
        case "organisation":
            return []
        case "selected":
            break
        default:
            errors.add("scope-organisation", strings.text("rounds_error_scope"))
            return nil
        }
        var scope: [RoundScope] = []
        var known = true
        for sector in sectors where sectorChoices.contains(String(sector.id)) {
            scope.append(RoundScope(roundID: 0, sectorID: sector.id))
        }
        if scope.count != sectorChoices.count {
            errors.add("sector_ids", strings.text("staff_error_choose_from_list"))
            known = false
        }
        let byName = Dictionary(units.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var unknown: [String] = []
        var seen: Set<Int64> = []
        for line in unitNames.split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { continue }
            guard let unitID = byName[name.lowercased()]?.id else {
                unknown.append(name)
                continue
            }
            if seen.insert(unitID).inserted { scope.append(RoundScope(roundID: 0, unitID: unitID)) }
        }
        if !unknown.isEmpty {
            errors.add("unit_names", strings.format("rounds_error_unknown_units",
                                                     ["names": unknown.joined(separator: ", ")]))
            known = false
        }
        if known, scope.isEmpty {
            errors.add("sector_ids", strings.text("rounds_error_scope_empty"))
            return nil
        }
        return known ? scope : nil
    }

    private mutating func checkDates(_ strings: Strings) -> (opens: String, closes: String)? {
        let opens = Self.date(opensOn, field: "opens_on", &errors, strings)
        let closes = Self.date(closesOn, field: "closes_on", &errors, strings)
        guard let opens, let closes else { return nil }
        if closes < opens {
            errors.add("closes_on", strings.text("rounds_error_close_before_open"))
            return nil
        }
        return (opens, closes)
    }

    /// A calendar date `YYYY-MM-DD` (also read from `1.3.2026`), or a field error.
    static func date(_ value: String, field: String, _ errors: inout FormErrors, _ strings: Strings) -> String? {
        if value.isEmpty {
            errors.add(field, strings.text("rounds_error_date_required"))
            return nil
        }
        switch FieldRules.readDate(value) {
        case .date(let date):
            return date
        case .malformed:
            errors.add(field, strings.text("staff_error_date_shape"))
        case .impossible:
            errors.add(field, strings.text("rounds_error_date_impossible"))
        }
        return nil
    }

    private mutating func checkSizes(_ strings: Strings) -> (minimum: Int, threshold: Int)? {
        let minimum = Int(minimumGroupSize).flatMap { (3...100).contains($0) ? $0 : nil }
        if minimum == nil { errors.add("minimum_group_size", strings.text("rounds_error_minimum_size")) }
        let threshold = Int(openAnswerThreshold).flatMap { (1...1000).contains($0) ? $0 : nil }
        guard let threshold else {
            errors.add("open_answer_threshold", strings.text("rounds_error_threshold"))
            return nil
        }
        guard let minimum else { return nil }
        if threshold < minimum {
            errors.add("open_answer_threshold", strings.text("rounds_error_threshold_below_minimum"))
            return nil
        }
        return (minimum, threshold)
    }

    /// Questions with a Finnish text; Swedish and English fall back to it when left empty.
    private mutating func checkQuestions(_ strings: Strings) -> [LocalisedText] {
        var result: [LocalisedText] = []
        for (index, texts) in questions.enumerated() {
            let number = index + 1
            guard texts.contains(where: { !$0.isEmpty }) else { continue }
            for (language, text) in zip(Self.languages, texts) where text.count > Self.questionLimit {
                errors.add("q\(number)_\(language)", strings.text("rounds_error_question_too_long"))
            }
            guard !texts[0].isEmpty else {
                errors.add("q\(number)_fi", strings.text("rounds_error_question_finnish"))
                continue
            }
            result.append(LocalisedText(fi: texts[0], sv: texts[1].isEmpty ? texts[0] : texts[1],
                                        en: texts[2].isEmpty ? texts[0] : texts[2]))
        }
        return result
    }
}
