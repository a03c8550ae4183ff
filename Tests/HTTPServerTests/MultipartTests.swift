import Testing
@testable import HTTPServer

@Suite("multipart/form-data")
struct MultipartTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    private func request(_ body: [UInt8], contentType: String = "multipart/form-data; boundary=\(boundary)") throws -> Request {
        try Request(method: .POST, target: "/x", headers: ["Content-Type": contentType], body: body)
    }

    private func request(_ body: String, contentType: String = "multipart/form-data; boundary=\(boundary)") throws -> Request {
        try request(Array(body.utf8), contentType: contentType)
    }

    /// A body the way Chrome writes it for a text field and a CSV upload.
    private static let browserBody = """
        ------WebKitFormBoundary7MA4YWxkTrZu0gW\r
        Content-Disposition: form-data; name="title"\r
        \r
        Osaamiskartoitus 2025\r
        ------WebKitFormBoundary7MA4YWxkTrZu0gW\r
        Content-Disposition: form-data; name="file"; filename="osaaminen.csv"\r
        Content-Type: text/csv\r
        \r
        nimi;taito;taso\r
        Äijä Öljynen;Excel;3\r
        \r
        ------WebKitFormBoundary7MA4YWxkTrZu0gW--\r

        """

    private static func simplePart(_ name: String, _ value: String, boundary: String = boundary) -> String {
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
    }

    @Test func parsesBrowserBody() throws {
        let form = try request(Self.browserBody).multipartForm()
        try #require(form.parts.count == 2)

        let title = form.parts[0]
        #expect(title.name == "title")
        #expect(title.filename == nil)
        #expect(title.contentType == nil)
        #expect(title.text == "Osaamiskartoitus 2025")
        #expect(form["title"] == "Osaamiskartoitus 2025")

        let file = try #require(form.file(named: "file"))
        #expect(file.name == "file")
        #expect(file.filename == "osaaminen.csv")
        #expect(file.contentType == "text/csv")
        #expect(file.headers["content-type"] == "text/csv")
        #expect(file.body == Array("nimi;taito;taso\r\nÄijä Öljynen;Excel;3\r\n".utf8))
        #expect(form["file"] == nil)
        #expect(form.part(named: "file")?.filename == "osaaminen.csv")
        #expect(form.file(named: "title") == nil)
        #expect(form.part(named: "nope") == nil)
    }

    @Test func quotedAndUnquotedBoundaries() throws {
        let boundaries = ["simple", "gc0pJq0M:08jU534c0p", "with space", "'()+_,-./:=?", String(repeating: "b", count: 70)]
        for boundary in boundaries {
            let body = Self.simplePart("a", "1", boundary: boundary) + "--\(boundary)--\r\n"
            let quoted = try request(body, contentType: "multipart/form-data; boundary=\"\(boundary)\"").multipartForm()
            #expect(quoted["a"] == "1", "boundary \(boundary)")
            if !boundary.contains(" ") {
                let unquoted = try request(body, contentType: "Multipart/Form-Data; charset=utf-8; BOUNDARY=\(boundary)")
                #expect(try unquoted.multipartForm()["a"] == "1", "boundary \(boundary)")
            }
        }
    }

    @Test func boundaryTextWithoutLeadingCRLFDoesNotSplit() throws {
        let b = "XyZ"
        let tricky = "--XyZ at start\r\nmid --XyZ\r\nline\n--XyZ\r\n\r\n--XyZX\r\n\r\n--XyZ-\r\n\r\n--XyZ--more"
        let body = "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n\(tricky)\r\n--XyZ--\r\n"
        let form = try request(body, contentType: "multipart/form-data; boundary=\(b)").multipartForm()
        try #require(form.parts.count == 1)
        #expect(form["t"] == tricky)
    }

    @Test func binaryContentIsPreservedByteExactly() throws {
        var payload: [UInt8] = Array(0...255)
        payload += [0x0D, 0x0A, 0x0D, 0x0A, 0, 0, 0x0D, 0x0D, 0x0A, 0x0A, 0x0D, 0x0A, UInt8(ascii: "-"), 0x0D, 0x0A]
        payload += Array("\r\n--\(Self.boundary.dropLast())".utf8) + [0, 0x0D]
        payload += (0...255 as ClosedRange<UInt8>).reversed()
        var body = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"bin\"; filename=\"x.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += payload
        body += Array("\r\n--\(Self.boundary)--".utf8)
        let form = try request(body).multipartForm()
        let part = try #require(form.file(named: "bin"))
        #expect(part.body == payload)
        #expect(part.text == nil)
    }

    @Test func preambleAndEpilogueAreIgnored() throws {
        let body = "This is the preamble, to be ignored.\r\n--\(Self.boundary)-not-a-delimiter\r\n"
            + Self.simplePart("a", "1") + Self.simplePart("b", "2")
            + "--\(Self.boundary)--\r\nThis is the epilogue.\r\n" + Self.simplePart("c", "3") + "--\(Self.boundary)--\r\n"
        let form = try request(body).multipartForm()
        #expect(form.parts.map(\.name) == ["a", "b"])
        #expect(form["a"] == "1")
        #expect(form["b"] == "2")
    }

    @Test func transportPaddingAndCloseWithoutFinalCRLF() throws {
        let body = "--\(Self.boundary) \t\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--\(Self.boundary)--"
        #expect(try request(body).multipartForm()["a"] == "1")
    }

    @Test func emptyFormAndEmptyValues() throws {
        #expect(try request("--\(Self.boundary)--\r\n").multipartForm().parts.isEmpty)
        let form = try request(Self.simplePart("a", "") + Self.simplePart("a", "x") + "--\(Self.boundary)--\r\n").multipartForm()
        #expect(form.values("a") == ["", "x"])
        #expect(form["a"] == "")
    }

    @Test func emptyFileInputHasEmptyFilename() throws {
        let body = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\r\n--\(Self.boundary)--\r\n"
        let form = try request(body).multipartForm()
        #expect(form.part(named: "file")?.filename == "")
        #expect(form.part(named: "file")?.body == [])
        #expect(form.file(named: "file") == nil)
    }

    @Test(arguments: [
        ("C:\\Users\\matti\\Documents\\raportti.csv", "raportti.csv"),
        ("C:\\\\Users\\\\matti\\\\raportti.csv", "raportti.csv"),
        ("/home/matti/raportti.csv", "raportti.csv"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("dir/..", ""),
        ("kuva ä.png", "kuva ä.png"),
        ("my \\\"quoted\\\" file.txt", "my \"quoted\" file.txt"),
        ("trailing/", ""),
    ])
    func filenameLosesDirectories(sent: String, expected: String) throws {
        let body = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\(sent)\"\r\n\r\ndata\r\n--\(Self.boundary)--\r\n"
        let part = try #require(try request(body).multipartForm().part(named: "f"))
        #expect(part.filename == expected)
        #expect(part.text == "data")
    }

    @Test func quotedNameWithEscapesAndUnquotedName() throws {
        let body = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"say \\\"hi\\\"\"\r\n\r\n1\r\n"
            + "--\(Self.boundary)\r\ncontent-disposition: FORM-DATA;name=plain\r\n\r\n2\r\n--\(Self.boundary)--\r\n"
        let form = try request(body).multipartForm()
        #expect(form.parts.map(\.name) == ["say \"hi\"", "plain"])
    }

    @Test func truncatedBodyIs400() throws {
        let full = Array(Self.browserBody.utf8)
        for cut in [0, 10, 60, 120, full.count - 40, full.count - 8, full.count - 4] {
            let error = #expect(throws: FormError.self) { try request(Array(full[..<cut])).multipartForm() }
            #expect(error?.status == .badRequest, "cut at \(cut)")
        }
        // The last delimiter present but not the closing `--`: that is truncation too.
        let noClose = Self.simplePart("a", "1") + "--\(Self.boundary)\r\n"
        #expect(throws: FormError.self) { try request(noClose).multipartForm() }
        #expect(throws: FormError.missingCloseDelimiter) {
            try request(Self.simplePart("a", "1") + "--\(Self.boundary)").multipartForm()
        }
        #expect(throws: FormError.missingCloseDelimiter) {
            try request(Self.simplePart("a", "unfinished")).multipartForm()
        }
        #expect(throws: FormError.missingCloseDelimiter) { try request("no delimiters at all").multipartForm() }
    }

    /// Too many parts is 413: it is a size limit a legitimate but large form can reach.
    @Test func tooManyPartsIs413() throws {
        let body = (1...3).map { Self.simplePart("f\($0)", "v") }.joined() + "--\(Self.boundary)--\r\n"
        #expect(try request(body).multipartForm(limits: .init(maxParts: 3)).parts.count == 3)
        let error = #expect(throws: FormError.self) { try request(body).multipartForm(limits: .init(maxParts: 2)) }
        #expect(error == .tooManyParts)
        #expect(error?.status == .contentTooLarge)

        let many = (1...101).map { Self.simplePart("f\($0)", "v") }.joined() + "--\(Self.boundary)--\r\n"
        #expect(throws: FormError.tooManyParts) { try request(many).multipartForm() }
    }

    /// An oversized part header section is 400, not 431 (431 is about the request's own headers).
    @Test func oversizedPartHeaderIs400() throws {
        let header = "Content-Disposition: form-data; name=\"a\"\r\n"
        let body = "--\(Self.boundary)\r\n\(header)\r\nv\r\n--\(Self.boundary)--\r\n"
        let exact = MultipartLimits(maxPartHeaderBytes: header.utf8.count)
        #expect(try request(body).multipartForm(limits: exact)["a"] == "v")
        let smaller = MultipartLimits(maxPartHeaderBytes: header.utf8.count - 1)
        let error = #expect(throws: FormError.self) { try request(body).multipartForm(limits: smaller) }
        #expect(error == .partHeadersTooLarge)
        #expect(error?.status == .badRequest)

        let huge = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Padding: "
            + String(repeating: "p", count: 9000) + "\r\n\r\nv\r\n--\(Self.boundary)--\r\n"
        #expect(throws: FormError.partHeadersTooLarge) { try request(huge).multipartForm() }
        // Headers that never end must not be scanned beyond the limit either.
        let endless = "--\(Self.boundary)\r\n" + String(repeating: "X-A: b\r\n", count: 20000)
        #expect(throws: FormError.partHeadersTooLarge) { try request(endless).multipartForm() }
    }

    @Test func partBodyAndNameLimits() throws {
        let body = Self.simplePart("name", "12345") + "--\(Self.boundary)--\r\n"
        #expect(try request(body).multipartForm(limits: .init(maxPartBodyBytes: 5))["name"] == "12345")
        let error = #expect(throws: FormError.self) { try request(body).multipartForm(limits: .init(maxPartBodyBytes: 4)) }
        #expect(error == .partTooLarge)
        #expect(error?.status == .contentTooLarge)
        #expect(try request(body).multipartForm(limits: .init(maxFieldNameLength: 4))["name"] == "12345")
        #expect(throws: FormError.partNameTooLong) {
            try request(body).multipartForm(limits: .init(maxFieldNameLength: 3))
        }
    }

    @Test(arguments: [
        "Content-Disposition: form-data; filename=\"a.txt\"",
        "Content-Disposition: form-data; name=\"\"",
        "Content-Disposition: form-data",
    ])
    func missingNameIs400(disposition: String) throws {
        let body = "--\(Self.boundary)\r\n\(disposition)\r\n\r\nv\r\n--\(Self.boundary)--\r\n"
        let error = #expect(throws: FormError.self) { try request(body).multipartForm() }
        #expect(error == .missingPartName)
        #expect(error?.status == .badRequest)
    }

    @Test(arguments: [
        "Content-Type: text/plain",
        "Content-Disposition: attachment; name=\"a\"",
        "Content-Disposition: form-data; name=\"a\"; name=\"b\"",
        "Content-Disposition: form-data; name=\"a\r\nContent-Disposition: form-data; name=\"b\"",
        "Content-Disposition: form-data; name=\"unterminated",
        "Content-Disposition: form-data; name=a b",
    ])
    func invalidDispositionIs400(headers: String) throws {
        let body = "--\(Self.boundary)\r\n\(headers)\r\n\r\nv\r\n--\(Self.boundary)--\r\n"
        #expect(throws: FormError.invalidContentDisposition) { try request(body).multipartForm() }
    }

    @Test(arguments: [
        "Content-Disposition: form-data; name=\"a\"\nX: y\r\n",
        "Content-Disposition: form-data; name=\"a\"\r\n folded\r\n",
        "no colon here\r\nContent-Disposition: form-data; name=\"a\"\r\n",
        "Bad Name: x\r\nContent-Disposition: form-data; name=\"a\"\r\n",
        "X: nul\u{0}byte\r\nContent-Disposition: form-data; name=\"a\"\r\n",
        "X: bare\rCR\r\nContent-Disposition: form-data; name=\"a\"\r\n",
        ": empty name\r\nContent-Disposition: form-data; name=\"a\"\r\n",
    ])
    func malformedPartHeadersAre400(headers: String) throws {
        let body = "--\(Self.boundary)\r\n\(headers)\r\nv\r\n--\(Self.boundary)--\r\n"
        let error = #expect(throws: FormError.self) { try request(body).multipartForm() }
        #expect(error == .malformedPartHeaders)
        #expect(error?.status == .badRequest)
    }

    @Test func partWithoutHeadersIs400() throws {
        let body = "--\(Self.boundary)\r\n\r\nv\r\n--\(Self.boundary)--\r\n"
        #expect(throws: FormError.invalidContentDisposition) { try request(body).multipartForm() }
    }

    @Test(arguments: ["application/x-www-form-urlencoded", "multipart/mixed; boundary=x", "text/plain"])
    func wrongContentTypeIs415(contentType: String) throws {
        let error = #expect(throws: FormError.self) {
            try request(Self.browserBody, contentType: contentType).multipartForm()
        }
        #expect(error == .unsupportedMediaType)
        #expect(error?.status.code == 415)
    }

    @Test func missingContentTypeIs415() throws {
        let request = try Request(method: .POST, target: "/x", body: Array(Self.browserBody.utf8))
        #expect(throws: FormError.unsupportedMediaType) { try request.multipartForm() }
    }

    @Test func missingBoundaryIs400() throws {
        let error = #expect(throws: FormError.self) {
            try request(Self.browserBody, contentType: "multipart/form-data").multipartForm()
        }
        #expect(error == .missingBoundary)
        #expect(error?.status == .badRequest)
    }

    @Test(arguments: [
        "multipart/form-data; boundary=\"\"", "multipart/form-data; boundary=\"trailing \"",
        "multipart/form-data; boundary=\(String(repeating: "b", count: 71))", "multipart/form-data; boundary=a@b",
        "multipart/form-data; boundary=\"a\\\\b\"", "multipart/form-data; boundary=\"ä\"",
    ])
    func invalidBoundaryIs400(contentType: String) throws {
        #expect(throws: FormError.invalidBoundary) { try request(Self.browserBody, contentType: contentType).multipartForm() }
    }

    @Test func duplicateBoundaryParameterIsRejected() throws {
        let contentType = "multipart/form-data; boundary=a; boundary=\(Self.boundary)"
        #expect(throws: FormError.malformedContentType) { try request(Self.browserBody, contentType: contentType).multipartForm() }
    }

    @Test func directInitialiser() throws {
        let form = try MultipartForm(body: Array((Self.simplePart("x", "y") + "--\(Self.boundary)--").utf8), boundary: Self.boundary)
        #expect(form["x"] == "y")
        #expect(throws: FormError.invalidBoundary) { try MultipartForm(body: [], boundary: "") }
    }

    @Test func fiveMebibyteFilePart() throws {
        var payload = [UInt8](repeating: 0, count: 5 * 1024 * 1024)
        var state: UInt32 = 2_463_534_242
        for index in payload.indices {
            // xorshift32: cheap noise, so CR, LF and `-` bytes occur all over the file.
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            payload[index] = UInt8(truncatingIfNeeded: state)
        }
        var body = Array((Self.simplePart("title", "big") + "--\(Self.boundary)\r\n"
            + "Content-Disposition: form-data; name=\"upload\"; filename=\"big.bin\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n").utf8)
        body += payload
        body += Array("\r\n--\(Self.boundary)--\r\n".utf8)
        let form = try request(body).multipartForm()
        #expect(form["title"] == "big")
        let file = try #require(form.file(named: "upload"))
        #expect(file.filename == "big.bin")
        #expect(file.body.count == payload.count)
        #expect(file.body == payload)
    }

    @Test func hostileNearDelimitersAreRejected() throws {
        // A megabyte of delimiter prefixes: each almost matches, none does. Must fail, not hang.
        let near = "\r\n--" + Self.boundary.dropLast()
        let body = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
            + String(repeating: near, count: 1024 * 1024 / near.utf8.count)
        #expect(throws: FormError.missingCloseDelimiter) { try request(body).multipartForm() }

        // Many real delimiters followed by junk: all content, still no close delimiter.
        let junk = "\r\n--\(Self.boundary)junk"
        let body2 = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
            + String(repeating: junk, count: 1024 * 1024 / junk.utf8.count)
        #expect(throws: FormError.missingCloseDelimiter) { try request(body2).multipartForm() }
    }
}
