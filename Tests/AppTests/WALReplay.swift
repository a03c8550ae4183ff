import Foundation
import GRDB

/// What an attacker with a copy of the database file and its `-wal` can rebuild: the database as it
/// stood after each commit still in the log, oldest first (SQLite's WAL format: a 32-byte header,
/// then frames of a 24-byte header and one page; a frame whose "size after commit" is non-zero ends
/// a transaction; frames whose salts differ from the header's are left over from before the last
/// checkpoint and are not replayed, but their bytes are still in the file).
struct WALReplay {
    let main: [UInt8]
    let log: [UInt8]
    let pageSize: Int

    init(databasePath: String) throws {
        main = Array(FileManager.default.contents(atPath: databasePath) ?? Data())
        log = Array(FileManager.default.contents(atPath: databasePath + "-wal") ?? Data())
        guard main.count >= 100 else { throw TestFailure("no database at \(databasePath)") }
        // The page size is at offset 16 of the database header (1 means 65,536).
        let size = Int(main[16]) << 8 | Int(main[17])
        pageSize = size == 1 ? 65_536 : size
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The database image after each commit in the log.
    func commitImages() -> [[UInt8]] {
        guard log.count >= 32 else { return [] }
        let salts = (Self.word(log, 16), Self.word(log, 20))
        var image = main
        var images: [[UInt8]] = []
        var offset = 32
        while offset + 24 + pageSize <= log.count {
            let page = Int(Self.word(log, offset))
            let commitSize = Int(Self.word(log, offset + 4))
            guard (Self.word(log, offset + 8), Self.word(log, offset + 12)) == salts, page > 0 else { break }
            let start = (page - 1) * pageSize
            if image.count < start + pageSize { image += Array(repeating: 0, count: start + pageSize - image.count) }
            image.replaceSubrange(start..<start + pageSize, with: log[(offset + 24)..<(offset + 24 + pageSize)])
            if commitSize > 0 {
                if image.count > commitSize * pageSize { image.removeLast(image.count - commitSize * pageSize) }
                images.append(image)
            }
            offset += 24 + pageSize
        }
        return images
    }

    /// Opens an image as a database of its own: the header's WAL flags are set to the rollback
    /// journal's, so SQLite reads the file alone.
    static func open(_ image: [UInt8], in folder: String) throws -> DatabaseQueue {
        var bytes = image
        bytes[18] = 1
        bytes[19] = 1
        let path = folder + "/image-\(UUID().uuidString).sqlite"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw TestFailure("cannot write \(path)") }
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Every row of `table` as text, for comparing one commit with the next.
    static func rows(_ db: Database, _ table: String) throws -> Set<String> {
        guard try db.tableExists(table) else { return [] }
        return Set(try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
            row.databaseValues.map { value -> String in
                if case .blob(let data) = value.storage { return data.base64EncodedString() }
                return value.description
            }.joined(separator: "|")
        })
    }
}
