import Storage

/// Checks the rows of a staff export one by one, remembering HR numbers to find duplicates.
struct EmployeeRowValidator {
    private let header: EmployeeHeader
    private let maxCellLength: Int
    private var firstLineOfHRNumber: [String: Int] = [:]
    private(set) var accepted: [ImportedEmployee] = []
    private(set) var rejected: [RejectedEmployeeRow] = []

    init(header: EmployeeHeader, maxCellLength: Int) {
        self.header = header
        self.maxCellLength = maxCellLength
    }

    mutating func validate(_ fields: [String], line: Int) {
        guard fields.count == header.fieldCount else {
            let hrNumber = header.positions[.hrNumber].flatMap { $0 < fields.count ? fields[$0] : nil }
                .map(FieldRules.normalisedText)
            rejected.append(RejectedEmployeeRow(
                line: line, hrNumber: hrNumber?.isEmpty == false ? hrNumber : nil,
                problems: [.wrongFieldCount(expected: header.fieldCount, found: fields.count)]))
            return
        }
        var row = RowReading(fields: fields, header: header, maxCellLength: maxCellLength)
        let employee = row.employee()
        if !employee.hrNumber.isEmpty {
            if let first = firstLineOfHRNumber[employee.hrNumber] {
                row.problems.append(.duplicateHRNumber(employee.hrNumber, firstLine: first))
            } else {
                firstLineOfHRNumber[employee.hrNumber] = line
            }
        }
        if row.problems.isEmpty {
            accepted.append(employee)
        } else {
            rejected.append(RejectedEmployeeRow(line: line, hrNumber: employee.hrNumber.isEmpty ? nil : employee.hrNumber,
                                                problems: row.problems))
        }
    }
}

/// The cells of one row turned into an employee, collecting every problem on the way.
private struct RowReading {
    let fields: [String]
    let header: EmployeeHeader
    let maxCellLength: Int
    var problems: [EmployeeRowProblem] = []

    init(fields: [String], header: EmployeeHeader, maxCellLength: Int) {
        self.fields = fields
        self.header = header
        self.maxCellLength = maxCellLength
    }

    mutating func employee() -> ImportedEmployee {
        let hrNumber = required(.hrNumber)
        let firstName = required(.firstName)
        let lastName = required(.lastName)
        let startDate = date(.startDate)
        let endDate = date(.endDate)
        if let startDate, let endDate, endDate < startDate {
            problems.append(.endBeforeStart(start: startDate, end: endDate))
        }
        return ImportedEmployee(
            hrNumber: hrNumber, firstName: firstName, lastName: lastName, email: email(),
            phone: optional(.phone), sectorName: optional(.sector), unitName: optional(.unit),
            jobTitle: optional(.jobTitle), jobGroup: optional(.jobGroup),
            startDate: startDate, endDate: endDate, language: language())
    }

    /// The trimmed cell, or "" when the column is absent or the cell is unsafe (its problem recorded).
    private mutating func cell(_ column: EmployeeColumn) -> String {
        guard let index = header.positions[column] else { return "" }
        let raw = fields[index]
        let value = FieldRules.normalisedText(raw)
        if FieldRules.hasControlCharacter(raw) {
            problems.append(.controlCharacter(column: column))
            return ""
        }
        if ImportFieldRules.looksLikeFormula(raw: raw, trimmed: value, column: column) {
            problems.append(.possibleFormula(column: column, value: value.isEmpty ? raw : value))
            return ""
        }
        if value.count > maxCellLength {
            problems.append(.tooLong(column: column, limit: maxCellLength))
            return ""
        }
        return value
    }

    private mutating func required(_ column: EmployeeColumn) -> String {
        let problemsBefore = problems.count
        let value = cell(column)
        if value.isEmpty && problems.count == problemsBefore { problems.append(.missingValue(column: column)) }
        return value
    }

    private mutating func optional(_ column: EmployeeColumn) -> String? {
        let value = cell(column)
        return value.isEmpty ? nil : value
    }

    private mutating func date(_ column: EmployeeColumn) -> String? {
        guard let value = optional(column) else { return nil }
        switch FieldRules.readDate(value) {
        case .date(let date): return date
        case .malformed: problems.append(.badDate(column: column, value: value))
        case .impossible: problems.append(.impossibleDate(column: column, value: value))
        }
        return nil
    }

    private mutating func email() -> String? {
        guard let value = optional(.email) else { return nil }
        if !FieldRules.isEmailShaped(value) { problems.append(.badEmail(value)) }
        return value
    }

    private mutating func language() -> String {
        let value = cell(.language)
        guard let code = ImportFieldRules.languageCode(value) else {
            problems.append(.unknownLanguage(value))
            return "fi"
        }
        return code
    }
}
