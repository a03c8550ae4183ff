import Logging
import Synchronization

/// One log line per request: request id, method, path (never the query string, which may carry
/// tokens), status, body bytes and duration. Also sets `X-Request-Id` on the response.
public enum AccessLog {
    private static let counter = Atomic<UInt64>(0)
    /// A per-process random prefix makes ids unique across restarts without a random draw per request.
    private static let prefix: String = {
        var generator = SystemRandomNumberGenerator()
        let value = UInt32.random(in: 0...UInt32.max, using: &generator)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }()

    public static func middleware(logger: Logger) -> Middleware {
        { next in
            { request in
                let started = MonotonicClock.now()
                var identified = request
                identified.id = nextRequestID()
                var response = try next(identified)
                response.headers.set("X-Request-Id", identified.id)
                let micros = (MonotonicClock.now() &- started) / 1000
                // One preformatted message rather than metadata: this runs for every request, and a
                // metadata dictionary per line costs more than the rest of the line.
                logger.info("""
                    \(request.method.rawValue) \(request.rawPath) \(response.status.code) \
                    bytes=\(response.body.count) duration-ms=\(micros / 1000).\(threeDigits(micros % 1000)) \
                    request-id=\(identified.id)
                    """)
                return response
            }
        }
    }

    private static func threeDigits(_ value: UInt64) -> String {
        value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)"
    }

    static func nextRequestID() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number, radix: 36)
    }
}
