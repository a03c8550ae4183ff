import Foundation
import HTTPServer
import Metrics
import Storage

/// A tutor as employees see them: who, how to reach them, when, and what they help with.
struct TutorCardView {
    let name: String
    let contact: String
    let hasContact: Bool
    let email: String
    let hasEmail: Bool
    let hours: [String]
    let hasHours: Bool
    let askAnytime: Bool
    let topics: String
    let hasTopics: Bool
    let languages: String
    let units: String
    /// On the tutor's own card: the link to log help given (empty on everyone else's).
    var logHref = ""
}

extension WebApp {
    var tutorStore: TutorStore { TutorStore(database) }

    /// A tutor's card in the reader's language.
    func tutorCard(_ tutor: TutorDetails, topicNames: [Int64: String], unitNames: [Int64: String],
                   _ strings: Strings) -> TutorCardView {
        let hours = tutor.hours.map { hour in
            strings.format("tutors_hour", ["day": strings.text("tutors_weekday_\(hour.weekday)"), "starts": hour.starts,
                                           "ends": hour.ends, "place": hour.place])
                .replacingOccurrences(of: " ()", with: "")
        }
        let topics = tutor.topicIDs.compactMap { topicNames[$0] }.joined(separator: ", ")
        let contact = tutor.tutor.contactNote
        let email = tutor.email ?? ""
        return TutorCardView(
            name: tutor.firstName + " " + tutor.lastName, contact: contact, hasContact: !contact.isEmpty,
            email: email, hasEmail: !email.isEmpty, hours: hours, hasHours: !hours.isEmpty,
            askAnytime: tutor.tutor.askAnytime, topics: topics, hasTopics: !topics.isEmpty,
            languages: tutor.tutor.languageCodes.map { strings.languageName($0) }.joined(separator: ", "),
            units: tutor.units.compactMap { unitNames[$0.unitID] }.joined(separator: ", "))
    }

    /// Topic names of the organisation in the reader's language.
    func tutorTopicNames(_ organisationID: Int64, _ strings: Strings) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for topic in try tutorStore.topics(organisationID: organisationID, includeRetired: true) {
            names[topic.id] = topic.name.text(strings.language.rawValue)
        }
        return names
    }

    /// The active tutors of the employee's unit and the units above it: "my digitutor" on the home page.
    func myTutors(_ employee: Stored<Employee>, _ strings: Strings) throws -> [TutorCardView] {
        guard let unitID = employee.unitID else { return [] }
        let ancestry = try units.ancestorIDs(of: unitID)
        let today = CivilDay.today(settings.now()).iso
        let tutors = try tutorStore.tutors(servingAny: ancestry)
            .filter { $0.status(on: today) == .active && $0.tutor.employeeID != employee.id }
        guard !tutors.isEmpty else { return [] }
        let topicNames = try tutorTopicNames(employee.organisationID, strings)
        var unitNames: [Int64: String] = [:]
        for id in Set(tutors.flatMap { $0.units.map(\.unitID) }) { unitNames[id] = try units.unit(id: id)?.name }
        // Those of the person's own unit first, then those of the units above.
        let ordered = tutors.sorted { first, second in
            first.units.contains { $0.unitID == unitID } && !second.units.contains { $0.unitID == unitID }
        }
        return ordered.map { tutorCard($0, topicNames: topicNames, unitNames: unitNames, strings) }
    }
}
