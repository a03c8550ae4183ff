import Foundation
import HTTPServer
import Storage

extension WebApp {
    // MARK: New and edit training

    func showNewTraining(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try catalogueOrganisation(context)
        var input = TrainingFormInput()
        input.series = request.queryValue("series") ?? ""
        return try renderTrainingForm(organisation, context, input: input, training: nil)
    }

    func createTraining(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try catalogueOrganisation(context)
        let input = try trainingInput(context, organisationID: organisation.id)
        guard let draft = input.checked else {
            return try renderTrainingForm(organisation, context, input: input, training: nil, status: .unprocessableContent)
        }
        let training = try changing {
            let training = try trainingCatalogue.create(draft)
            try auditChange("training.create", context, target: "training:\(training.id)", detail: draft.training.titleFi)
            return training
        }
        return context.redirect(Paths.training(training.id), notice: "created")
    }

    func showEditTraining(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, organisation) = try keptTraining(context)
        return try renderTrainingForm(organisation, context, input: TrainingFormInput(details: details), training: details.training)
    }

    func updateTraining(_ request: Request, _ context: RequestContext) throws -> Response {
        let (details, organisation) = try keptTraining(context)
        let input = try trainingInput(context, organisationID: organisation.id, owner: details.training.ownerUserID)
        guard let draft = input.checked else {
            return try renderTrainingForm(organisation, context, input: input, training: details.training,
                                          status: .unprocessableContent)
        }
        try changing {
            try trainingCatalogue.update(details.training, draft)
            try auditChange("training.update", context, target: "training:\(details.training.id)")
        }
        return context.redirect(Paths.training(details.training.id), notice: "saved")
    }

    /// The training named by `:trainingID` and its organisation, for those who keep its catalogue.
    func keptTraining(_ context: RequestContext) throws -> (TrainingDetails, Stored<Organisation>) {
        guard let details = try trainingCatalogue.details(trainingID: try context.trainingID),
              let organisation = try organisations.organisation(id: details.training.organisationID)
        else { throw AppError.notFound }
        guard try keepsCatalogue(organisation.id, context) else { throw AppError.notFound }
        return (details, organisation)
    }

    private func trainingInput(_ context: RequestContext, organisationID: Int64, owner: Int64? = nil) throws -> TrainingFormInput {
        TrainingFormInput(form: try context.requireForm(), organisationID: organisationID,
                          ownerUserID: owner ?? context.principal?.userID,
                          series: try trainingCatalogue.series(organisationID: organisationID),
                          knownAreas: Set(try trainingAreaNames(organisationID, context.strings).keys),
                          sectors: try sectors.sectors(organisationID: organisationID),
                          organisations: try organisations.all(), strings: context.strings)
    }

    private func renderTrainingForm(_ organisation: Stored<Organisation>, _ context: RequestContext, input: TrainingFormInput,
                                    training: Stored<Training>?, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let language = strings.language.rawValue
        let errors = input.errors
        let seriesOptions = [SelectOption(value: "", label: strings.text("trainings_no_series"), selected: input.series.isEmpty)]
            + (try trainingCatalogue.series(organisationID: organisation.id)).map {
                SelectOption(value: String($0.id), label: $0.title.text(language), selected: input.series == String($0.id))
            }
        var texts: [FormFieldView] = [
            FormFieldView(.select, name: "series_id", value: input.series, label: strings.text("trainings_series"),
                          error: errors["series_id"], options: seriesOptions),
        ]
        for (index, code) in ["fi", "sv", "en"].enumerated() {
            texts.append(FormFieldView(.text, name: "title_\(code)", value: input.title[index],
                                       label: strings.text("trainings_field_title_\(code)"),
                                       hint: index == 0 ? "" : strings.text("trainings_translation_hint"),
                                       error: errors["title_\(code)"], required: index == 0))
        }
        for (index, code) in ["fi", "sv", "en"].enumerated() {
            texts.append(FormFieldView(.textarea, name: "description_\(code)", value: input.description[index],
                                       label: strings.text("trainings_field_description_\(code)"),
                                       error: errors["description_\(code)"]))
        }
        let practical: [FormFieldView] = [
            FormFieldView(.number, name: "duration_minutes", value: input.duration, label: strings.text("trainings_field_duration"),
                          hint: strings.text("trainings_field_duration_hint"), error: errors["duration_minutes"], required: true),
            FormFieldView(.select, name: "format", value: input.format, label: strings.text("trainings_format"),
                          error: errors["format"], options: TrainingFormat.allCases.map {
                              SelectOption(value: $0.rawValue, label: strings.trainingFormat($0), selected: input.format == $0.rawValue)
                          }),
            FormFieldView(.select, name: "language", value: input.language, label: strings.text("trainings_language"),
                          error: errors["language"], options: ["fi", "sv", "en"].map {
                              SelectOption(value: $0, label: strings.languageName($0), selected: input.language == $0)
                          }),
            FormFieldView(.textarea, name: "materials", value: input.materials, label: strings.text("trainings_field_materials"),
                          hint: strings.text("trainings_field_materials_hint"), error: errors["materials"]),
            FormFieldView(.checkbox, name: "active", label: strings.text("trainings_field_active"),
                          hint: strings.text("trainings_field_active_hint"), checked: input.active),
        ]
        let areaItems = try trainingAreaNames(organisation.id, strings).sorted { $0.value < $1.value }.map {
            CheckboxItemView(id: "area-\($0.key)", value: $0.key, label: $0.value, checked: input.areaCodes.contains($0.key))
        }
        let sectorItems = try sectors.sectors(organisationID: organisation.id).map {
            CheckboxItemView(id: "sector-\($0.id)", value: String($0.id), label: $0.name,
                             checked: input.sectorIDs.contains(String($0.id)))
        }
        let organisationItems = try organisations.all().filter { $0.id != organisation.id }.map {
            CheckboxItemView(id: "offer-\($0.id)", value: String($0.id), label: $0.name,
                             checked: input.offeredTo.contains(String($0.id)))
        }
        var audience: [FormFieldView] = [
            FormFieldView(.checkboxes, name: "area_codes", label: strings.text("trainings_areas"),
                          hint: strings.text("trainings_field_areas_hint"), error: errors["area_codes"], items: areaItems),
        ]
        if !sectorItems.isEmpty {
            audience.append(FormFieldView(.checkboxes, name: "sector_ids", label: strings.text("trainings_field_sectors"),
                                          hint: strings.text("trainings_field_audience_hint"), error: errors["sector_ids"],
                                          items: sectorItems))
        }
        audience.append(FormFieldView(.textarea, name: "job_groups", value: input.jobGroups,
                                      label: strings.text("trainings_field_job_groups"),
                                      hint: strings.text("trainings_field_job_groups_hint"), error: errors["job_groups"]))
        if !organisationItems.isEmpty {
            audience.append(FormFieldView(.checkboxes, name: "offered_to", label: strings.text("trainings_field_offered_to"),
                                          hint: strings.text("trainings_field_offered_to_hint"), error: errors["offered_to"],
                                          items: organisationItems))
        }
        let heading = training.map { strings.format("trainings_edit_heading", ["title": $0.title.text(language)]) }
            ?? strings.text("trainings_new_heading")
        let base = Paths.trainingCatalogue(organisation.slug)
        let action = training.map { Paths.editTraining($0.id) } ?? Paths.newTraining(organisation.slug)
        let view = TrainingFormView(
            crumbs: organisationCrumbs(organisation, strings, then: [(base, strings.text("trainings_admin_title")), (action, heading)]),
            heading: heading, intro: "", hasIntro: false, action: action,
            submitLabel: strings.text(training == nil ? "trainings_create" : "trainings_save"),
            sections: [FormSectionView(strings.text("trainings_section_what"), texts),
                       FormSectionView(strings.text("trainings_section_practical"), practical),
                       FormSectionView(strings.text("trainings_section_audience"), audience)],
            errors: errors.links, hasErrors: !errors.isEmpty)
        return try context.render("trainings/form", title: heading, view, status: status)
    }
}
