import Foundation
@testable import App

extension AccessMatrixTests {
    /// The supervisor toolkit's row: anonymous, employee, supervisor A, supervisor B, HR of the other
    /// organisation, HR, admin. Like a unit's page: its supervisors, HR and administrators; a
    /// supervisor of another unit and the other organisation's HR get the record check's 404.
    static let toolkitRows: [Row] = [
        Row(route: "GET /units/:unitID/toolkit", path: { world, _ in "/units/\(world.unitA.id)/toolkit" },
            expected: [S, F, A, H, H, A, A]),
    ]
}
