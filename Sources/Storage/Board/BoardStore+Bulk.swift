import Foundation
import GRDB

/// An answer as the demo and benchmarks load it.
public struct BoardBulkAnswer: Sendable, Equatable {
    public var body: String
    public var authorUserID: Int64?
    public var solves: Bool
    public var createdAt: Date

    public init(body: String, authorUserID: Int64?, solves: Bool = false, createdAt: Date) {
        self.body = body
        self.authorUserID = authorUserID
        self.solves = solves
        self.createdAt = createdAt
    }
}

/// A unit's adoption as the demo loads it.
public struct BoardBulkAdoption: Sendable, Equatable {
    public var unitID: Int64
    public var organisationID: Int64
    public var userID: Int64?
    public var howItWent: String
    public var createdAt: Date

    public init(unitID: Int64, organisationID: Int64, userID: Int64?, howItWent: String, createdAt: Date) {
        self.unitID = unitID
        self.organisationID = organisationID
        self.userID = userID
        self.howItWent = howItWent
        self.createdAt = createdAt
    }
}

/// A post with everything that happened to it.
public struct BoardBulkItem: Sendable, Equatable {
    public var post: BoardPost
    public var answers: [BoardBulkAnswer]
    public var usefulUserIDs: [Int64]
    public var adoptions: [BoardBulkAdoption]

    public init(post: BoardPost, answers: [BoardBulkAnswer] = [], usefulUserIDs: [Int64] = [], adoptions: [BoardBulkAdoption] = []) {
        self.post = post
        self.answers = answers
        self.usefulUserIDs = usefulUserIDs
        self.adoptions = adoptions
    }
}

extension BoardStore {
    /// Stores many posts in one transaction with prepared statements (demo data, benchmarks): all or
    /// none. The counters and "solved" come from the same triggers the pages' writes go through.
    @discardableResult
    public func loadMany(_ items: [BoardBulkItem]) throws(StorageError) -> [Int64] {
        try database.writing { db in
            let answer = try db.makeStatement(sql: """
                INSERT INTO board_answers (post_id, body, author_user_id, solves, solved_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """)
            let useful = try db.makeStatement(sql: "INSERT OR IGNORE INTO board_useful (post_id, user_id, created_at) VALUES (?, ?, ?)")
            let adoption = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO board_adoptions (post_id, unit_id, organisation_id, user_id, how_it_went, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let index = try db.makeStatement(sql: "INSERT INTO board_search (rowid, title, body, answers) VALUES (?, ?, ?, ?)")
            var ids: [Int64] = []
            ids.reserveCapacity(items.count)
            for item in items {
                let post = try item.post.insertStored(db)
                for reply in item.answers {
                    try answer.execute(arguments: [post.id, reply.body, reply.authorUserID, reply.solves,
                                                   reply.solves ? item.post.authorUserID : nil, reply.createdAt])
                }
                for userID in item.usefulUserIDs {
                    try useful.execute(arguments: [post.id, userID, item.post.createdAt])
                }
                for unit in item.adoptions {
                    try adoption.execute(arguments: [post.id, unit.unitID, unit.organisationID, unit.userID, unit.howItWent, unit.createdAt])
                }
                try index.execute(arguments: Self.indexArguments(postID: post.id, item.post, answers: item.answers.map(\.body)))
                ids.append(post.id)
            }
            return ids
        }
    }
}
