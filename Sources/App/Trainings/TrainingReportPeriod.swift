import Foundation
import HTTPServer

/// The period of HR's training report, from the page's GET form: `from` and `to` as dates
/// (`YYYY-MM-DD`, or `D.M.YYYY` typed by hand); by default the 12 months that end today.
struct TrainingReportPeriod {
    /// What was typed, to show again.
    let fromText: String
    let toText: String
    /// The period, when both dates are valid and in order.
    let from: String?
    let to: String?
    let errors: FormErrors

    /// The longest period a report covers.
    static let longestDays = 5 * 366

    init(_ request: Request, strings: Strings, today: String = TrainingReportDates.today()) {
        let typedFrom = request.queryValue("from")?.trimmingCharacters(in: .whitespaces) ?? ""
        let typedTo = request.queryValue("to")?.trimmingCharacters(in: .whitespaces) ?? ""
        fromText = String((typedFrom.isEmpty ? TrainingReportDates.yearBefore(today) : typedFrom).prefix(40))
        toText = String((typedTo.isEmpty ? today : typedTo).prefix(40))
        var errors = FormErrors()
        let from = Self.date(fromText), to = Self.date(toText)
        if from == nil { errors.add("from", strings.text("trainingreport_error_date")) }
        if to == nil { errors.add("to", strings.text("trainingreport_error_date")) }
        if let from, let to {
            let days = TrainingReportDates.days(from: from, to: to) ?? 0
            if days < 0 {
                errors.add("to", strings.text("trainingreport_error_order"))
            } else if days > Self.longestDays {
                errors.add("from", strings.text("trainingreport_error_too_long"))
            }
        }
        self.errors = errors
        (self.from, self.to) = errors.isEmpty ? (from, to) : (nil, nil)
    }

    /// A date of the years the service can hold, as `YYYY-MM-DD`; nil for anything else.
    static func date(_ text: String) -> String? {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let finnish = text.split(separator: ".", omittingEmptySubsequences: false)
        let parts: [Int]
        if iso.count == 3, iso[0].count == 4 {
            parts = iso.compactMap { Int($0) }
        } else if finnish.count == 3, finnish[2].count == 4 {
            parts = finnish.reversed().compactMap { Int($0) }
        } else {
            return nil
        }
        guard parts.count == 3, (2000...2100).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2])
        else { return nil }
        let day = String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
        // 31 February and the like do not survive the round trip through the calendar.
        guard let instant = TrainingReportDates.startOfDay(day), HelsinkiTime.date(instant) == day else { return nil }
        return day
    }
}
