import Testing
@testable import Metrics

@Suite("Scale")
struct ScaleTests {
    @Test func agreementScaleLimits() {
        let scale = Scale.agreement
        #expect(scale.points == 1...5)
        #expect(scale.weakLimit == 2)
        #expect(scale.strongLimit == 4)
    }

    @Test func limitsFollowAWiderScale() {
        let scale = Scale(minimum: 0, maximum: 10)
        #expect(scale.points.count == 11)
        #expect(scale.weakLimit == 1)
        #expect(scale.strongLimit == 9)
    }

    @Test(arguments: [(0, false), (1, true), (3, true), (5, true), (6, false), (-1, false)])
    func containsOnlyItsPoints(value: Int, contained: Bool) {
        #expect(Scale.agreement.contains(value) == contained)
    }
}
