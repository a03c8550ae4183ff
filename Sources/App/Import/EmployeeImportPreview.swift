import Storage

/// The field separator of an uploaded CSV file.
public enum ImportDelimiter: String, Sendable, Equatable, CustomStringConvertible {
    case comma
    case semicolon

    var character: Character { self == .comma ? "," : ";" }

    public var description: String { self == .comma ? "comma (,)" : "semicolon (;)" }
}

/// What reading a staff export found: the accepted employees, every rejected row with its line and
/// reasons, notices, and how the file was read. Nothing is stored until `batch(…)` is applied.
public struct EmployeeImportPreview: Sendable {
    public var encoding: ImportTextEncoding
    public var delimiter: ImportDelimiter
    /// The recognised columns, in file order.
    public var columns: [EmployeeColumn]
    public var employees: [ImportedEmployee]
    public var rejected: [RejectedEmployeeRow]
    public var notices: [EmployeeImportNotice]

    public init(encoding: ImportTextEncoding, delimiter: ImportDelimiter, columns: [EmployeeColumn],
                employees: [ImportedEmployee], rejected: [RejectedEmployeeRow], notices: [EmployeeImportNotice]) {
        self.encoding = encoding
        self.delimiter = delimiter
        self.columns = columns
        self.employees = employees
        self.rejected = rejected
        self.notices = notices
    }

    /// Employee rows read, accepted or not (blank lines are not rows).
    public var rowCount: Int { employees.count + rejected.count }

    /// The batch to apply. Refuses while any row is rejected, so a file with errors never half-applies:
    /// HR fixes the file and uploads it again.
    public func batch(forOrganisation organisationID: Int64, today: String,
                      deactivateMissing: Bool) throws(EmployeeImportError) -> EmployeeImportBatch {
        guard rejected.isEmpty else { throw .rowsRejected(count: rejected.count) }
        return previewBatch(forOrganisation: organisationID, today: today, deactivateMissing: deactivateMissing)
    }

    /// The accepted rows only, for showing what an import would do while some rows are still rejected.
    /// Never apply it: employees on rejected rows would count as missing from the file.
    public func previewBatch(forOrganisation organisationID: Int64, today: String,
                             deactivateMissing: Bool) -> EmployeeImportBatch {
        var batch = EmployeeImportBatch(organisationID: organisationID, employees: employees,
                                        deactivateMissing: deactivateMissing, today: today)
        batch.absentFields = absentFields
        return batch
    }

    /// Optional columns the file lacks: existing employees keep what is stored for them.
    public var absentFields: Set<ImportedField> {
        let present = Set(columns)
        let pairs: [(EmployeeColumn, ImportedField)] = [
            (.email, .email), (.phone, .phone), (.unit, .unit), (.jobTitle, .jobTitle), (.jobGroup, .jobGroup),
            (.startDate, .startDate), (.endDate, .endDate), (.language, .language),
        ]
        return Set(pairs.filter { !present.contains($0.0) }.map(\.1))
    }
}
