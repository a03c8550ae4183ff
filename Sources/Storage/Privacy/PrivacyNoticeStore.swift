import Foundation
import GRDB

/// An organisation's privacy notice as HR saved it.
public struct PrivacyNotice: Sendable, Equatable {
    public let body: String
    public let updatedAt: Date
}

/// The privacy notices (tietosuojaseloste) of the organisations.
public struct PrivacyNoticeStore: Sendable {
    let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    /// The organisation's saved notice, or nil when HR has not written one (the template stands in).
    public func notice(organisationID: Int64) throws(StorageError) -> PrivacyNotice? {
        try database.reading { db in
            try Row.fetchOne(db, sql: "SELECT body, updated_at FROM privacy_notices WHERE organisation_id = ?",
                             arguments: [organisationID]).map { PrivacyNotice(body: $0["body"], updatedAt: $0["updated_at"]) }
        }
    }

    /// Saves the organisation's notice, replacing the previous text.
    public func save(organisationID: Int64, body: String, by userID: Int64?, now: Date = Date()) throws(StorageError) {
        try database.writing { db in
            try db.execute(sql: """
                INSERT INTO privacy_notices (organisation_id, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (organisation_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by
                """, arguments: [organisationID, body, now, userID])
        }
    }
}
