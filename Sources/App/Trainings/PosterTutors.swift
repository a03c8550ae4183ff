import Foundation
import Storage

/// A digitutor of the unit at the foot of its training poster: who, when, and how to reach them.
struct PosterTutorView {
    let name: String
    let hours: String
    let hasHours: Bool
    let contact: String
    let hasContact: Bool
}

extension Strings {
    /// "Tuesdays 12:30–13:00 (Break room)", without empty brackets when no place is given.
    ///
    /// It lives here rather than in `Digitutors/` because the unit's training poster shows office
    /// hours too, and features depend one way only: Digitutors uses Trainings, never the reverse.
    func officeHour(_ hour: OfficeHour) -> String {
        format("tutors_hour", ["day": text("tutors_weekday_\(hour.weekday)"), "starts": hour.starts, "ends": hour.ends,
                               "place": hour.place])
            .replacingOccurrences(of: " ()", with: "")
    }
}

extension WebApp {
    /// At most this many tutors fit the poster's foot; the rest are on the "find help" page.
    static let posterTutorLimit = 2

    /// The unit's active digitutors for its poster, in the poster's language: the same people as
    /// "my digitutor" on the home page of the unit's staff (`TutorStore.activeTutors(servingUnit:)`,
    /// read through Storage so Trainings needs nothing of the Digitutors feature), and how many more
    /// did not fit.
    func posterTutors(_ unit: Stored<WorkUnit>, _ strings: Strings) throws -> (tutors: [PosterTutorView], more: Int) {
        // Today in Helsinki, as the home page counts it.
        let all = try TutorStore(database).activeTutors(servingUnit: unit.id, on: HelsinkiTime.date(settings.now()))
        let shown = all.prefix(Self.posterTutorLimit).map { tutor in
            var hours = tutor.hours.map(strings.officeHour)
            if tutor.tutor.askAnytime { hours.append(strings.text("tutors_ask_anytime")) }
            let contact = tutor.tutor.contactNote.isEmpty ? (tutor.email ?? "") : tutor.tutor.contactNote
            return PosterTutorView(name: tutor.firstName + " " + tutor.lastName, hours: hours.joined(separator: ", "),
                                   hasHours: !hours.isEmpty, contact: contact, hasContact: !contact.isEmpty)
        }
        return (Array(shown), all.count - shown.count)
    }
}
