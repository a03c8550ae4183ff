import Foundation
import HTTPServer
import Storage

extension WebApp {
    /// Adds a statement at the end of the area.
    func addFrameworkStatement(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            let text = localisedText(try context.requireForm(), "new-statement")
            var errors = FormErrors()
            localisedProblems(text, prefix: "new-statement", limit: FrameworkTextLimit.statement,
                              missingKey: "frameworks_error_statement_required", context.strings, into: &errors)
            guard errors.isEmpty else {
                return try renderFrameworkArea(organisation, content, area, context, errors: errors)
            }
            let statement = try frameworks.addStatement(areaID: area.area.id, text: text)
            try auditChange("framework.statement.create", context, target: "framework-statement:\(statement.id)",
                            detail: "\(statement.code): \(text.fi)")
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id) + "#statements-heading",
                                    notice: "created")
        }
    }

    /// Saves a statement's texts.
    func updateFrameworkStatement(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            let statement = try frameworkStatement(area, context)
            let prefix = "statement-\(statement.id)"
            let text = localisedText(try context.requireForm(), prefix)
            var errors = FormErrors()
            localisedProblems(text, prefix: prefix, limit: FrameworkTextLimit.statement,
                              missingKey: "frameworks_error_statement_required", context.strings, into: &errors)
            guard errors.isEmpty else {
                return try renderFrameworkArea(organisation, content, area, context, errors: errors)
            }
            try frameworks.updateStatement(id: statement.id, text: text)
            try auditChange("framework.statement.update", context, target: "framework-statement:\(statement.id)",
                            detail: "\(statement.code): \(text.fi)")
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id) + "#" + prefix, notice: "saved")
        }
    }

    func deleteFrameworkStatement(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            let statement = try frameworkStatement(area, context)
            try frameworks.deleteStatement(id: statement.id)
            try auditChange("framework.statement.delete", context, target: "framework-statement:\(statement.id)",
                            detail: "\(statement.code): \(statement.textFi)")
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id) + "#statements-heading",
                                    notice: "saved")
        }
    }

    /// Moves a statement up or down in its area (field `direction`).
    func moveFrameworkStatement(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            let statement = try frameworkStatement(area, context)
            guard let direction = MoveDirection(rawValue: try context.requireForm()["direction"] ?? "") else {
                throw AppError.badRequest
            }
            try frameworks.moveStatement(id: statement.id, direction)
            try auditChange("framework.statement.move", context, target: "framework-statement:\(statement.id)",
                            detail: direction.rawValue)
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id) + "#statements-heading")
        }
    }

    /// Sets the area's target level for everyone, a sector or a job group.
    func setFrameworkTarget(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            let form = try context.requireForm()
            let strings = context.strings
            var errors = FormErrors()
            let scope = targetScope(form, organisation, errors: &errors, strings)
            let framework = content.framework
            let level = Self.parseLevel(form["target-level"] ?? "")
            if level.map({ $0 < Double(framework.scaleMin) || $0 > Double(framework.scaleMax) }) ?? true {
                errors.add("target-level", strings.format("frameworks_error_level", [
                    "min": String(framework.scaleMin), "max": String(framework.scaleMax),
                ]))
            }
            guard errors.isEmpty, let scope, let level else {
                return try renderFrameworkArea(organisation, content, area, context, errors: errors)
            }
            try frameworks.setTarget(areaID: area.area.id, scope: scope, level: level)
            try auditChange("framework.target.set", context, target: "framework-area:\(area.area.id)",
                            detail: "\(Self.describe(scope)) = \(level)")
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id) + "#targets-heading", notice: "saved")
        }
    }

    /// Removes the area's target level for the audience named by the hidden fields.
    func clearFrameworkTarget(_ request: Request, _ context: RequestContext) throws -> Response {
        try editingDraft(context) { organisation, content in
            let area = try frameworkArea(content, context)
            var errors = FormErrors()
            guard let scope = targetScope(try context.requireForm(), organisation, errors: &errors, context.strings)
            else { throw AppError.badRequest }
            try frameworks.setTarget(areaID: area.area.id, scope: scope, level: nil)
            try auditChange("framework.target.clear", context, target: "framework-area:\(area.area.id)",
                            detail: Self.describe(scope))
            return context.redirect(Paths.frameworkArea(organisation.slug, area.area.frameworkID, area.area.id) + "#targets-heading", notice: "saved")
        }
    }

    /// The audience chosen in the target form; nil, with the field's error, when it is incomplete.
    private func targetScope(_ form: FormInput, _ organisation: Stored<Organisation>, errors: inout FormErrors,
                             _ strings: Strings) -> TargetScope? {
        switch form["target-scope"] ?? "" {
        case "everyone":
            return .everyone
        case "sector":
            let sectorID = (form["target-sector"]).flatMap { Int64($0) }
            let sector = sectorID.flatMap { try? sectors.sector(id: $0) }
            guard let sector, let sectorID, sector.organisationID == organisation.id else {
                errors.add("target-sector", strings.text("frameworks_error_sector"))
                return nil
            }
            return .sector(sectorID)
        case "job-group":
            let jobGroup = form["target-job-group"] ?? ""
            if jobGroup.isEmpty {
                errors.add("target-job-group", strings.text("frameworks_error_job_group"))
                return nil
            }
            if jobGroup.count > FrameworkStore.jobGroupLimit {
                errors.add("target-job-group", strings.format("frameworks_error_too_long", [
                    "limit": String(FrameworkStore.jobGroupLimit),
                ]))
                return nil
            }
            return .jobGroup(jobGroup)
        default:
            errors.add("target-scope-everyone", strings.text("frameworks_error_scope"))
            return nil
        }
    }

    private static func describe(_ scope: TargetScope) -> String {
        switch scope {
        case .everyone: return "everyone"
        case .sector(let id): return "sector:\(id)"
        case .jobGroup(let name): return "job group \(name)"
        }
    }
}
