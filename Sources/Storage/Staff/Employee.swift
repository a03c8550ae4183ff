import Foundation
import GRDB

/// A person on the staff roster, identified within the organisation by HR number.
public struct Employee: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "employees"

    public var organisationID: Int64
    public var hrNumber: String
    public var firstName: String
    public var lastName: String
    public var email: String?
    public var phone: String?
    public var unitID: Int64?
    public var jobTitle: String?
    public var jobGroup: String?
    /// Calendar dates as `YYYY-MM-DD`.
    public var startDate: String?
    public var endDate: String?
    /// `fi`, `sv` or `en`.
    public var language: String
    public var active: Bool
    public var createdAt: Date
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case email, phone, language, active
        case organisationID = "organisation_id"
        case hrNumber = "hr_number"
        case firstName = "first_name"
        case lastName = "last_name"
        case unitID = "unit_id"
        case jobTitle = "job_title"
        case jobGroup = "job_group"
        case startDate = "start_date"
        case endDate = "end_date"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(organisationID: Int64, hrNumber: String, firstName: String, lastName: String,
                email: String? = nil, phone: String? = nil, unitID: Int64? = nil, jobTitle: String? = nil,
                jobGroup: String? = nil, startDate: String? = nil, endDate: String? = nil, language: String = "fi",
                active: Bool = true, createdAt: Date = Date(), updatedAt: Date = Date()) {
        self.organisationID = organisationID
        self.hrNumber = hrNumber
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.unitID = unitID
        self.jobTitle = jobTitle
        self.jobGroup = jobGroup
        self.startDate = startDate
        self.endDate = endDate
        self.language = language
        self.active = active
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// First name then last name, as shown in lists and greetings.
    public var fullName: String { "\(firstName) \(lastName)" }
}
