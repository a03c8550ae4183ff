import Crypto
import Foundation
import GRDB

/// What the home page needs before it knows whether its kept body is still good: the signed-in
/// employee, and a stamp of everything the page shows of them (the tutor network, required training
/// and completions, the organisation's rounds and instructions, who owns its onboarding templates).
public struct HomeFactsStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// The employee, and a stamp of their own onboarding checklist (what they tick changes it), in
    /// one read.
    public func employee(id: Int64) throws(StorageError) -> (employee: Stored<Employee>, onboarding: String)? {
        try database.reading { db in
            guard let employee = try Stored<Employee>.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM employees WHERE id = ?"), arguments: [id]) else { return nil }
            return (employee, try OnboardingStore.stamp(db, employeeID: id))
        }
    }

    /// The stamp of the organisation's data the home page shows, hashed: the stamps run to hundreds
    /// of characters (the topics' names), and a kept page per person carries its key.
    public func stamp(organisationID: Int64) throws(StorageError) -> String {
        try database.reading { db in
            let stamps = [
                // Not the trainings' whole version: it counts every session and enrolment. The page
                // shows trainings only as sessions for a due requirement, from the catalogue snapshot,
                // which is itself at most a minute old, and completions are in the requirements' version.
                try RequirementStore.version(db), try TutorStore.version(db),
                try SurveyRoundStore.roundsStamp(db, organisationID: organisationID),
                try InstructionStore.instructionsStamp(db, organisationID: organisationID),
                try OnboardingStore.ownersStamp(db, organisationID: organisationID),
            ]
            let digest = SHA256.hash(data: Data(stamps.joined(separator: "|").utf8))
            return digest.map { String(format: "%02x", $0) }.joined()
        }
    }
}
