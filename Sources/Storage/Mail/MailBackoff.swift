import Foundation

/// When a failed message is tried again: 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours after
/// the first five failures; the sixth failure is final.
public enum MailBackoff {
    /// The waits after the 1st … 5th failed attempt.
    public static let delays: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600]
    /// Attempts before a message is failed for good.
    public static let maximumAttempts = delays.count + 1

    /// The next attempt after `attempts` attempts have failed, or nil when that was the last.
    public static func retryAt(afterAttempts attempts: Int, from now: Date) -> Date? {
        guard attempts >= 1, attempts < maximumAttempts else { return nil }
        return now.addingTimeInterval(delays[attempts - 1])
    }
}
