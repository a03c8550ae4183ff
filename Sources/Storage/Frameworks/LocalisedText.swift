import Foundation
import GRDB

/// A text in the three languages of the service. Finnish is required; Swedish and English fall back
/// to Finnish when a translation is missing.
public struct LocalisedText: Sendable, Equatable, Hashable {
    public var fi: String
    public var sv: String
    public var en: String

    public init(fi: String, sv: String, en: String) {
        self.fi = fi
        self.sv = sv
        self.en = en
    }

    /// The text in `language` (`fi`, `sv` or `en`), or the Finnish text when that one is empty.
    public func text(_ language: String) -> String {
        let text: String
        switch language {
        case "sv": text = sv
        case "en": text = en
        default: text = fi
        }
        return text.trimmingCharacters(in: .whitespaces).isEmpty ? fi : text
    }
}
