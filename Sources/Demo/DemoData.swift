import App
import Storage

/// One of the fictional organisations of the demo.
public struct DemoOrganisation: Sendable, Equatable {
    /// The organisation's fixed slug, e.g. `jarvela`.
    public let slug: String
    /// Its official name, e.g. "Järvelän kaupunki".
    public let name: String
    /// The share of the demo's employees who work here.
    public let share: Double
    /// Swedish-speaking organisations name their sectors, units and titles in Swedish and employ
    /// mostly Swedish speakers.
    public let swedishSpeaking: Bool
}

/// A demo sign-in: the login and what it may do, for the table printed after loading and by `make run`.
public struct DemoSignIn: Sendable, Equatable {
    /// What is typed at sign-in.
    public let login: String
    /// The one role the sign-in is given.
    public let role: Role
    /// Role and scope in words, e.g. "HR, Järvelän kaupunki".
    public let roleDescription: String
}

/// The fixed facts of the demo data set that other code and tests rely on: the organisations, the
/// sign-ins and their password.
public enum DemoData {
    /// The password of every demo sign-in.
    public static let password = "demo-salasana-2026"

    /// The size `taitotutka demo` makes without `--employees`.
    public static let defaultEmployeeCount = 2000
    /// Enough employees for every organisation to have the units the sign-ins need, and few enough
    /// that one process holds the whole roster comfortably.
    public static let employeeCountRange = 100...200_000

    /// Three municipalities in regional cooperation, with 60, 30 and 10 % of the staff.
    public static let organisations = [
        DemoOrganisation(slug: "jarvela", name: "Järvelän kaupunki", share: 0.6, swedishSpeaking: false),
        DemoOrganisation(slug: "koskenkyla", name: "Koskenkylän kunta", share: 0.3, swedishSpeaking: false),
        DemoOrganisation(slug: "solvik", name: "Solviks kommun", share: 0.1, swedishSpeaking: true),
    ]

    /// One sign-in per role, in the order they are printed.
    public static let signIns = [
        DemoSignIn(login: "admin", role: .admin, roleDescription: "administrator (whole installation)"),
        DemoSignIn(login: "hr", role: .hr, roleDescription: "HR, Järvelän kaupunki"),
        DemoSignIn(login: "hr.koskenkyla", role: .hr, roleDescription: "HR, Koskenkylän kunta"),
        DemoSignIn(login: "koordinaattori", role: .tutorCoordinator,
                   roleDescription: "digitutor coordinator, Järvelän kaupunki"),
        DemoSignIn(login: "esihenkilo", role: .supervisor,
                   roleDescription: "supervisor of a Järvelä daycare centre and its groups"),
        DemoSignIn(login: "esihenkilo2", role: .supervisor, roleDescription: "supervisor of a Järvelä school"),
        DemoSignIn(login: "tyontekija", role: .employee, roleDescription: "employee in esihenkilo's daycare centre"),
        DemoSignIn(login: "digitutor", role: .employee,
                   roleDescription: "digitutor of tyontekija's unit (an employee who helps colleagues)"),
    ]
}
