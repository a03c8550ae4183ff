import Crypto
import Foundation
import GRDB

/// What the home page needs before it knows whether its kept body is still good: the signed-in
/// employee and a stamp of everything the page shows of them (the tutor network, required training
/// and completions, the organisation's rounds and instructions). One read instead of six: each
/// read is a trip through the reader pool, and together they were most of a kept page's time.
public struct HomeFacts: Sendable {
    public let employee: Stored<Employee>
    public let stamp: String
}

public struct HomeFactsStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// The employee and the stamp; nil when there is no such employee.
    public func facts(employeeID: Int64) throws(StorageError) -> HomeFacts? {
        try database.reading { db in
            guard let employee = try Stored<Employee>.fetchOne(db, key: employeeID) else { return nil }
            let stamps = [
                // Not the trainings' whole version: it counts every session and enrolment. The page shows
                // trainings only as sessions for a due requirement, from the catalogue snapshot, which
                // is itself at most a minute old, and completions are in the requirements' version.
                try RequirementStore.version(db), try TutorStore.version(db),
                try SurveyRoundStore.roundsStamp(db, organisationID: employee.organisationID),
                try InstructionStore.instructionsStamp(db, organisationID: employee.organisationID),
            ]
            // Hashed: the stamps run to hundreds of characters (the topics' names), and a kept page per
            // person carries its key.
            let digest = SHA256.hash(data: Data(stamps.joined(separator: "|").utf8))
            return HomeFacts(employee: employee, stamp: digest.map { String(format: "%02x", $0) }.joined())
        }
    }
}
