import Foundation
import Storage

/// A year of the digitutors' help log in Järvelä: on working days, each tutor who was active then
/// logs now and then a few minutes of help in their units. Teams and e-mail come up most; HR
/// self-service peaks in January (tax cards, the new payslip view); AI at work grows through the
/// year; July is quiet. No entry names anyone helped (the table cannot).
struct DemoTutorHelp {
    let database: AppDatabase
    let seed: UInt64
    let today: DemoDay

    /// Relative weight of each demo topic (in `DemoTutors.topics` order) in an ordinary month.
    static let topicWeights: [Double] = [26, 16, 12, 13, 15, 6, 8, 4]
    static let minutes = [5, 15, 30, 60]
    static let minuteWeights: [Double] = [34, 37, 20, 9]
    static let channels: [HelpChannel] = [.inPerson, .phone, .teams]
    static let channelWeights: [Double] = [64, 14, 22]

    /// Returns how many entries were logged.
    func load(organisationIDs: [String: Int64]) throws(DemoError) -> Int {
        guard let organisationID = organisationIDs["jarvela"] else { return 0 }
        let store = TutorStore(database)
        let topics = try demoStorage { try store.topics(organisationID: organisationID) }.map(\.id)
        guard topics.count == Self.topicWeights.count else { return 0 }
        let units = try demoStorage { try UnitStore(database).units(organisationID: organisationID) }
        let children = Dictionary(grouping: units.filter { $0.parentID != nil }, by: { $0.parentID ?? 0 }).mapValues { $0.map(\.id) }
        var entries: [HelpLogEntry] = []
        for tutor in try demoStorage({ try store.tutors(organisationID: organisationID) }) {
            var random = DemoRandom(seed: DemoSeed.mix(seed, DemoSeed.hash("digitutor-help/\(tutor.tutor.employeeID)")))
            // Where they help: their units, and the sub-units of those they serve with sub-units.
            let served = tutor.units.flatMap { [$0.unitID] + ($0.includesSubunits ? children[$0.unitID] ?? [] : []) }
            // Some tutors are much busier than others.
            let perDay = 0.12 + 0.35 * random.unit()
            for back in (0...364).reversed() {
                let day = today.adding(days: -back)
                guard Self.isWorkingDay(day), tutor.status(on: day.text) == .active else { continue }
                let month = day.components.month
                let rate = month == 7 ? perDay * 0.2 : perDay
                guard random.chance(rate), let unitID = random.element(of: served) else { continue }
                let topic = random.index(weights: Self.weights(month: month, daysAgo: back))
                entries.append(HelpLogEntry(
                    tutorID: tutor.tutor.id, day: day.text, topicID: topics[topic],
                    minutes: Self.minutes[random.index(weights: Self.minuteWeights)],
                    channel: Self.channels[random.index(weights: Self.channelWeights)], unitID: unitID))
            }
        }
        return try demoStorage { try store.logHelpMany(entries) }
    }

    /// The topic weights of a month: HR self-service (index 3) triples in January, and AI at work
    /// (index 7) grows from a trickle a year ago to one of the common topics now.
    static func weights(month: Int, daysAgo: Int) -> [Double] {
        var weights = topicWeights
        if month == 1 { weights[3] *= 3 }
        weights[7] *= 1 + 4 * Double(365 - daysAgo) / 365
        return weights
    }

    /// Monday to Friday (1970-01-01 was a Thursday).
    static func isWorkingDay(_ day: DemoDay) -> Bool {
        let weekday = ((day.daysSinceEpoch % 7) + 7 + 3) % 7 + 1
        return weekday <= 5
    }
}
