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
                logger.info("\(request.method.rawValue) \(request.rawPath) \(response.status.code)", metadata: [
                    "request-id": "\(identified.id)",
                    "bytes": "\(response.body.count)",
                    "duration-ms": "\(Double(micros) / 1000)",
                ])
                return response
            }
        }
    }

    static func nextRequestID() -> String {
        let number = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number, radix: 36)
    }
}
