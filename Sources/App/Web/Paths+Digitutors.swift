/// Links of the digitutors feature (`Digitutors/`).
extension Paths {
    /// "Find help": the organisation's tutors by topic, the reader's sector first.
    static let findHelp = "/digitutors"
}
