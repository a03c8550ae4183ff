import Foundation
import Storage

/// Respondents ready to submit, for the submission benchmark (`make bench-app`): one-time codes for
/// an organisation's open round, each with a complete saved draft, so that every benchmark request is
/// one real submission of a whole questionnaire by a different respondent.
public enum BenchmarkCodes {
    /// Makes `count` codes for the unit of the open round with the most staff; returns the codes.
    public static func make(database: AppDatabase, organisationSlug: String, count: Int,
                            seed: UInt64 = 2026) throws -> [String] {
        guard let organisationID = try OrganisationStore(database).organisation(slug: organisationSlug)?.id,
              let round = try SurveyRoundStore(database).rounds(organisationID: organisationID)
                .first(where: { $0.status == .open }),
              let content = try FrameworkStore(database).content(frameworkID: round.frameworkID),
              let unitID = try UnitStore(database).employeeCounts(organisationID: organisationID)
                .max(by: { $0.value < $1.value })?.key
        else { throw StorageError.invalid("\(organisationSlug) has no open round with staff to answer it.") }
        let statements = ResponseScoring(content: content).statementCount
        var random = SeededRandom(state: seed)
        var codes: [String] = []
        var rows: [(hash: Data, draft: SurveyDraft)] = []
        for _ in 0..<count {
            let code = String((0..<SurveyCode.length).map { _ in SurveyCode.alphabet[random.below(32)] })
            let answers = String((0..<statements).map { _ in Array("2345-")[random.below(5)] })
            codes.append(code)
            rows.append((SurveyCode.hash(code), SurveyDraft(answers: answers)))
        }
        try SurveyBulkStore(database).addCodesWithDrafts(rows, roundID: round.id, unitID: unitID, day: CalendarDate.today())
        return codes
    }
}

/// SplitMix64, for reproducible benchmark data.
private struct SeededRandom {
    var state: UInt64

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
