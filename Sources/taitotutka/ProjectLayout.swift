#if canImport(Glibc)
import Glibc
#endif

/// Where the server finds its files: `Public/`, `Templates/` and `Migrations/` under one root.
struct ProjectLayout {
    let root: String
    var publicDirectory: String { root + "/Public" }
    var templatesDirectory: String { root + "/Templates" }
    var migrationsDirectory: String { root + "/Migrations" }

    /// Checks the folders exist, with a message that says which is missing and how to fix it.
    init(root: String) throws {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        let missing = ["Public", "Templates", "Migrations"].filter { !Self.isDirectory(self.root + "/" + $0) }
        guard missing.isEmpty else {
            throw CommandFailure(
                .usage, "\(root) is not a Taitotutka root: missing \(missing.joined(separator: ", ")). "
                    + "Run from the project folder or pass --root DIR.")
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
