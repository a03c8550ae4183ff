import Foundation
import Storage

/// A calendar month in Helsinki, as a poster shows it: `YYYY-MM`, from its first midnight to the next
/// month's.
struct PosterMonth: Sendable, Equatable {
    let year: Int
    let month: Int
    let start: Date
    let end: Date

    /// The month of `YYYY-MM` (years 2000–2100), or nil.
    init?(_ text: String) {
        guard let range = HelsinkiTime.month(text), let year = Int(text.prefix(4)), let month = Int(text.suffix(2))
        else { return nil }
        self.year = year
        self.month = month
        (start, end) = range
    }

    /// The Helsinki month an instant falls in (clamped to the years 2000–2100).
    init(containing instant: Date) {
        let parts = HelsinkiTime.calendar.dateComponents([.year, .month], from: instant)
        let year = min(2100, max(2000, parts.year ?? 2000)), month = parts.month ?? 1
        let start = HelsinkiTime.calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? instant
        let end = HelsinkiTime.calendar.date(byAdding: .month, value: 1, to: start) ?? HelsinkiTime.adding(days: 31, to: start)
        (self.year, self.month, self.start, self.end) = (year, month, start, end)
    }

    var text: String { String(format: "%04d-%02d", year, month) }

    /// The month before, or nil before 2000.
    var previous: PosterMonth? {
        month == 1 ? PosterMonth(String(format: "%04d-12", year - 1)) : PosterMonth(String(format: "%04d-%02d", year, month - 1))
    }

    /// The month after, or nil after 2100.
    var next: PosterMonth? {
        month == 12 ? PosterMonth(String(format: "%04d-01", year + 1)) : PosterMonth(String(format: "%04d-%02d", year, month + 1))
    }

    func contains(_ instant: Date) -> Bool {
        instant >= start && instant < end
    }
}

/// Which sessions a poster lists: the month's scheduled sessions of active trainings, earliest first.
enum PosterSelection {
    /// Most sessions one A4 poster holds; the rest are left to the calendar its QR code opens.
    static let maximumSessions = 12

    /// For a unit's coffee room: sessions aimed at the whole organisation, the unit or a unit above it,
    /// of trainings for everyone or for the unit's sector.
    static func forUnit(_ listings: [SessionListing], month: PosterMonth, unitAncestry: Set<Int64>, sectorID: Int64?,
                        audiences: [Int64: TrainingAudience], targets: [Int64: [Int64]]) -> [SessionListing] {
        scheduled(listings, in: month).filter { listing in
            let audience = audiences[listing.training.id] ?? .everyone
            let forSector = audience.isEveryone || sectorID.map { audience.sectorIDs.contains($0) } ?? false
            let units = targets[listing.session.id] ?? []
            return forSector && (units.isEmpty || units.contains { unitAncestry.contains($0) })
        }
    }

    /// For a series: all its scheduled sessions of the month, whoever they are aimed at.
    static func forSeries(_ listings: [SessionListing], month: PosterMonth, seriesID: Int64) -> [SessionListing] {
        scheduled(listings, in: month).filter { $0.training.seriesID == seriesID }
    }

    private static func scheduled(_ listings: [SessionListing], in month: PosterMonth) -> [SessionListing] {
        listings.filter { $0.session.status == .scheduled && $0.training.active && month.contains($0.session.startsAt) }
            .sorted { ($0.session.startsAt, $0.session.id) < ($1.session.startsAt, $1.session.id) }
    }
}
