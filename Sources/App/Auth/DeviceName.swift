/// A browser and system named as a person would name them ("Chrome, Android"), from a User-Agent
/// header, for the sessions page. Only the name is kept, never the header (which fingerprints).
enum DeviceName {
    /// Browsers in the order their tokens must be tested: Edge and Samsung Internet also say
    /// "Chrome", Chrome also says "Safari".
    static let browsers: [(token: String, name: String)] = [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("SamsungBrowser/", "Samsung Internet"),
        ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"), ("CriOS/", "Chrome"), ("Chrome/", "Chrome"),
        ("Safari/", "Safari"), ("curl/", "curl"),
    ]
    static let systems: [(token: String, name: String)] = [
        ("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ]

    /// "Browser, system", either alone when the other is unknown, or "" when neither is.
    static func name(userAgent: String?) -> String {
        guard let userAgent, !userAgent.isEmpty else { return "" }
        let browser = browsers.first { userAgent.contains($0.token) }?.name
        let system = systems.first { userAgent.contains($0.token) }?.name
        return [browser, system].compactMap { $0 }.joined(separator: ", ")
    }
}
