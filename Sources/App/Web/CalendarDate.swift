import Foundation

/// Calendar dates as the database stores them, `YYYY-MM-DD`.
public enum CalendarDate {
    /// The local calendar date: end dates before it make employees inactive, demo dates count back
    /// from it.
    public static func today(_ date: Date = Date()) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
