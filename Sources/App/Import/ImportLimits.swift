/// The staff import pages: upload, preview, apply.
extension WebApp {
    /// Largest upload accepted: the reader's 20 MB limit plus room for the form's other parts.
    static let importBodyLimit = 21 * 1_048_576
}
