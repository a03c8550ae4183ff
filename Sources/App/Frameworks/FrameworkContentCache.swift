import Storage

/// Published frameworks never change (the database refuses it), so their content is read once and
/// kept: every survey page and submission needs the areas and statements. A framework's texts take
/// some tens of kilobytes, so the budget holds every version an installation is likely to have.
final class FrameworkContentCache: Sendable {
    static let budget = 4 << 20
    private let contents = SingleFlight<FrameworkContent>(budget: FrameworkContentCache.budget, cost: { $0.memoryCost })

    func content(_ frameworkID: Int64, read: () throws -> FrameworkContent?) throws -> FrameworkContent? {
        do {
            return try contents.value(CacheKey(family: "framework:\(frameworkID)", version: 0, variant: "")) {
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
