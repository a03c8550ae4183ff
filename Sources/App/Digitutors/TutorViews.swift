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
        let hours = tutor.hours.map(strings.officeHour)
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

    /// The active tutors of the employee's unit and of the units above it that include their sub-units
    /// (as coverage counts them): "my digitutor" on the home page. The same function keyed by unit
    /// names the tutors on the unit's training poster.
    func myTutors(_ employee: Stored<Employee>, _ strings: Strings) throws -> [TutorCardView] {
        guard let unitID = employee.unitID else { return [] }
        let today = CivilDay.today(settings.now()).iso
        // Those of the person's own unit come first, then those of the units above.
        let tutors = try tutorStore.activeTutors(servingUnit: unitID, on: today).filter { $0.tutor.employeeID != employee.id }
        guard !tutors.isEmpty else { return [] }
        let topicNames = try tutorTopicNames(employee.organisationID, strings)
        var unitNames: [Int64: String] = [:]
        for id in Set(tutors.flatMap { $0.units.map(\.unitID) }) { unitNames[id] = try units.unit(id: id)?.name }
        return tutors.map { tutorCard($0, topicNames: topicNames, unitNames: unitNames, strings) }
    }
}
