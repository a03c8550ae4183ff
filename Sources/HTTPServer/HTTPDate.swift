#if canImport(Glibc)
import Glibc
#endif

/// IMF-fixdate formatting and parsing (RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
public enum HTTPDate {
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private final class Cache {
        var second = -1
        var text: [UInt8] = []
    }

    /// The formatted current second per thread, so the `Date` header costs one comparison per
    /// response and no lock.
    private static let cache = ThreadLocal { Cache() }

    /// The `Date` header value for now, as bytes.
    static func nowBytes() -> [UInt8] {
        let second = time(nil)
        let cached = cache.value
        if cached.second != second {
            cached.second = second
            cached.text = Array(format(secondsSince1970: second).utf8)
        }
        return cached.text
    }

    /// Formats seconds since 1970 as an IMF-fixdate.
    public static func format(secondsSince1970 seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = dayNames[Int(parts.tm_wday) % 7], month = monthNames[Int(parts.tm_mon) % 12]
        return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    /// Parses an IMF-fixdate into seconds since 1970, or nil. (The obsolete RFC 850 and asctime
    /// forms are not accepted; a conditional request with one simply gets a full response.)
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
              let month = monthNames.firstIndex(of: String(parts[2])) else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1970...9999).contains(year) else { return nil }
        var fields = tm()
        fields.tm_year = Int32(year - 1900)
        fields.tm_mon = Int32(month)
        fields.tm_mday = Int32(day)
        fields.tm_hour = Int32(hour)
        fields.tm_min = Int32(minute)
        fields.tm_sec = Int32(second)
        return Int(timegm(&fields))
    }
}
