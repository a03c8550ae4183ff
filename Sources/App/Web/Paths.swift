/// Every internal link of the application, printed from typed values. Besides the route table in
/// `Routes.swift`, this is the one place a path is spelled out; `PathsTests` prints every route with
/// these functions and checks that the router matches it back to that route.
enum Paths {
    // MARK: - Public and everyone signed in

    static let home = "/"
    static let signIn = "/sign-in"
    static let signOut = "/sign-out"
    static let language = "/language"
    static let accessibility = "/accessibility"
    /// The privacy notice (tietosuojaseloste): the footer's link, and each organisation's own.
    static let privacy = "/privacy"
    static func privacyNotice(_ slug: String) -> String { organisation(slug) + "/privacy" }
    static func editPrivacyNotice(_ slug: String) -> String { organisation(slug) + "/privacy/edit" }

    /// The sign-in page with a notice.
    static func signIn(notice: String) -> String { "/sign-in?notice=" + notice }
    static let changePassword = "/account/password"
    /// The signed-in person's own sessions, each with a button to end it.
    static let sessions = "/account/sessions"
    static func endSession(_ sessionID: Int64) -> String { sessions + "/\(sessionID)/end" }
    static let endOtherSessions = sessions + "/end-others"
    /// HR or an administrator ends every session of a user.
    static func endUserSessions(_ userID: Int64) -> String { "/users/\(userID)/sessions/end" }
    /// The code step of signing in, and setting up an authenticator there when the role requires one.
    static let secondFactorAction = "/sign-in/second-factor"
    static func secondFactor(next: String) -> String { secondFactorAction + WebApp.queryString([("next", next)]) }
    static let secondFactorSetupAction = "/sign-in/second-factor/setup"
    static func secondFactorSetup(next: String) -> String { secondFactorSetupAction + WebApp.queryString([("next", next)]) }
    /// The person's own security settings: authenticator, recovery codes; and typing the password again.
    static let security = "/account/security"
    static let confirmIdentity = security + "/confirm"
    static let authenticatorSetup = security + "/authenticator"
    static let removeAuthenticator = security + "/authenticator/remove"
    static let newRecoveryCodes = security + "/recovery-codes"
    /// HR or an administrator removes a user's authenticator (a lost phone).
    static func resetSecondFactor(_ userID: Int64) -> String { "/users/\(userID)/second-factor/reset" }
    /// The audit log: an organisation's for its HR, the whole installation's for administrators.
    static func organisationAudit(_ slug: String) -> String { organisation(slug) + "/audit" }
    static func organisationAuditExport(_ slug: String) -> String { organisation(slug) + "/audit.csv" }
    static let installationAudit = "/audit"
    static let installationAuditExport = "/audit.csv"
    static let auditRetention = "/audit/retention"
    /// A person's data (right of access): one's own, or an employee's for HR; and erasing a leaver.
    static let ownData = "/me/data"
    static let ownDataDownload = "/me/data.json"
    static func employeeData(_ employeeID: Int64) -> String { employee(employeeID) + "/data" }
    static func employeeDataDownload(_ employeeID: Int64) -> String { employee(employeeID) + "/data.json" }
    static func employeeErasure(_ employeeID: Int64) -> String { employee(employeeID) + "/erase" }
    /// An organisation's retention settings and the passes that applied them.
    static func dataProtection(_ slug: String) -> String { organisation(slug) + "/data-protection" }
    static let forgotPassword = "/forgot-password"
    static let setPassword = "/set-password"
    /// The set-password page for a one-time token. The token travels in the query, which the access
    /// log leaves out, and the page is never cached.
    static func setPassword(token: String) -> String { setPassword + "?t=" + token }

    // MARK: - Staff: organisations, sectors, units, employees, users

    static let organisations = "/organisations"
    static func organisation(_ slug: String) -> String { "/organisations/\(slug)" }
    static func sectors(_ slug: String) -> String { organisation(slug) + "/sectors" }
    static func sector(_ slug: String, _ sectorID: Int64) -> String { sectors(slug) + "/\(sectorID)" }
    static func unitTree(_ slug: String) -> String { organisation(slug) + "/units" }
    static let myUnits = "/units"
    static func unit(_ unitID: Int64) -> String { "/units/\(unitID)" }
    static func editUnit(_ unitID: Int64) -> String { unit(unitID) + "/edit" }
    static func deactivateUnit(_ unitID: Int64) -> String { unit(unitID) + "/deactivate" }
    static func reactivateUnit(_ unitID: Int64) -> String { unit(unitID) + "/reactivate" }
    static func employees(_ slug: String) -> String { organisation(slug) + "/employees" }
    static let me = "/me"
    static func employee(_ employeeID: Int64) -> String { "/employees/\(employeeID)" }
    static func editEmployee(_ employeeID: Int64) -> String { employee(employeeID) + "/edit" }
    static func deactivateEmployee(_ employeeID: Int64) -> String { employee(employeeID) + "/deactivate" }
    static func reactivateEmployee(_ employeeID: Int64) -> String { employee(employeeID) + "/reactivate" }
    static func employeeSignIn(_ employeeID: Int64) -> String { employee(employeeID) + "/user" }
    static func organisationUsers(_ slug: String) -> String { organisation(slug) + "/users" }
    static let users = "/users"
    static func user(_ userID: Int64) -> String { "/users/\(userID)" }
    static func userRoles(_ userID: Int64) -> String { user(userID) + "/roles" }
    static func revokeRole(_ userID: Int64, _ assignmentID: Int64) -> String {
        userRoles(userID) + "/\(assignmentID)/delete"
    }
    static func disableUser(_ userID: Int64) -> String { user(userID) + "/disable" }
    static func enableUser(_ userID: Int64) -> String { user(userID) + "/enable" }
    static func passwordLink(_ userID: Int64) -> String { user(userID) + "/password-link" }
    static func signInSlips(_ slug: String) -> String { organisation(slug) + "/sign-in-slips" }

    // MARK: - Import

    static func importStaff(_ slug: String) -> String { organisation(slug) + "/import" }
    static func applyImport(_ slug: String) -> String { importStaff(slug) + "/apply" }
    static func confirmImport(_ slug: String) -> String { importStaff(slug) + "/confirm" }
    static func reactivateImport(_ slug: String, _ importID: Int64) -> String {
        organisation(slug) + "/imports/\(importID)/reactivate"
    }

    // MARK: - Frameworks

    static func frameworks(_ slug: String) -> String { organisation(slug) + "/frameworks" }
    static func framework(_ slug: String, _ frameworkID: Int64) -> String { frameworks(slug) + "/\(frameworkID)" }
    static func editFramework(_ slug: String, _ frameworkID: Int64) -> String { framework(slug, frameworkID) + "/edit" }
    static func publishFramework(_ slug: String, _ frameworkID: Int64) -> String {
        framework(slug, frameworkID) + "/publish"
    }
    static func deleteFramework(_ slug: String, _ frameworkID: Int64) -> String {
        framework(slug, frameworkID) + "/delete"
    }
    static func frameworkAreas(_ slug: String, _ frameworkID: Int64) -> String {
        framework(slug, frameworkID) + "/areas"
    }
    static func frameworkArea(_ slug: String, _ frameworkID: Int64, _ areaID: Int64) -> String {
        frameworkAreas(slug, frameworkID) + "/\(areaID)"
    }
    static func deleteFrameworkArea(_ slug: String, _ frameworkID: Int64, _ areaID: Int64) -> String {
        frameworkArea(slug, frameworkID, areaID) + "/delete"
    }
    static func moveFrameworkArea(_ slug: String, _ frameworkID: Int64, _ areaID: Int64) -> String {
        frameworkArea(slug, frameworkID, areaID) + "/move"
    }
    static func areaTargets(_ slug: String, _ frameworkID: Int64, _ areaID: Int64) -> String {
        frameworkArea(slug, frameworkID, areaID) + "/targets"
    }
    static func clearAreaTarget(_ slug: String, _ frameworkID: Int64, _ areaID: Int64) -> String {
        areaTargets(slug, frameworkID, areaID) + "/delete"
    }
    static func areaStatements(_ slug: String, _ frameworkID: Int64, _ areaID: Int64) -> String {
        frameworkArea(slug, frameworkID, areaID) + "/statements"
    }
    static func statement(_ slug: String, _ frameworkID: Int64, _ areaID: Int64, _ statementID: Int64) -> String {
        areaStatements(slug, frameworkID, areaID) + "/\(statementID)"
    }
    static func deleteStatement(_ slug: String, _ frameworkID: Int64, _ areaID: Int64,
                                _ statementID: Int64) -> String {
        statement(slug, frameworkID, areaID, statementID) + "/delete"
    }
    static func moveStatement(_ slug: String, _ frameworkID: Int64, _ areaID: Int64, _ statementID: Int64) -> String {
        statement(slug, frameworkID, areaID, statementID) + "/move"
    }

    // MARK: - Survey rounds and code slips

    static func rounds(_ slug: String) -> String { organisation(slug) + "/rounds" }
    static func newRound(_ slug: String) -> String { rounds(slug) + "/new" }
    static func round(_ roundID: Int64) -> String { "/rounds/\(roundID)" }
    static func editRound(_ roundID: Int64) -> String { round(roundID) + "/edit" }
    static func openRound(_ roundID: Int64) -> String { round(roundID) + "/open" }
    static func extendRound(_ roundID: Int64) -> String { round(roundID) + "/extend" }
    static func closeRound(_ roundID: Int64) -> String { round(roundID) + "/close" }
    static func deleteRound(_ roundID: Int64) -> String { round(roundID) + "/delete" }
    static func unitSurveys(_ unitID: Int64) -> String { unit(unitID) + "/surveys" }
    /// The slips page for the unit together with its sub-units, in one print.
    static func unitSurveysWithSubUnits(_ unitID: Int64) -> String { unitSurveys(unitID) + "?with=sub-units" }
    static func unitSurveyCodes(_ unitID: Int64, _ roundID: Int64) -> String {
        unitSurveys(unitID) + "/\(roundID)/codes"
    }

    // MARK: - Answering

    static let mySurveys = "/surveys"
    /// Where a signed-in employee answers a round; the pages below it are `SurveyPaths`.
    static func survey(_ roundID: Int64) -> String { "/surveys/\(roundID)" }
    static let codeEntry = "/k"
    /// The code form with a slip's code filled in, for the slip's QR code. The form is not sent until
    /// the person presses the button; the access log never records query strings.
    static func codeEntry(prefilled code: String) -> String {
        codeEntry + "?code=" + String(code.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
    }
    /// Where the holder of a one-time code answers.
    static let codeSurvey = "/k/survey"

    // MARK: - Results

    static let results = "/results"
    static func roundResults(_ roundID: Int64) -> String { round(roundID) + "/results" }
    static func roundResultsExport(_ roundID: Int64) -> String { roundResults(roundID) + "/export.csv" }
    static func unitResults(_ roundID: Int64, _ unitID: Int64) -> String { roundResults(roundID) + "/units/\(unitID)" }
    static func unitResultsExport(_ roundID: Int64, _ unitID: Int64) -> String {
        unitResults(roundID, unitID) + "/export.csv"
    }

    /// An export with semicolons for Finnish Excel.
    static func semicolons(_ exportPath: String) -> String { exportPath + "?separator=semicolon" }
}

/// The pages of one respondent's survey, under `Paths.survey(roundID)` or `Paths.codeSurvey`.
struct SurveyPaths: Sendable {
    let base: String

    var intro: String { base }
    func area(_ step: Int) -> String { "\(base)/areas/\(step)" }
    var questions: String { base + "/questions" }
    var review: String { base + "/review" }
    var submit: String { base + "/submit" }
    var thanks: String { base + "/thanks" }
}
