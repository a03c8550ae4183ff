import Foundation
import GRDB

/// A municipality or welfare area.
public struct Organisation: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "organisations"

    public var slug: String
    public var name: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case slug, name
        case createdAt = "created_at"
    }

    public init(slug: String, name: String, createdAt: Date = Date()) {
        self.slug = slug
        self.name = name
        self.createdAt = createdAt
    }
}
