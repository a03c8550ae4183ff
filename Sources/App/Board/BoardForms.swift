import Foundation
import HTTPServer
import Storage

/// The new-post form as typed and checked. Title and text come first; everything else is optional.
struct BoardPostInput {
    static let titleLimit = 200
    static let bodyLimit = 10_000
    static let howLimit = 5000
    static let shortLimit = 200
    static let toolsLimit = 300

    var kind: BoardKind = .tip
    var title = ""
    var body = ""
    var anonymous = false
    var how = ""
    var tools = ""
    var timeTaken = ""
    var contact = ""
    var sectorID = ""
    var areaCode = ""
    var tool = ""
    var language = "fi"
    var shared = false
    var errors = FormErrors()
    private(set) var post: BoardPost?
    private(set) var photo: BoardPhoto?

    init(kind: BoardKind, language: String) {
        self.kind = kind
        self.language = language
    }

    /// Reads and checks the form. `sectors` and `areas` are what the organisation has.
    init(form: FormInput, reader: BoardReader, sectors: Set<Int64>, areas: Set<String>, now: Date, strings: Strings) {
        kind = form["kind"].flatMap(BoardKind.init(rawValue:)) ?? .tip
        title = form["title"] ?? ""
        body = form["body"] ?? ""
        anonymous = kind == .question && form["anonymous"] == "yes"
        how = form["how"] ?? ""
        tools = form["tools"] ?? ""
        timeTaken = form["time_taken"] ?? ""
        contact = form["contact"] ?? ""
        sectorID = form["sector_id"] ?? ""
        areaCode = form["area_code"] ?? ""
        tool = form["tool"] ?? ""
        language = form["language"] ?? "fi"
        shared = form["shared"] == "yes"

        let titleLine = TrainingFieldRules.line(title, limit: Self.titleLimit, required: true)
        if let problem = titleLine.problem { errors.add("title", strings.text(problem)) }
        let text = TrainingFieldRules.paragraph(body, limit: Self.bodyLimit)
        if let problem = text.problem { errors.add("body", strings.text(problem)) }
        if text.text.isEmpty && kind != .question { errors.add("body", strings.text("board_error_body")) }
        let practice = kind == .practice
        let howText = TrainingFieldRules.paragraph(practice ? how : "", limit: Self.howLimit)
        if let problem = howText.problem { errors.add("how", strings.text(problem)) }
        var lines: [String: String] = [:]
        for (name, value, limit) in [("tools", tools, Self.toolsLimit), ("time_taken", timeTaken, Self.shortLimit),
                                     ("contact", contact, Self.shortLimit)] {
            let line = TrainingFieldRules.line(practice ? value : "", limit: limit, required: false)
            if let problem = line.problem { errors.add(name, strings.text(problem)) }
            lines[name] = line.text
        }
        let sector = Int64(sectorID)
        if !sectorID.isEmpty && !(sector.map(sectors.contains) ?? false) { errors.add("sector_id", strings.text("board_error_choice")) }
        if !areaCode.isEmpty && !areas.contains(areaCode) { errors.add("area_code", strings.text("board_error_choice")) }
        if !tool.isEmpty && !BoardThemes.tools.contains(tool) { errors.add("tool", strings.text("board_error_choice")) }
        if !["fi", "sv", "en"].contains(language) { errors.add("language", strings.text("board_error_choice")) }
        if let file = form.file("photo"), !file.body.isEmpty {
            do {
                let clean = try PhotoSanitiser.clean(file.body)
                photo = BoardPhoto(bytes: Data(clean.bytes), contentType: clean.contentType, width: clean.width, height: clean.height)
            } catch {
                errors.add("photo", strings.text(Self.photoProblemKey(error)))
            }
        }
        guard errors.isEmpty else { return }
        post = BoardPost(
            organisationID: reader.organisation.id, kind: kind, title: titleLine.text, body: text.text, how: howText.text,
            tools: lines["tools"] ?? "", timeTaken: lines["time_taken"] ?? "", contact: lines["contact"] ?? "",
            unitID: practice ? reader.unitID : nil, sectorID: sector, areaCode: areaCode.isEmpty ? nil : areaCode, tool: tool,
            language: language, authorUserID: reader.userID, anonymous: anonymous, shared: shared, now: now)
    }

    static func photoProblemKey(_ problem: PhotoProblem) -> String {
        switch problem {
        case .empty: return "board_error_photo_empty"
        case .tooLarge: return "board_error_photo_large"
        case .notAPhoto: return "board_error_photo_type"
        case .damaged: return "board_error_photo_damaged"
        case .tooManyPixels: return "board_error_photo_pixels"
        }
    }
}

struct BoardKindChoice {
    let value: String
    let label: String
    let hint: String
    let checked: Bool
    let href: String
}

struct BoardFormView {
    let crumbs: [Crumb]
    let heading: String
    let action: String
    let kinds: [BoardKindChoice]
    let kind: String
    let isQuestion: Bool
    let isPractice: Bool
    let errors: [ErrorLink]
    let hasErrors: Bool
    let main: [FormFieldView]
    let practice: [FormFieldView]
    let more: [FormFieldView]
    let moreOpen: Bool
    let anonymous: FormFieldView
    let photoError: String
    let hasPhotoError: Bool
    let submitLabel: String
}

extension WebApp {
    func showNewBoardPost(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        let kind = request.queryValue("kind").flatMap(BoardKind.init(rawValue:)) ?? .tip
        return try renderBoardForm(reader, context, input: BoardPostInput(kind: kind, language: context.strings.language.rawValue))
    }

    func createBoardPost(_ request: Request, _ context: RequestContext) throws -> Response {
        let reader = try boardReader(context)
        if let limited = try boardRateLimited(reader, context, { $0.posts >= BoardLimits.postsPerHour }) { return limited }
        let organisationID = reader.organisation.id
        let input = BoardPostInput(
            form: try context.requireForm(), reader: reader,
            sectors: Set(try sectors.sectors(organisationID: organisationID).map(\.id)),
            areas: Set(try trainingAreaNames(organisationID, context.strings).keys), now: settings.now(), strings: context.strings)
        guard let post = input.post else {
            return try renderBoardForm(reader, context, input: input, status: .unprocessableContent)
        }
        let created = try changing {
            let created = try boardStore.create(post, photo: input.photo)
            try auditChange("board.post", context, target: "board_post:\(created.id)",
                            detail: post.anonymous ? "anonymous" : nil)
            return created
        }
        return context.redirect(Paths.boardPost(created.id), notice: "board_posted")
    }

    private func renderBoardForm(_ reader: BoardReader, _ context: RequestContext, input: BoardPostInput,
                                 status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let errors = input.errors
        let organisationID = reader.organisation.id
        let sectorOptions = [SelectOption(value: "", label: strings.text("board_everyone"), selected: input.sectorID.isEmpty)]
            + (try sectors.sectors(organisationID: organisationID)).map {
                SelectOption(value: String($0.id), label: $0.name, selected: String($0.id) == input.sectorID)
            }
        let areaOptions = [SelectOption(value: "", label: strings.text("board_no_area"), selected: input.areaCode.isEmpty)]
            + (try trainingAreaNames(organisationID, strings)).sorted { $0.value < $1.value }.map {
                SelectOption(value: $0.key, label: $0.value, selected: $0.key == input.areaCode)
            }
        let toolOptions = [SelectOption(value: "", label: strings.text("board_no_tool"), selected: input.tool.isEmpty)]
            + BoardThemes.tools.map { SelectOption(value: $0, label: $0, selected: $0 == input.tool) }
        let languages = ["fi", "sv", "en"].map { SelectOption(value: $0, label: strings.languageName($0), selected: $0 == input.language) }
        let kind = input.kind.rawValue
        let main = [
            FormFieldView(.text, name: "title", value: input.title, label: strings.text("board_field_title_\(kind)"),
                          error: errors["title"], required: true, maxLength: BoardPostInput.titleLimit),
            FormFieldView(.textarea, name: "body", value: input.body, label: strings.text("board_field_body_\(kind)"),
                          hint: strings.text("board_field_body_hint"), error: errors["body"], required: input.kind != .question),
        ]
        let practice = [
            FormFieldView(.textarea, name: "how", value: input.how, label: strings.text("board_field_how"),
                          hint: strings.text("board_field_how_hint"), error: errors["how"]),
            FormFieldView(.text, name: "tools", value: input.tools, label: strings.text("board_field_tools"),
                          hint: strings.text("board_field_tools_hint"), error: errors["tools"], maxLength: BoardPostInput.toolsLimit),
            FormFieldView(.text, name: "time_taken", value: input.timeTaken, label: strings.text("board_field_time"),
                          hint: strings.text("board_field_time_hint"), error: errors["time_taken"], maxLength: BoardPostInput.shortLimit),
            FormFieldView(.text, name: "contact", value: input.contact, label: strings.text("board_field_contact"),
                          hint: strings.text("board_field_contact_hint"), error: errors["contact"], maxLength: BoardPostInput.shortLimit),
        ]
        let more = [
            FormFieldView(.select, name: "sector_id", label: strings.text("board_field_sector"), error: errors["sector_id"], options: sectorOptions),
            FormFieldView(.select, name: "area_code", label: strings.text("board_field_area"), error: errors["area_code"], options: areaOptions),
            FormFieldView(.select, name: "tool", label: strings.text("board_field_tool"), error: errors["tool"], options: toolOptions),
            FormFieldView(.select, name: "language", label: strings.text("board_field_language"), error: errors["language"], options: languages),
            FormFieldView(.checkbox, name: "shared", label: strings.text("board_field_shared"),
                          hint: strings.text("board_field_shared_hint"), checked: input.shared),
        ]
        let heading = strings.text("board_new_\(kind)")
        let view = BoardFormView(
            crumbs: [Crumb(href: Paths.board, label: strings.text("board_title"), current: false),
                     Crumb(href: Paths.newBoardPost(kind: kind), label: heading, current: true)],
            heading: heading, action: Paths.createBoardPost,
            kinds: BoardKind.allCases.map { choice in
                BoardKindChoice(value: choice.rawValue, label: strings.text("board_kind_\(choice.rawValue)"),
                                hint: strings.text("board_kind_hint_\(choice.rawValue)"), checked: choice == input.kind,
                                href: Paths.newBoardPost(kind: choice.rawValue))
            },
            kind: kind, isQuestion: input.kind == .question, isPractice: input.kind == .practice,
            errors: errors.links, hasErrors: !errors.isEmpty, main: main, practice: practice, more: more,
            moreOpen: ["sector_id", "area_code", "tool", "language", "photo"].contains { errors[$0] != nil },
            anonymous: FormFieldView(.checkbox, name: "anonymous", label: strings.text("board_field_anonymous"),
                                     hint: strings.text("board_field_anonymous_hint"), checked: input.anonymous),
            photoError: errors["photo"] ?? "", hasPhotoError: errors["photo"] != nil,
            submitLabel: strings.text("board_submit_\(kind)"))
        return try context.render("board/new", title: heading, view, status: status)
    }
}
