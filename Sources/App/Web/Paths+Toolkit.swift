/// Links of the supervisor toolkit (`Toolkit/`).
extension Paths {
    /// A supervisor's unit (with its sub-units) in one place: each section's headline and its full page.
    static func unitToolkit(_ unitID: Int64) -> String { unit(unitID) + "/toolkit" }
}
