import App
import Storage

/// What shapes one demo employee's answers: their job and where they work.
struct DemoRespondentProfile: Sendable {
    /// Works mostly away from a computer: kitchens, cleaning, maintenance, daycare and school
    /// assistants, home care.
    let nonDesk: Bool
    /// Works in central administration, where computers are the daily tool.
    let administration: Bool
    /// Seldom serves clients, so ethics and client-guidance statements are harder to answer.
    let nonClient: Bool
    /// A supervisor or manager.
    let manager: Bool
    /// The Koskenkylä staff start a little lower: a smaller municipality with less IT support.
    let organisationOffset: Double

    init(_ employee: ImportedEmployee, organisationOffset: Double) {
        let group = employee.jobGroup ?? ""
        let unit = employee.unitName ?? ""
        nonDesk = Self.nonDeskGroups.contains(group) || unit.hasPrefix("Kotihoito") || unit.hasPrefix("Hemvården")
        administration = Self.texts(DemoCatalogue.administration.name).contains(employee.sectorName ?? "")
        nonClient = Self.nonClientGroups.contains(group)
        manager = Self.texts(DemoCatalogue.managers).contains(group)
        self.organisationOffset = organisationOffset
    }

    private static func texts(_ text: Localised) -> Set<String> { [text.fi, text.sv] }

    static let nonDeskGroups: Set<String> = [
        DemoCatalogue.foodServices, DemoCatalogue.cleaning, DemoCatalogue.maintenance,
        DemoCatalogue.earlyEducationCarers, DemoCatalogue.schoolAssistance,
    ].reduce(into: []) { $0.formUnion(texts($1)) }

    static let nonClientGroups: Set<String> = [
        DemoCatalogue.foodServices, DemoCatalogue.cleaning, DemoCatalogue.maintenance,
        DemoCatalogue.technicalExperts, DemoCatalogue.officeStaff, DemoCatalogue.experts,
    ].reduce(into: []) { $0.formUnion(texts($1)) }
}

/// A person's lasting traits, the same in every round: drawn from the seed and the person alone,
/// so a round's answers never depend on who else was invited.
struct DemoPersonTraits: Sendable {
    /// Overall digital confidence around the group mean, in scale points.
    let level: Double
    /// How much the person's competence grows from one round to the next.
    let growth: Double
    /// How favourably the person sees leadership, unit practices and colleagues.
    let outlook: Double
    /// Their own habits with "can't say" and skipped statements.
    let hesitancy: Double

    init(seed: UInt64, organisationSlug: String, hrNumber: String) {
        var random = DemoRandom(seed: DemoSeed.mix(seed, DemoSeed.hash("\(organisationSlug)/\(hrNumber)")))
        level = 0.5 * random.normal()
        growth = min(0.5, max(0.0, 0.22 + 0.09 * random.normal()))
        outlook = 0.35 * random.normal()
        hesitancy = 0.5 + random.unit()
    }
}

/// Makes one questionnaire's answer string for a person in a round, statement by statement.
struct DemoAnswerModel: Sendable {
    /// Area codes of the shipped framework with their mean in the first round, before the
    /// effects of job and person.
    static let baseMeans: [String: Double] = [
        "ict-basics": 3.85, "digital-work": 3.6, "digital-solutions": 3.05, "information-security": 3.55,
        "ethics": 3.6, "client-guidance": 3.35, "leadership-support": 3.05, "unit-practices": 3.3, "colleagues": 3.6,
    ]
    /// How much lower non-desk staff rate themselves per area.
    static let nonDeskGap: [String: Double] = [
        "ict-basics": 0.8, "digital-work": 0.7, "digital-solutions": 0.45, "information-security": 0.3,
    ]
    /// Within an area some statements are easier than others: offset by statement position.
    static let statementOffsets: [Double] = [0.2, 0.1, 0.0, -0.05, -0.1, -0.2, -0.15]

    /// The areas in answer-string order: code, kind and statement count.
    let areas: [(code: String, kind: AreaKind, statements: Int)]

    init(content: FrameworkContent) {
        areas = content.areas.map { ($0.area.code, $0.area.kind, $0.statements.count) }
    }

    /// The answers of `profile`/`traits` in the round with measurement number `roundIndex` (0 first).
    func answers(_ profile: DemoRespondentProfile, _ traits: DemoPersonTraits, roundIndex: Int,
                 random: inout DemoRandom) -> String {
        var text = ""
        for area in areas {
            let mean = areaMean(area.code, kind: area.kind, profile, traits, roundIndex: roundIndex)
            let cantSay = cantSayChance(area.code, profile) * traits.hesitancy
            for position in 0..<area.statements {
                if random.chance(0.008 * traits.hesitancy) {
                    text.append(AnswerString.unanswered)
                } else if random.chance(cantSay) {
                    text.append(AnswerString.cantSay)
                } else {
                    let offset = Self.statementOffsets[position % Self.statementOffsets.count]
                    let value = Int((mean + offset + 0.65 * random.normal()).rounded())
                    text.append(Character(String(min(5, max(1, value)))))
                }
            }
        }
        return text
    }

    private func areaMean(_ code: String, kind: AreaKind, _ profile: DemoRespondentProfile,
                          _ traits: DemoPersonTraits, roundIndex: Int) -> Double {
        var mean = (Self.baseMeans[code] ?? 3.3) + profile.organisationOffset
        let round = Double(roundIndex)
        switch kind {
        case .competence:
            mean += traits.level + traits.growth * round
            if profile.nonDesk { mean -= Self.nonDeskGap[code] ?? 0.15 }
            if profile.administration { mean += 0.35 }
            if profile.manager { mean += 0.15 }
        case .factor:
            // Views of support follow competence only loosely; they improve slowly as trainings run.
            mean += 0.35 * traits.level + traits.outlook + 0.08 * round
            if profile.manager && code == "leadership-support" { mean += 0.3 }
            if profile.nonDesk && code == "leadership-support" { mean -= 0.15 }
        }
        return mean
    }

    private func cantSayChance(_ code: String, _ profile: DemoRespondentProfile) -> Double {
        switch code {
        case "ethics", "client-guidance": return profile.nonClient ? 0.2 : 0.06
        case "digital-solutions": return 0.07
        default: return 0.04
        }
    }
}

/// Seeds derived from the demo seed, so each round and each person has a stream of its own.
enum DemoSeed {
    /// A new seed from two numbers, well mixed (one SplitMix64 step).
    static func mix(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var generator = SplitMix64(seed: first ^ (second &* 0xD6E8_FEB8_6659_FD93))
        return generator.next()
    }

    /// FNV-1a of the text's UTF-8 bytes: stable across runs and machines, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension DemoRandom {
    /// A bell-shaped number with mean 0 and standard deviation 1, within ±3: the sum of three
    /// uniform draws, scaled. Plain arithmetic rather than `log` and `cos`, whose last bits may differ
    /// between C libraries, so the same seed gives the same answers everywhere.
    mutating func normal() -> Double {
        (unit() + unit() + unit() - 1.5) * 2
    }
}
