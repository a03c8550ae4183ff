import Storage

/// The catalogue's filters, read from the query string: competence area, length, format, language.
/// Unknown values are ignored (the filter shows everything), so a hand-edited address cannot fail.
struct TrainingFilter: Sendable, Equatable {
    /// Lengths offered in the filter: up to 15 and up to 30 minutes, the sources' short formats.
    static let lengths = [15, 30]

    var areaCode: String?
    var maximumMinutes: Int?
    var format: TrainingFormat?
    var language: String?

    init(areaCode: String? = nil, maximumMinutes: Int? = nil, format: TrainingFormat? = nil, language: String? = nil) {
        self.areaCode = areaCode
        self.maximumMinutes = maximumMinutes
        self.format = format
        self.language = language
    }

    init(query: (String) -> String?, knownAreas: Set<String>) {
        areaCode = query("area").flatMap { knownAreas.contains($0) ? $0 : nil }
        maximumMinutes = query("length").flatMap(Int.init).flatMap { Self.lengths.contains($0) ? $0 : nil }
        format = query("format").flatMap(TrainingFormat.init(rawValue:))
        language = query("language").flatMap { ["fi", "sv", "en"].contains($0) ? $0 : nil }
    }

    var isEmpty: Bool { areaCode == nil && maximumMinutes == nil && format == nil && language == nil }

    /// Whether a training passes every chosen filter.
    func matches(_ training: Training, areaCodes: [String]) -> Bool {
        if let areaCode, !areaCodes.contains(areaCode) { return false }
        if let maximumMinutes, training.durationMinutes > maximumMinutes { return false }
        if let format, training.format != format { return false }
        if let language, training.language != language { return false }
        return true
    }

    /// The filter as query items, to keep it in links.
    var queryItems: [(String, String)] {
        [("area", areaCode ?? ""), ("length", maximumMinutes.map(String.init) ?? ""),
         ("format", format?.rawValue ?? ""), ("language", language ?? "")]
    }
}
