import Foundation
import Testing
@testable import App

/// The CSV files under Fixtures/import, and helpers for reading text as an upload.
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Reads UTF-8 text with the default reader.
    static func read(_ text: String, limits: EmployeeCSVReader.Limits = .init()) throws -> EmployeeImportPreview {
        try EmployeeCSVReader(limits: limits).read(Array(text.utf8))
    }

    /// The error a whole-file refusal throws, or nil when the file was read.
    static func refusal(_ bytes: [UInt8], limits: EmployeeCSVReader.Limits = .init()) -> EmployeeImportError? {
        do {
            _ = try EmployeeCSVReader(limits: limits).read(bytes)
            return nil
        } catch {
            return error
        }
    }

    static func refusal(_ text: String) -> EmployeeImportError? { refusal(Array(text.utf8)) }

    static let minimalHeader = "Henkilönumero;Etunimi;Sukunimi"
}
