import Foundation

/// One column of the HR system's staff export that the importer understands.
public enum EmployeeColumn: String, CaseIterable, Sendable, Hashable {
    case hrNumber, firstName, lastName, email, phone, sector, unit, jobTitle, jobGroup, startDate, endDate, language

    /// The columns without which a file is refused.
    public static let required: [EmployeeColumn] = [.hrNumber, .firstName, .lastName]

    /// The English header name, as documented in docs/import-format.md.
    public var englishHeader: String {
        switch self {
        case .hrNumber: return "HR number"
        case .firstName: return "First name"
        case .lastName: return "Last name"
        case .email: return "Email"
        case .phone: return "Phone"
        case .sector: return "Sector"
        case .unit: return "Unit"
        case .jobTitle: return "Job title"
        case .jobGroup: return "Job group"
        case .startDate: return "Start date"
        case .endDate: return "End date"
        case .language: return "Language"
        }
    }

    /// The Finnish header name, as documented in docs/import-format.md.
    public var finnishHeader: String {
        switch self {
        case .hrNumber: return "Henkilönumero"
        case .firstName: return "Etunimi"
        case .lastName: return "Sukunimi"
        case .email: return "Sähköposti"
        case .phone: return "Puhelin"
        case .sector: return "Toimiala"
        case .unit: return "Yksikkö"
        case .jobTitle: return "Tehtävänimike"
        case .jobGroup: return "Ammattiryhmä"
        case .startDate: return "Alkupäivä"
        case .endDate: return "Loppupäivä"
        case .language: return "Kieli"
        }
    }

    /// Every header accepted for this column (Finnish, English and Swedish variants HR systems use).
    /// Matching folds case, accents, spaces and punctuation, so "E-mail" and "email" are one name.
    var acceptedHeaders: [String] {
        switch self {
        case .hrNumber:
            return ["henkilönumero", "henkilönro", "hlönro", "henkilöstönumero", "työntekijänumero",
                    "HR number", "HR no", "HR id", "employee number", "employee id", "personnel number",
                    "personalnummer", "anställningsnummer"]
        case .firstName:
            return ["etunimi", "etunimet", "kutsumanimi", "first name", "given name", "förnamn"]
        case .lastName:
            return ["sukunimi", "last name", "surname", "family name", "efternamn"]
        case .email:
            return ["sähköposti", "sähköpostiosoite", "email", "email address", "e-post"]
        case .phone:
            return ["puhelin", "puhelinnumero", "matkapuhelin", "phone", "phone number", "mobile", "telefon",
                    "telefonnummer"]
        case .sector:
            return ["toimiala", "sector", "sektor", "verksamhetsområde"]
        case .unit:
            return ["yksikkö", "työyksikkö", "unit", "work unit", "enhet", "arbetsenhet"]
        case .jobTitle:
            return ["tehtävänimike", "nimike", "job title", "title", "befattning", "titel"]
        case .jobGroup:
            return ["ammattiryhmä", "job group", "occupational group", "yrkesgrupp"]
        case .startDate:
            return ["alkupäivä", "alkamispäivä", "start date", "startdatum"]
        case .endDate:
            return ["loppupäivä", "päättymispäivä", "end date", "slutdatum"]
        case .language:
            return ["kieli", "asiointikieli", "language", "språk"]
        }
    }

    private static let byFoldedHeader: [String: EmployeeColumn] = {
        var table: [String: EmployeeColumn] = [:]
        for column in allCases {
            for name in column.acceptedHeaders { table[foldedHeader(name)] = column }
        }
        return table
    }()

    /// The column a header names, or nil for a column the importer ignores.
    public init?(header: String) {
        guard let column = Self.byFoldedHeader[Self.foldedHeader(header)] else { return nil }
        self = column
    }

    /// Case and accents folded, everything but letters and digits dropped: "Työyksikkö " → "tyoyksikko".
    static func foldedHeader(_ header: String) -> String {
        let folded = header.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }
}
