/// Import problems in the reader's language. The importer's own `description`s are English, for the
/// command line and logs; pages use these.
extension Strings {
    func column(_ column: EmployeeColumn) -> String {
        text("import_column_" + column.rawValue)
    }

    func problem(_ problem: EmployeeRowProblem) -> String {
        switch problem {
        case .wrongFieldCount(let expected, let found):
            return format("import_problem_field_count", ["expected": number(expected), "found": number(found)])
        case .missingValue(let column):
            return format("import_problem_missing", ["column": self.column(column)])
        case .duplicateHRNumber(let hrNumber, let firstLine):
            return format("import_problem_duplicate", ["number": hrNumber, "line": number(firstLine)])
        case .badDate(let column, let value):
            return format("import_problem_bad_date", ["column": self.column(column), "value": shownValue(value)])
        case .impossibleDate(let column, let value):
            return format("import_problem_impossible_date", ["column": self.column(column), "value": shownValue(value)])
        case .endBeforeStart(let start, let end):
            return format("import_problem_end_before_start", ["start": start, "end": end])
        case .badEmail(let value):
            return format("import_problem_bad_email", ["value": shownValue(value)])
        case .unknownLanguage(let value):
            return format("import_problem_language", ["value": shownValue(value)])
        case .possibleFormula(let column, let value):
            return format("import_problem_formula", ["column": self.column(column), "value": shownValue(value)])
        case .controlCharacter(let column):
            return format("import_problem_control", ["column": self.column(column)])
        case .tooLong(let column, let limit):
            return format("import_problem_too_long", ["column": self.column(column), "limit": number(limit)])
        }
    }

    func fileProblem(_ error: EmployeeImportError) -> String {
        switch error {
        case .empty: return text("import_error_empty")
        case .tooLarge: return text("import_error_too_large")
        case .utf16: return text("import_error_utf16")
        case .notText: return text("import_error_not_text")
        case .spreadsheetWorkbook: return text("import_error_workbook")
        case .invalidUTF8AfterByteOrderMark: return text("import_error_bad_utf8")
        case .missingColumns(let missing, let found):
            return format("import_error_missing_columns", [
                "missing": missing.map(column).joined(separator: ", "),
                "found": found.isEmpty ? "–" : names(found),
            ])
        case .duplicateColumn(let column, _, _):
            return format("import_error_duplicate_column", ["column": self.column(column)])
        case .malformedQuotes(let line):
            return format("import_error_quotes", ["line": number(line)])
        case .unclosedQuote(let line):
            return format("import_error_unclosed_quote", ["line": number(line)])
        case .noRows: return text("import_error_no_rows")
        case .tooManyRows(let limit): return format("import_error_too_many_rows", ["limit": number(limit)])
        case .tooManyColumns(let found, let limit):
            return format("import_error_too_many_columns", ["found": number(found), "limit": number(limit)])
        case .lineTooLong(let line, let limit):
            return format("import_error_line_too_long", ["line": number(line), "kilobytes": number((limit + 1023) / 1024)])
        case .rowsRejected(let count): return format("import_error_rows_rejected", ["count": number(count)])
        }
    }

    func notice(_ notice: EmployeeImportNotice) -> String {
        switch notice {
        case .ignoredColumns(let headers): return format("import_notice_ignored", ["columns": names(headers)])
        case .blankLinesSkipped(let count): return format("import_notice_blank", ["count": number(count)])
        }
    }

    /// A few of the names and how many more, never the whole list (a file can have thousands of columns).
    private func names(_ all: [String]) -> String {
        let shown = ShownNames(all)
        let list = shown.names.joined(separator: ", ")
        return shown.more == 0 ? list : format("import_list_more", ["list": list, "count": number(shown.more)])
    }

    /// A cell's value as a row problem shows it: at most 40 characters.
    private func shownValue(_ text: String) -> String {
        text.count > ShownNames.maxLength ? String(text.prefix(ShownNames.maxLength)) + "…" : text
    }
}
