import Foundation
import HTTPServer
import Metrics
import Storage

/// One text field of a topic's form. Ids carry the form's prefix, since the page holds one form per
/// topic and one for a new topic.
struct TopicFieldView {
    let id: String
    let name: String
    let label: String
    let value: String
    let maxLength: Int
    let required: Bool
    let isNumber: Bool
    let fieldError: String
    let hasFieldError: Bool
}

/// One topic's card: its form, and whether it is offered (with the button to retire or restore it).
struct TopicFormView {
    let prefix: String
    let heading: String
    let action: String
    let fields: [TopicFieldView]
    let areaID: String
    let areaError: String
    let hasAreaError: Bool
    let areas: [SelectOption]
    let submitLabel: String
    let isExisting: Bool
    let status: String
    let statusClass: String
    let activeAction: String
    let activeValue: String
    let activeLabel: String
}

struct TutorTopicsView {
    let crumbs: [Crumb]
    let errors: [ErrorLink]
    let hasErrors: Bool
    let topics: [TopicFormView]
    let hasTopics: Bool
    let newTopic: TopicFormView
    let helpHref: String
}

/// A topic's form as typed and checked.
struct TopicInput {
    static let nameLimit = 100

    var nameFi = ""
    var nameSv = ""
    var nameEn = ""
    var areaCode = ""
    var position = ""
    var errors = FormErrors()
    private(set) var checked: TutorTopic?

    init(nextPosition: Int) {
        position = String(nextPosition)
    }

    init(_ topic: TutorTopic) {
        (nameFi, nameSv, nameEn) = (topic.nameFi, topic.nameSv, topic.nameEn)
        areaCode = topic.areaCode ?? ""
        position = String(topic.position)
    }

    /// Checks a submitted form: a Finnish name (the others may wait for a translator), names within
    /// 100 characters, no two active topics with the same Finnish name whatever the case, an area of
    /// the framework or none, and a position from 0 to 999. Field errors are keyed `prefix-field`.
    init(form: FormInput, prefix: String, organisationID: Int64, active: Bool, areas: Set<String>,
         takenNames: Set<String>, strings: Strings) {
        nameFi = form["name_fi"] ?? ""
        nameSv = form["name_sv"] ?? ""
        nameEn = form["name_en"] ?? ""
        areaCode = form["area_code"] ?? ""
        position = (form["position"] ?? "").trimmingCharacters(in: .whitespaces)
        var names: [String] = []
        for (field, value, required) in [("name_fi", nameFi, true), ("name_sv", nameSv, false), ("name_en", nameEn, false)] {
            let line = TrainingFieldRules.line(value, limit: Self.nameLimit, required: required)
            if let problem = line.problem { errors.add(prefix + "-" + field, strings.text(problem)) }
            names.append(line.text)
        }
        if errors[prefix + "-name_fi"] == nil, takenNames.contains(names[0].lowercased()) {
            errors.add(prefix + "-name_fi", strings.text("tutors_topic_error_duplicate"))
        }
        if !areaCode.isEmpty, !areas.contains(areaCode) { errors.add(prefix + "-area_code", strings.text("trainings_error_choose")) }
        let place = Int(position).flatMap { (0...999).contains($0) ? $0 : nil }
        if place == nil { errors.add(prefix + "-position", strings.text("tutors_topic_error_position")) }
        guard errors.isEmpty, let place else { return }
        checked = TutorTopic(organisationID: organisationID, name: LocalisedText(fi: names[0], sv: names[1], en: names[2]),
                             position: place, active: active, areaCode: areaCode.isEmpty ? nil : areaCode)
    }
}

extension WebApp {
    /// The topics the coordinator keeps: names in three languages, the competence area (which links a
    /// topic to the catalogue's trainings), the order they are offered in, and retired ones, which old
    /// log entries and tutors keep but forms no longer offer.
    func showTutorTopics(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        return try renderTopics(organisation, context, submitted: nil)
    }

    func addTutorTopic(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let topics = try tutorStore.topics(organisationID: organisation.id, includeRetired: true)
        let input = try topicInput(context, organisation, prefix: "new", active: true, except: nil, topics: topics)
        guard let topic = input.checked else {
            return try renderTopics(organisation, context, submitted: ("new", input), status: .unprocessableContent)
        }
        try changing {
            let stored = try tutorStore.addTopic(topic)
            try auditChange("tutor.topic.create", context, target: "tutor_topic:\(stored.id)")
        }
        return context.redirect(Paths.tutorTopics(organisation.slug), notice: "created")
    }

    func updateTutorTopic(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let topic = try keptTopic(context, organisation)
        let topics = try tutorStore.topics(organisationID: organisation.id, includeRetired: true)
        let prefix = "topic-\(topic.id)"
        let input = try topicInput(context, organisation, prefix: prefix, active: topic.active, except: topic.id, topics: topics)
        guard let changed = input.checked else {
            return try renderTopics(organisation, context, submitted: (prefix, input), status: .unprocessableContent)
        }
        try changing {
            try tutorStore.updateTopic(topic.id, changed)
            try auditChange("tutor.topic.update", context, target: "tutor_topic:\(topic.id)")
        }
        return context.redirect(Paths.tutorTopics(organisation.slug), notice: "saved")
    }

    /// Retires a topic (forms stop offering it; old entries and tutors keep it) or restores it, unless
    /// an active topic has taken its name meanwhile.
    func setTutorTopicActive(_ request: Request, _ context: RequestContext) throws -> Response {
        let organisation = try networkOrganisation(context)
        let topic = try keptTopic(context, organisation)
        let active = try context.requireForm()["active"] == "yes"
        if active, !topic.active {
            let taken = try tutorStore.topics(organisationID: organisation.id)
                .contains { $0.id != topic.id && $0.nameFi.lowercased() == topic.nameFi.lowercased() }
            if taken {
                var input = TopicInput(topic.record)
                input.errors.add("topic-\(topic.id)-name_fi", context.strings.text("tutors_topic_error_duplicate"))
                return try renderTopics(organisation, context, submitted: ("topic-\(topic.id)", input), status: .unprocessableContent)
            }
        }
        try changing {
            try tutorStore.setTopicActive(topic.id, active)
            try auditChange(active ? "tutor.topic.restore" : "tutor.topic.retire", context, target: "tutor_topic:\(topic.id)")
        }
        return context.redirect(Paths.tutorTopics(organisation.slug), notice: "saved")
    }

    /// The topic named by `:topicID`, when it is the organisation's (404 otherwise).
    private func keptTopic(_ context: RequestContext, _ organisation: Stored<Organisation>) throws -> Stored<TutorTopic> {
        guard let topic = try tutorStore.topic(id: try context.topicID, organisationID: organisation.id) else { throw AppError.notFound }
        return topic
    }

    private func topicInput(_ context: RequestContext, _ organisation: Stored<Organisation>, prefix: String, active: Bool,
                            except topicID: Int64?, topics: [Stored<TutorTopic>]) throws -> TopicInput {
        // Only active topics clash: a retired topic's name may be used again.
        let taken = Set(topics.filter { $0.active && $0.id != topicID }.map { $0.nameFi.trimmingCharacters(in: .whitespaces).lowercased() })
        return TopicInput(form: try context.requireForm(), prefix: prefix, organisationID: organisation.id, active: active,
                          areas: Set(try trainingAreaNames(organisation.id, context.strings).keys), takenNames: taken,
                          strings: context.strings)
    }

    private func renderTopics(_ organisation: Stored<Organisation>, _ context: RequestContext,
                              submitted: (prefix: String, input: TopicInput)?, status: HTTPStatus = .ok) throws -> Response {
        let strings = context.strings
        let areaNames = try trainingAreaNames(organisation.id, strings).sorted { $0.value < $1.value }
        let topics = try tutorStore.topics(organisationID: organisation.id, includeRetired: true)
        func form(_ prefix: String, _ stored: TopicInput, topic: Stored<TutorTopic>?) -> TopicFormView {
            let input = submitted?.prefix == prefix ? submitted?.input ?? stored : stored
            let errors = input.errors
            func field(_ name: String, _ label: String, _ value: String, required: Bool = false, number: Bool = false) -> TopicFieldView {
                let id = prefix + "-" + name
                return TopicFieldView(id: id, name: name, label: strings.text(label), value: value,
                                      maxLength: number ? 3 : TopicInput.nameLimit, required: required, isNumber: number,
                                      fieldError: errors[id] ?? "", hasFieldError: errors[id] != nil)
            }
            let areaID = prefix + "-area_code"
            let active = topic?.active ?? true
            return TopicFormView(
                prefix: prefix, heading: topic.map { $0.name.text(strings.language.rawValue) } ?? strings.text("tutors_topic_new"),
                action: topic.map { Paths.tutorTopic(organisation.slug, $0.id) } ?? Paths.tutorTopics(organisation.slug),
                fields: [field("name_fi", "tutors_topic_name_fi", input.nameFi, required: true),
                         field("name_sv", "tutors_topic_name_sv", input.nameSv),
                         field("name_en", "tutors_topic_name_en", input.nameEn),
                         field("position", "tutors_topic_position", input.position, required: true, number: true)],
                areaID: areaID, areaError: errors[areaID] ?? "", hasAreaError: errors[areaID] != nil,
                areas: [SelectOption(value: "", label: strings.text("tutors_topic_no_area"), selected: input.areaCode.isEmpty)]
                    + areaNames.map { SelectOption(value: $0.key, label: $0.value, selected: $0.key == input.areaCode) },
                submitLabel: strings.text(topic == nil ? "tutors_topic_add" : "tutors_save"), isExisting: topic != nil,
                status: strings.text(active ? "tutors_topic_active" : "tutors_topic_retired"),
                statusClass: active ? "status-valid" : "status-exempt",
                activeAction: topic.map { Paths.tutorTopicActive(organisation.slug, $0.id) } ?? "",
                activeValue: active ? "no" : "yes",
                activeLabel: strings.text(active ? "tutors_topic_retire" : "tutors_topic_restore"))
        }
        let forms = topics.map { form("topic-\($0.id)", TopicInput($0.record), topic: $0) }
        let nextPosition = (topics.map(\.position).max() ?? 0) + 1
        let errors = submitted?.input.errors ?? FormErrors()
        let title = strings.text("tutors_topics_title")
        return try context.render("digitutors/topics", title: title + " – " + organisation.name, TutorTopicsView(
            crumbs: organisationCrumbs(organisation, strings, then: [(Paths.tutorNetwork(organisation.slug), strings.text("tutors_network_title")),
                                                                     (Paths.tutorTopics(organisation.slug), title)]),
            errors: errors.links, hasErrors: !errors.isEmpty, topics: forms, hasTopics: !forms.isEmpty,
            newTopic: form("new", TopicInput(nextPosition: min(nextPosition, 999)), topic: nil),
            helpHref: Paths.tutorHelp(organisation.slug)), status: status)
    }
}
