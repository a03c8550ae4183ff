import Foundation
import GRDB

/// The training catalogue: series, trainings with their areas, audience, materials and offers, and the
/// organisation's trainers.
public struct TrainingCatalogueStore: Sendable {
    private let database: AppDatabase

    public init(_ database: AppDatabase) {
        self.database = database
    }

    // MARK: - Trainers

    /// Whether HR named `userID` a trainer of the organisation.
    public func isTrainer(userID: Int64, organisationID: Int64) throws(StorageError) -> Bool {
        try database.reading { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM trainers WHERE organisation_id = ? AND user_id = ?",
                              arguments: [organisationID, userID]) ?? false
        }
    }

    /// The organisations where `userID` is a trainer.
    public func trainerOrganisations(userID: Int64) throws(StorageError) -> Set<Int64> {
        try database.reading { db in
            Set(try Int64.fetchAll(db, sql: "SELECT organisation_id FROM trainers WHERE user_id = ?", arguments: [userID]))
        }
    }

    /// The user ids of the organisation's trainers.
    public func trainers(organisationID: Int64) throws(StorageError) -> [Int64] {
        try database.reading { db in
            try Int64.fetchAll(db, sql: "SELECT user_id FROM trainers WHERE organisation_id = ? ORDER BY user_id",
                               arguments: [organisationID])
        }
    }

    /// Names or un-names a trainer of the organisation.
    public func setTrainer(userID: Int64, organisationID: Int64, _ isTrainer: Bool) throws(StorageError) {
        try database.writing { db in
            if isTrainer {
                try db.execute(sql: "INSERT OR IGNORE INTO trainers (organisation_id, user_id) VALUES (?, ?)",
                               arguments: [organisationID, userID])
            } else {
                try db.execute(sql: "DELETE FROM trainers WHERE organisation_id = ? AND user_id = ?",
                               arguments: [organisationID, userID])
            }
        }
    }

    // MARK: - Series

    /// The organisation's series by Finnish title.
    public func series(organisationID: Int64) throws(StorageError) -> [Stored<TrainingSeries>] {
        try database.reading { db in
            try Stored<TrainingSeries>.filter(Column("organisation_id") == organisationID)
                .order(Column("title_fi"), Column("id")).fetchAll(db)
        }
    }

    public func series(id: Int64) throws(StorageError) -> Stored<TrainingSeries>? {
        try database.reading { db in try Stored<TrainingSeries>.fetchOne(db, key: id) }
    }

    /// Creates a series; `.conflict` when the organisation has one of that Finnish title.
    public func createSeries(_ series: TrainingSeries) throws(StorageError) -> Stored<TrainingSeries> {
        try database.writing(conflict: { _ in Self.seriesTitleTaken(series.titleFi) }) { db in
            try series.insertStored(db)
        }
    }

    /// Saves a series' title, description and whether it is active.
    public func updateSeries(_ series: Stored<TrainingSeries>) throws(StorageError) {
        try database.writing(conflict: { _ in Self.seriesTitleTaken(series.titleFi) }) { db in
            try series.update(db)
        }
    }

    private static func seriesTitleTaken(_ title: String) -> String {
        "The organisation already has a series named “\(title)”."
    }

    // MARK: - Trainings

    /// The trainings an organisation's people may see: its own and those offered to it, by title.
    public func trainings(visibleTo organisationID: Int64, includeRetired: Bool = false) throws(StorageError) -> [Stored<Training>] {
        try database.reading { db in
            try Stored<Training>.fetchAll(db, sql: """
                SELECT * FROM trainings
                WHERE (organisation_id = :organisation
                       OR id IN (SELECT training_id FROM training_offers WHERE organisation_id = :organisation))
                  AND (active = 1 OR :retired)
                ORDER BY title_fi, id
                """, arguments: ["organisation": organisationID, "retired": includeRetired])
        }
    }

    public func training(id: Int64) throws(StorageError) -> Stored<Training>? {
        try database.reading { db in try Stored<Training>.fetchOne(db, key: id) }
    }

    /// A training with its areas, audience, materials and offers.
    public func details(trainingID: Int64) throws(StorageError) -> TrainingDetails? {
        try database.reading { db in
            guard let training = try Stored<Training>.fetchOne(db, key: trainingID) else { return nil }
            return try Self.details(db, training)
        }
    }

    /// Area codes of many trainings at once, by training id.
    public func areaCodes(trainingIDs: [Int64]) throws(StorageError) -> [Int64: [String]] {
        guard !trainingIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var codes: [Int64: [String]] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT training_id, area_code FROM training_areas WHERE training_id IN (SELECT value FROM json_each(?))
                ORDER BY training_id, area_code
                """, arguments: [Self.jsonArray(trainingIDs)])
            for row in rows {
                codes[row["training_id"], default: []].append(row["area_code"])
            }
            return codes
        }
    }

    /// Audiences of many trainings at once, by training id (trainings for everyone are left out).
    public func audiences(trainingIDs: [Int64]) throws(StorageError) -> [Int64: TrainingAudience] {
        guard !trainingIDs.isEmpty else { return [:] }
        return try database.reading { db in
            var audiences: [Int64: TrainingAudience] = [:]
            let rows = try Row.fetchAll(db, sql: """
                SELECT training_id, sector_id, job_group FROM training_audience
                WHERE training_id IN (SELECT value FROM json_each(?))
                """, arguments: [Self.jsonArray(trainingIDs)])
            for row in rows {
                let id: Int64 = row["training_id"]
                if let sector: Int64 = row["sector_id"] { audiences[id, default: .everyone].sectorIDs.insert(sector) }
                if let group: String = row["job_group"] { audiences[id, default: .everyone].jobGroups.insert(group) }
            }
            return audiences
        }
    }

    /// Stores a new training with what hangs on it.
    public func create(_ details: TrainingDraft) throws(StorageError) -> Stored<Training> {
        try database.writing { db in
            let training = try details.training.insertStored(db)
            try Self.replaceParts(db, trainingID: training.id, details)
            return training
        }
    }

    /// Saves a training and replaces its areas, audience, materials and offers.
    public func update(_ training: Stored<Training>, _ details: TrainingDraft) throws(StorageError) {
        try database.writing { db in
            var record = details.training
            record.createdAt = training.createdAt
            record.updatedAt = Date()
            try Stored(id: training.id, record: record).update(db)
            try Self.replaceParts(db, trainingID: training.id, details)
        }
    }

    static func details(_ db: Database, _ training: Stored<Training>) throws -> TrainingDetails {
        let codes = try String.fetchAll(db, sql: "SELECT area_code FROM training_areas WHERE training_id = ? ORDER BY area_code",
                                        arguments: [training.id])
        var audience = TrainingAudience.everyone
        for row in try Row.fetchAll(db, sql: "SELECT sector_id, job_group FROM training_audience WHERE training_id = ?",
                                    arguments: [training.id]) {
            if let sector: Int64 = row["sector_id"] { audience.sectorIDs.insert(sector) }
            if let group: String = row["job_group"] { audience.jobGroups.insert(group) }
        }
        let materials = try Row.fetchAll(db, sql: """
            SELECT title, url FROM training_materials WHERE training_id = ? ORDER BY position, id
            """, arguments: [training.id]).map { TrainingMaterial(title: $0["title"], url: $0["url"]) }
        let offers = Set(try Int64.fetchAll(db, sql: "SELECT organisation_id FROM training_offers WHERE training_id = ?",
                                            arguments: [training.id]))
        return TrainingDetails(training: training, areaCodes: codes, audience: audience, materials: materials,
                               offeredTo: offers)
    }

    private static func replaceParts(_ db: Database, trainingID: Int64, _ details: TrainingDraft) throws {
        for table in ["training_areas", "training_audience", "training_materials", "training_offers"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE training_id = ?", arguments: [trainingID])
        }
        for code in Set(details.areaCodes) {
            try db.execute(sql: "INSERT INTO training_areas (training_id, area_code) VALUES (?, ?)",
                           arguments: [trainingID, code])
        }
        for sector in details.audience.sectorIDs {
            try db.execute(sql: "INSERT INTO training_audience (training_id, sector_id) VALUES (?, ?)",
                           arguments: [trainingID, sector])
        }
        for group in details.audience.jobGroups {
            try db.execute(sql: "INSERT INTO training_audience (training_id, job_group) VALUES (?, ?)",
                           arguments: [trainingID, group])
        }
        for (position, material) in details.materials.enumerated() {
            try db.execute(sql: "INSERT INTO training_materials (training_id, position, title, url) VALUES (?, ?, ?, ?)",
                           arguments: [trainingID, position, material.title, material.url])
        }
        for organisation in details.offeredTo where organisation != details.training.organisationID {
            try db.execute(sql: "INSERT INTO training_offers (training_id, organisation_id) VALUES (?, ?)",
                           arguments: [trainingID, organisation])
        }
    }

    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}

/// A training as a form or the demo gives it, with what hangs on it, before it is stored.
public struct TrainingDraft: Sendable, Equatable {
    public var training: Training
    public var areaCodes: [String]
    public var audience: TrainingAudience
    public var materials: [TrainingMaterial]
    public var offeredTo: Set<Int64>

    public init(training: Training, areaCodes: [String], audience: TrainingAudience = .everyone,
                materials: [TrainingMaterial] = [], offeredTo: Set<Int64> = []) {
        self.training = training
        self.areaCodes = areaCodes
        self.audience = audience
        self.materials = materials
        self.offeredTo = offeredTo
    }
}
