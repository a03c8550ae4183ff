import Foundation
import GRDB
import Testing
@testable import Storage

/// The framework shipped with Taitotutka (migration 0004), read straight from the migrated database.
@Suite("Default competence framework")
struct DefaultFrameworkTests {
    static let expectedAreas: [(code: String, kind: String)] = [
        ("ict-basics", "competence"), ("digital-work", "competence"), ("digital-solutions", "competence"),
        ("information-security", "competence"), ("ethics", "competence"), ("client-guidance", "competence"),
        ("leadership-support", "factor"), ("unit-practices", "factor"), ("colleagues", "factor"),
    ]

    /// Statements are read on phones, often in a short break.
    static let longestStatement = 140

    @Test func oneShippedFrameworkIsPublishedAsVersionOne() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let rows = try temporary.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT organisation_id, code, status, version, published_at FROM frameworks")
        }
        #expect(rows.count == 1)
        let framework = try #require(rows.first)
        #expect(framework["organisation_id"] as Int64? == nil)
        #expect(framework["code"] as String? == "digiosaaminen")
        #expect(framework["status"] as String? == "published")
        #expect(framework["version"] as Int? == 1)
        #expect(framework["published_at"] as String? != nil)
    }

    @Test func areasComeInOrderWithTheirKinds() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let rows = try temporary.database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT code, kind, position FROM framework_areas ORDER BY position")
        }
        #expect(rows.map { $0["code"] as String? ?? "" } == Self.expectedAreas.map(\.code))
        #expect(rows.map { $0["kind"] as String? ?? "" } == Self.expectedAreas.map(\.kind))
        #expect(rows.map { $0["position"] as Int? ?? 0 } == Array(1...Self.expectedAreas.count))
    }

    @Test func everyAreaHasFourToEightStatementsNumberedFromOne() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let rows = try temporary.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.code AS area, count(s.id) AS count, min(s.position) AS first, max(s.position) AS last,
                       count(DISTINCT s.position) AS positions
                FROM framework_areas a LEFT JOIN framework_statements s ON s.area_id = a.id
                GROUP BY a.id ORDER BY a.position
                """)
        }
        #expect(rows.count == Self.expectedAreas.count)
        for row in rows {
            let area = row["area"] as String? ?? "?"
            let count = row["count"] as Int? ?? 0
            #expect((4...8).contains(count), "area \(area) has \(count) statements")
            #expect(row["first"] as Int? == 1, "area \(area)")
            #expect(row["last"] as Int? == count, "area \(area)")
            #expect(row["positions"] as Int? == count, "area \(area)")
        }
    }

    @Test func statementCodesAreUniqueAndNamedAfterTheirArea() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let rows = try temporary.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.code, a.code AS area FROM framework_statements s JOIN framework_areas a ON a.id = s.area_id
                """)
        }
        let codes = rows.map { $0["code"] as String? ?? "" }
        #expect(Set(codes).count == codes.count)
        for row in rows {
            let code = row["code"] as String? ?? ""
            let area = row["area"] as String? ?? "?"
            #expect(code.hasPrefix(area + "-"), "statement \(code) in area \(area)")
        }
    }

    @Test func everyTextExistsInFinnishSwedishAndEnglish() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let empty = try temporary.database.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT 'framework ' || code FROM frameworks
                WHERE trim(name_fi) = '' OR trim(name_sv) = '' OR trim(name_en) = ''
                UNION ALL
                SELECT 'area ' || code FROM framework_areas
                WHERE trim(name_fi) = '' OR trim(name_sv) = '' OR trim(name_en) = ''
                   OR trim(description_fi) = '' OR trim(description_sv) = '' OR trim(description_en) = ''
                UNION ALL
                SELECT 'statement ' || code FROM framework_statements
                WHERE trim(text_fi) = '' OR trim(text_sv) = '' OR trim(text_en) = ''
                UNION ALL
                SELECT 'scale label ' || value FROM framework_scale_labels
                WHERE trim(label_fi) = '' OR trim(label_sv) = '' OR trim(label_en) = ''
                """)
        }
        #expect(empty.isEmpty, "missing text: \(empty)")
    }

    @Test func statementsFitAPhoneScreen() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let tooLong = try temporary.database.pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT code FROM framework_statements
                WHERE max(length(text_fi), length(text_sv), length(text_en)) > ?
                """, arguments: [Self.longestStatement])
        }
        #expect(tooLong.isEmpty, "longer than \(Self.longestStatement) characters: \(tooLong)")
    }

    @Test func theScaleHasFiveLabelledPoints() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let (scale, labels) = try temporary.database.pool.read { db in
            (try Row.fetchOne(db, sql: "SELECT scale_min, scale_max FROM frameworks"),
             try Row.fetchAll(db, sql: "SELECT value, label_en FROM framework_scale_labels ORDER BY value"))
        }
        #expect(scale?["scale_min"] as Int? == 1)
        #expect(scale?["scale_max"] as Int? == 5)
        #expect(labels.map { $0["value"] as Int? ?? 0 } == [1, 2, 3, 4, 5])
        #expect(labels.first?["label_en"] as String? == "Strongly disagree")
        #expect(labels.last?["label_en"] as String? == "Strongly agree")
    }

    @Test func targetsAreSetForEveryoneOnCompetenceAreasOnly() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        let rows = try temporary.database.pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.code, t.level, t.sector_id, t.job_group
                FROM framework_targets t JOIN framework_areas a ON a.id = t.area_id ORDER BY a.position
                """)
        }
        let levels = Dictionary(rows.map { ($0["code"] as String? ?? "", $0["level"] as Double? ?? 0) }) { first, _ in first }
        #expect(rows.count == 6)
        #expect(levels == [
            "ict-basics": 4.0, "digital-work": 3.5, "digital-solutions": 3.5,
            "information-security": 4.0, "ethics": 3.5, "client-guidance": 3.5,
        ])
        #expect(rows.allSatisfy { $0["sector_id"] as Int64? == nil && $0["job_group"] as String? == nil })
    }

    @Test func thePublishedFrameworkCannotBeChanged() throws {
        let temporary = try TemporaryDatabase()
        defer { temporary.remove() }
        try temporary.database.pool.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE framework_statements SET text_fi = 'Muutettu' WHERE code = 'ict-basics-1'")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "DELETE FROM framework_areas WHERE code = 'colleagues'")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE frameworks SET name_fi = 'Muutettu'")
            }
        }
        let text = try temporary.database.pool.read { db in
            try String.fetchOne(db, sql: "SELECT text_fi FROM framework_statements WHERE code = 'ict-basics-1'")
        }
        #expect(text?.hasPrefix("Osaan") == true)
    }
}
