import Testing
@testable import HTTPServer

@Suite("application/x-www-form-urlencoded")
struct FormDataTests {
    private func request(_ body: String, contentType: String? = "application/x-www-form-urlencoded") throws -> Request {
        var headers: HTTPHeaders = [:]
        if let contentType { headers.add("Content-Type", contentType) }
        return try Request(method: .POST, target: "/x", headers: headers, body: Array(body.utf8))
    }

    @Test func decodesPlusAndPercentEscapes() throws {
        let form = try request("name=Matti+Meik%C3%A4l%C3%A4inen&note=50%25+%26+more%3D").urlEncodedForm()
        #expect(form["name"] == "Matti Meikäläinen")
        #expect(form["note"] == "50% & more=")
    }

    @Test func decodesFinnishAndSwedishLetters() throws {
        let form = try request("kaupunki=%C3%85bo&sana=%C3%A4%C3%B6%C3%A5&ISO=%C3%84%C3%96%C3%85").urlEncodedForm()
        #expect(form["kaupunki"] == "Åbo")
        #expect(form["sana"] == "äöå")
        #expect(form["ISO"] == "ÄÖÅ")
    }

    @Test func acceptsRawUTF8() throws {
        let form = try request("nimi=Äijä Öljy").urlEncodedForm()
        #expect(form["nimi"] == "Äijä Öljy")
    }

    @Test func decodesNames() throws {
        let form = try request("taito%5B%5D=Excel&full+name=x").urlEncodedForm()
        #expect(form.items.map(\.name) == ["taito[]", "full name"])
    }

    @Test func repeatedNamesKeepOrder() throws {
        let form = try request("skill=excel&unit=7&skill=word&skill=teams").urlEncodedForm()
        #expect(form.values("skill") == ["excel", "word", "teams"])
        #expect(form["skill"] == "excel")
        #expect(form.items == [
            QueryItem(name: "skill", value: "excel"), QueryItem(name: "unit", value: "7"),
            QueryItem(name: "skill", value: "word"), QueryItem(name: "skill", value: "teams"),
        ])
        #expect(form.values("missing").isEmpty)
        #expect(form["missing"] == nil)
    }

    @Test func emptyValuesAndNames() throws {
        let form = try request("a=&b&=c&&d==").urlEncodedForm()
        #expect(form.items == [
            QueryItem(name: "a", value: ""), QueryItem(name: "b", value: ""), QueryItem(name: "", value: "c"),
            QueryItem(name: "d", value: "="),
        ])
    }

    @Test func emptyBodyIsEmptyForm() throws {
        #expect(try request("").urlEncodedForm().items.isEmpty)
        #expect(try request("&&&").urlEncodedForm().items.isEmpty)
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "%G1=x", "a=1&b=%%41", "a=%4-"])
    func malformedEscapeIsRejected(body: String) throws {
        let request = try self.request(body)
        #expect(throws: FormError.malformedPercentEncoding) { try request.urlEncodedForm() }
        #expect(FormError.malformedPercentEncoding.status == .badRequest)
    }

    @Test func invalidUTF8IsRejected() throws {
        #expect(throws: FormError.invalidUTF8) { try request("a=%FF").urlEncodedForm() }
        #expect(throws: FormError.invalidUTF8) { try request("a=%C3").urlEncodedForm() }
        #expect(throws: FormError.invalidUTF8) { try URLEncodedForm([UInt8(ascii: "a"), UInt8(ascii: "="), 0xC3]) }
        #expect(FormError.invalidUTF8.status == .badRequest)
    }

    @Test(arguments: ["application/json", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencodedx"])
    func wrongContentTypeIs415(contentType: String) throws {
        let request = try self.request("a=1", contentType: contentType)
        #expect(throws: FormError.unsupportedMediaType) { try request.urlEncodedForm() }
    }

    @Test func missingContentTypeIs415() throws {
        let request = try self.request("a=1", contentType: nil)
        let error = #expect(throws: FormError.self) { try request.urlEncodedForm() }
        #expect(error == .unsupportedMediaType)
        #expect(error?.status == .unsupportedMediaType)
        #expect(error?.status.code == 415)
    }

    @Test(arguments: [
        "application/x-www-form-urlencoded; charset=UTF-8", "Application/X-WWW-Form-URLEncoded",
        "application/x-www-form-urlencoded ; charset=\"utf-8\"", "application/x-www-form-urlencoded;",
    ])
    func contentTypeParametersAndCaseAreIgnored(contentType: String) throws {
        #expect(try request("a=1", contentType: contentType).urlEncodedForm()["a"] == "1")
    }

    @Test(arguments: ["", "application", "/x", "application/x-www-form-urlencoded; charset", "a/b; x=\"open"])
    func malformedContentTypeIs400(contentType: String) throws {
        let request = try self.request("a=1", contentType: contentType)
        #expect(throws: FormError.malformedContentType) { try request.urlEncodedForm() }
        #expect(FormError.malformedContentType.status == .badRequest)
    }

    @Test func repeatedContentTypeIsRejected() throws {
        let request = try Request(
            method: .POST, target: "/x",
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Content-Type": "text/plain"],
            body: Array("a=1".utf8))
        #expect(throws: FormError.malformedContentType) { try request.urlEncodedForm() }
    }

    @Test func tooManyFieldsIs413() throws {
        let body = Array(repeating: "f=1", count: 1001).joined(separator: "&")
        let error = #expect(throws: FormError.self) { try request(body).urlEncodedForm() }
        #expect(error == .tooManyFields)
        #expect(error?.status == .contentTooLarge)
        #expect(try request(Array(repeating: "f=1", count: 1000).joined(separator: "&")).urlEncodedForm().items.count == 1000)
    }

    @Test func customFieldLimit() throws {
        #expect(try request("a=1&b=2&c=3").urlEncodedForm(maxFields: 3).items.count == 3)
        #expect(throws: FormError.tooManyFields) { try request("a=1&b=2&c=3&d=4").urlEncodedForm(maxFields: 3) }
        #expect(throws: FormError.tooManyFields) { try URLEncodedForm(Array("a".utf8), maxFields: 0) }
    }

    @Test func errorsExplainThemselves() {
        let errors: [FormError] = [.unsupportedMediaType, .malformedContentType, .invalidUTF8, .malformedPercentEncoding,
                                   .tooManyFields, .missingBoundary, .invalidBoundary, .missingCloseDelimiter,
                                   .malformedPartHeaders, .partHeadersTooLarge, .invalidContentDisposition,
                                   .missingPartName, .partNameTooLong, .tooManyParts, .partTooLarge]
        for error in errors {
            #expect(!error.explanation.isEmpty)
            #expect([400, 413, 415].contains(error.status.code))
        }
    }
}
