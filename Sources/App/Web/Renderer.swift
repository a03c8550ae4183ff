import Foundation
import HTTPServer
import Mustache

/// Loads the Mustache templates once and renders pages inside the common layout.
///
/// Templates live in `Templates/` (one folder per feature, `layout.mustache`, `partials/`), named by
/// their path without the extension. Mustache escapes `{{value}}` for HTML, quotes included; the
/// only unescaped insertion is the rendered page body into the layout.
public struct Renderer: Sendable {
    private let library: MustacheLibrary
    public let templateNames: Set<String>

    public init(directory: String) throws {
        var library = MustacheLibrary()
        var names: Set<String> = []
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw RendererError.unreadableDirectory(root)
        }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let text = try? String(contentsOfFile: root + "/" + relative, encoding: .utf8) else {
                throw RendererError.unreadableTemplate(relative)
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw RendererError.badTemplate(relative, "\(error)")
            }
            names.insert(name)
        }
        self.library = library
        self.templateNames = names
    }

    /// Renders `template` with `object`; a missing template is a programming error reported as such.
    public func render(_ template: String, _ object: Any) throws(RendererError) -> String {
        guard let html = library.render(object, withTemplate: template) else {
            throw .missingTemplate(template)
        }
        return html
    }
}

public enum RendererError: Error, CustomStringConvertible {
    case unreadableDirectory(String)
    case unreadableTemplate(String)
    case badTemplate(String, String)
    case missingTemplate(String)

    public var description: String {
        switch self {
        case .unreadableDirectory(let path): return "Cannot read the templates folder \(path)."
        case .unreadableTemplate(let name): return "Cannot read the template \(name)."
        case .badTemplate(let name, let reason): return "The template \(name) does not parse: \(reason)"
        case .missingTemplate(let name): return "There is no template named \(name)."
        }
    }
}
