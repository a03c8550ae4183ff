import HTTPServer

/// The fields of a submitted form, URL-encoded or multipart, behind one interface.
public struct FormInput: Sendable {
    private let fields: [QueryItem]
    private let multipart: MultipartForm?

    /// Largest form body accepted outside routes that set their own limit (uploads).
    static let maxFields = 2000

    init(request: Request) throws(FormError) {
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        if contentType.hasPrefix("multipart/form-data") {
            multipart = try request.multipartForm()
            fields = []
        } else if request.body.isEmpty {
            multipart = nil
            fields = []
        } else {
            multipart = nil
            fields = try request.urlEncodedForm(maxFields: Self.maxFields).items
        }
    }

    /// The first value of field `name`, trimmed of surrounding whitespace.
    public subscript(name: String) -> String? {
        if let multipart { return multipart[name]?.trimmingCharacters(in: .whitespacesAndNewlines) }
        return fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value of `name` exactly as sent (passwords keep their spaces).
    public func raw(_ name: String) -> String? {
        if let multipart { return multipart[name] }
        return fields.first { $0.name == name }?.value
    }

    public func values(_ name: String) -> [String] {
        if let multipart { return multipart.values(name) }
        return fields.filter { $0.name == name }.map(\.value)
    }

    /// An uploaded file's part.
    public func file(_ name: String) -> MultipartPart? {
        multipart?.file(named: name)
    }
}
