import Storage

/// Published frameworks never change (the database refuses it), so their content is read once and
/// kept: every survey page and submission needs the areas and statements.
final class FrameworkContentCache: Sendable {
    private let contents = SingleFlight<FrameworkContent>(capacity: 64)

    func content(_ frameworkID: Int64, read: () throws -> FrameworkContent?) throws -> FrameworkContent? {
        do {
            return try contents.value(String(frameworkID)) {
                guard let content = try read(), content.framework.status == .published else { throw NotCached.draft }
                return content
            }
        } catch NotCached.draft {
            // Drafts change while HR edits them: read each time, never cached.
            return try read()
        }
    }

    private enum NotCached: Error {
        case draft
    }
}

extension WebApp {
    /// A framework's content; published versions come from memory.
    func frameworkContent(_ frameworkID: Int64) throws -> FrameworkContent? {
        try frameworkContents.content(frameworkID) { try frameworks.content(frameworkID: frameworkID) }
    }
}
