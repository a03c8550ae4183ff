import Storage

/// How an import that deactivates staff must be confirmed, on the web and on the command line.
///
/// Deactivating everyone missing from a file is right for a full roster export and a disaster for a
/// file of three new hires. So it is never the default, a preview that deactivates anyone says so
/// prominently, applying needs a confirmation that names the number, and a deactivation of more
/// than `largeShare` of the organisation's active staff needs a second, deliberate step (typing the
/// number on a page of its own; `--confirm-deactivations N` on the command line).
public enum DeactivationSafety {
    /// A tenth of the active staff: a real roster export rarely loses more than a few per cent at once.
    public static let largeShare = 0.10

    public static func isLarge(_ outcome: EmployeeImportOutcome) -> Bool {
        outcome.deactivated > 0 && outcome.deactivatedShare > largeShare
    }
}
