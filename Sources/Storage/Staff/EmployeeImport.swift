/// One employee as read from the HR system's export, already validated by the importer.
/// Sector and unit are given by name, as in the export; missing ones are created on apply.
public struct ImportedEmployee: Sendable, Equatable {
    public var hrNumber: String
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var phone: String?
    public var sectorName: String?
    public var unitName: String?
    public var jobTitle: String?
    public var jobGroup: String?
    /// Calendar dates as `YYYY-MM-DD`.
    public var startDate: String?
    public var endDate: String?
    /// `fi`, `sv` or `en`.
    public var language: String

    public init(hrNumber: String, firstName: String, lastName: String, email: String? = nil, phone: String? = nil,
                sectorName: String? = nil, unitName: String? = nil, jobTitle: String? = nil, jobGroup: String? = nil,
                startDate: String? = nil, endDate: String? = nil, language: String = "fi") {
        self.hrNumber = hrNumber
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.sectorName = sectorName
        self.unitName = unitName
        self.jobTitle = jobTitle
        self.jobGroup = jobGroup
        self.startDate = startDate
        self.endDate = endDate
        self.language = language
    }
}

/// An optional column of the export. When the file lacks it, stored values are kept: an export
/// without, say, e-mail addresses must not erase the addresses already on the roster.
public enum ImportedField: String, Sendable, Hashable, CaseIterable {
    case email, phone, unit, jobTitle, jobGroup, startDate, endDate, language
}

/// A whole roster export for one organisation. HR numbers are unique within `employees`.
public struct EmployeeImportBatch: Sendable {
    public var organisationID: Int64
    public var employees: [ImportedEmployee]
    /// Optional columns the file did not have; existing employees keep their stored values for them.
    public var absentFields: Set<ImportedField> = []
    /// Whether active employees missing from the file are deactivated (a full roster export).
    public var deactivateMissing: Bool
    /// The date the import is made, `YYYY-MM-DD`: rows whose end date is before it are imported inactive.
    public var today: String

    public init(organisationID: Int64, employees: [ImportedEmployee], deactivateMissing: Bool, today: String) {
        self.organisationID = organisationID
        self.employees = employees
        self.deactivateMissing = deactivateMissing
        self.today = today
    }
}

/// What an import did, or would do in a dry run: the same code computes both.
public struct EmployeeImportOutcome: Sendable, Equatable {
    /// Rows whose HR number was new to the organisation (an end date already passed still counts).
    public var created = 0
    /// Rows of known employees with any field different, unit and active flag included.
    public var changed = 0
    public var unchanged = 0
    /// Employees who went from active to inactive: by a passed end date (also counted in `changed`)
    /// or, with `deactivateMissing`, by being absent from the batch.
    public var deactivated = 0
    /// Names of the sectors and units the batch named and the organisation lacked, in first-use order.
    public var sectorsCreated: [String] = []
    public var unitsCreated: [String] = []
    /// Every employee the import deactivates, in HR-number order, with the reason.
    public var deactivations: [ImportDeactivation] = []
    /// Active employees of the organisation before the import: what a deactivation's share is of.
    public var activeBefore = 0

    public init() {}

    /// The share of the organisation's active staff the import deactivates, 0…1.
    public var deactivatedShare: Double {
        activeBefore == 0 ? 0 : Double(deactivated) / Double(activeBefore)
    }
}

/// An employee an import deactivates.
public struct ImportDeactivation: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// Not in the file, which was declared a full roster export; can be undone.
        case missing
        /// The file gives an end date that has passed.
        case ended
    }

    public var employeeID: Int64
    public var hrNumber: String
    public var firstName: String
    public var lastName: String
    public var unitID: Int64?
    public var reason: Reason
}
