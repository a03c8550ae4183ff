import Foundation
import Testing
@testable import HTTPServer

@Suite("StaticFiles without a server")
struct StaticFilesTests {
    /// A temporary Public-like folder with one stylesheet and one dot-file, removed afterwards.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("static-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base.appendingPathComponent("css"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try Data(String(repeating: "a { color: red }\n", count: 100).utf8).write(to: base.appendingPathComponent("css/site.css"))
        try Data("SECRET=1".utf8).write(to: base.appendingPathComponent(".env"))
        try body(base.path)
    }

    private func get(_ files: StaticFiles, _ path: String) throws -> Response {
        files.respond(to: try Request(method: .GET, target: "/static/x", headers: ["Host": "x"]), relativePath: path)
    }

    @Test func pathVariantsShareOneCacheEntry() throws {
        try withFolder { folder in
            let files = try #require(StaticFiles(directory: folder))
            for variant in ["css/site.css", "css//site.css", "/css/site.css", "css///site.css/", "//css/site.css"] {
                #expect(try get(files, variant).status == .ok, "\(variant)")
            }
            #expect(files.cachedFileCount == 1)
        }
    }

    @Test func refusesWhatMustNotBeServed() throws {
        try withFolder { folder in
            let files = try #require(StaticFiles(directory: folder))
            for path in ["", "css", "../etc/passwd", "css/../../etc/passwd", ".env", "css/./site.css", "css\\site.css", "css/site.css\0"] {
                #expect(try get(files, path).status == .notFound, "\(path)")
            }
            #expect(files.cachedFileCount == 0)
        }
    }

    @Test func missingDirectoryIsRefusedAtStart() {
        #expect(StaticFiles(directory: "/definitely/not/here") == nil)
    }

    @Test func changedFileIsReloaded() throws {
        try withFolder { folder in
            let files = try #require(StaticFiles(directory: folder))
            let first = try get(files, "css/site.css")
            try Data("b { color: blue }\n".utf8).write(to: URL(fileURLWithPath: folder + "/css/site.css"))
            let second = try get(files, "css/site.css")
            #expect(second.body.count == 18)
            #expect(first.headers["ETag"] != second.headers["ETag"])
        }
    }
}
