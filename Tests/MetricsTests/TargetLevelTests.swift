import Testing
@testable import Metrics

@Suite("Target level")
struct TargetLevelTests {
    static let levels = [
        TargetLevel(sectorID: nil, jobGroup: nil, level: 3.0),
        TargetLevel(sectorID: 1, jobGroup: nil, level: 3.5),
        TargetLevel(sectorID: nil, jobGroup: "nurse", level: 3.8),
        TargetLevel(sectorID: 2, jobGroup: "cook", level: 4.2),
    ]

    @Test(arguments: [
        (Int64?(1), String?("nurse"), 3.8),  // job group outranks sector
        (1, "cook", 3.5),  // sector outranks everyone
        (2, "cook", 4.2),  // sector and job group together are the most specific
        (3, "cook", 3.0),  // cook in another sector: no sector or job-group level applies
        (2, "nurse", 3.8),
        (nil, "nurse", 3.8),  // a job group across sectors keeps its job-group level
        (1, nil, 3.5),
        (nil, nil, 3.0),  // a group spanning sectors gets the everyone-level
    ])
    func mostSpecificLevelWins(sectorID: Int64?, jobGroup: String?, expected: Double) {
        #expect(TargetLevel.resolve(Self.levels, sectorID: sectorID, jobGroup: jobGroup) == expected)
    }

    @Test func nilWhenNoLevelApplies() {
        let levels = [TargetLevel(sectorID: 1, jobGroup: nil, level: 3.5)]
        #expect(TargetLevel.resolve(levels, sectorID: 2, jobGroup: "nurse") == nil)
        #expect(TargetLevel.resolve(levels, sectorID: nil, jobGroup: nil) == nil)
        #expect(TargetLevel.resolve([], sectorID: 1, jobGroup: nil) == nil)
    }

    @Test func firstOfEquallySpecificLevelsWins() {
        let levels = [
            TargetLevel(sectorID: 1, jobGroup: nil, level: 3.5),
            TargetLevel(sectorID: 1, jobGroup: nil, level: 4.5),
        ]
        #expect(TargetLevel.resolve(levels, sectorID: 1, jobGroup: nil) == 3.5)
    }
}
