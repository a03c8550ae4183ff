import Foundation
import GRDB

/// A municipality or welfare area.
public struct Organisation: Codable, Sendable, Equatable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "organisations"

    public var id: Int64?
    public var slug: String
    public var name: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, slug, name
        case createdAt = "created_at"
    }

    public init(id: Int64? = nil, slug: String, name: String, createdAt: Date = Date()) {
        self.id = id
        self.slug = slug
        self.name = name
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
