import Foundation
@testable import App
@testable import Storage

extension AccessMatrixTests {
    /// The supervisors' and HR's training views' rows: anonymous, employee, supervisor A, supervisor B,
    /// HR of the other organisation, HR, admin.
    static let trainingReportRows: [Row] = {
        /// HR and administrators of Järvelä only; Koskenkylä's HR gets the record check's 404.
        let hrOnly: [Outcome] = [S, F, F, F, H, A, A]
        /// Like a unit's page: its supervisor, HR and administrators.
        let unitLeaders: [Outcome] = [S, F, A, H, H, A, A]
        return [
            Row(route: "GET /units/:unitID/trainings", path: { world, _ in "/units/\(world.unitA.id)/trainings" },
                expected: unitLeaders),
            Row(route: "GET /organisations/:slug/training-report", path: { _, _ in "/organisations/jarvela/training-report" },
                expected: hrOnly),
        ]
    }()
}
