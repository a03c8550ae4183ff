import App
import Foundation
import Storage

/// What a demo load stored, for the summary the command prints.
public struct DemoSummary: Sendable, Equatable {
    /// One line per organisation: its name, units and employees.
    public struct OrganisationCount: Sendable, Equatable {
        /// The organisation's name.
        public let name: String
        /// Sectors created.
        public let sectors: Int
        /// Units created, sub-units included.
        public let units: Int
        /// Employees created, inactive ones included.
        public let employees: Int
    }

    /// What was created, per organisation, in load order.
    public let organisations: [OrganisationCount]
    /// The daycare centre esihenkilo supervises.
    public let daycareCentre: String
    /// The school esihenkilo2 supervises.
    public let school: String
    /// The survey rounds created, in load order.
    public var surveyRounds: [DemoRoundSummary] = []
    /// The year of trainings created.
    public var trainings = DemoTrainingSummary()
    /// Digivinkit: posts and answers stored.
    public var boardPosts = 0
    public var boardAnswers = 0

    /// Employees created in all organisations.
    public var employees: Int { organisations.reduce(0) { $0 + $1.employees } }
    /// Units created in all organisations.
    public var units: Int { organisations.reduce(0) { $0 + $1.units } }
}

/// Fills an empty, migrated database with the demo organisations, their staff, one sign-in per
/// role (see `DemoData`), survey rounds with responses (see `DemoSurveys`) and a year of trainings
/// (see `DemoTrainingYear`).
///
/// Employees go in through the HR import, in batches so progress can be shown; the whole load is
/// not one transaction, so a load that fails half-way leaves a database to delete and start again.
public struct DemoLoader: Sendable {
    /// Employees per import transaction: large enough to be fast, small enough for steady progress.
    static let batchSize = 4000

    private let database: AppDatabase
    private let hasher: PasswordHasher

    /// `hasher` makes the sign-ins' password hashes; tests pass a cheaper one.
    public init(database: AppDatabase, hasher: PasswordHasher = PasswordHasher()) {
        self.database = database
        self.hasher = hasher
    }

    /// Loads `employees` employees made from `seed`, with dates relative to `today` (`YYYY-MM-DD`).
    /// `progress` is called with the employees stored so far and the total, then `surveyProgress`
    /// with the survey rounds loaded so far and their total.
    public func load(employees: Int, seed: UInt64, today: String,
                     progress: (_ stored: Int, _ total: Int) -> Void = { _, _ in },
                     surveyProgress: (_ loaded: Int, _ total: Int) -> Void = { _, _ in })
        throws(DemoError) -> DemoSummary {
        guard let day = DemoDay(today) else { throw .badDate(today) }
        guard try storage({ try OrganisationStore(database).all() }).isEmpty else { throw .databaseNotEmpty }
        let plan = try DemoGenerator(employeeCount: employees, seed: seed, today: day).plan()
        let total = plan.employeeCount
        var stored = 0
        progress(0, total)
        var counts: [DemoSummary.OrganisationCount] = []
        var organisationIDs: [String: Int64] = [:]
        var unitIDs: [String: Int64] = [:]
        for organisationPlan in plan.organisations {
            let organisation = try storage {
                try OrganisationStore(database).create(slug: organisationPlan.organisation.slug,
                                                       name: organisationPlan.organisation.name)
            }
            let organisationID = organisation.id
            organisationIDs[organisation.slug] = organisationID
            let units = try createSectorsAndUnits(organisationPlan, organisationID: organisationID)
            if organisation.slug == "jarvela" { unitIDs = units }
            for start in stride(from: 0, to: organisationPlan.employees.count, by: Self.batchSize) {
                let rows = Array(organisationPlan.employees[start..<min(start + Self.batchSize, organisationPlan.employees.count)])
                _ = try storage {
                    try EmployeeImportStore(database).apply(EmployeeImportBatch(
                        organisationID: organisationID, employees: rows, deactivateMissing: false, today: today))
                }
                stored += rows.count
                progress(stored, total)
            }
            counts.append(DemoSummary.OrganisationCount(
                name: organisation.name, sectors: organisationPlan.sectorNames.count, units: units.count,
                employees: organisationPlan.employees.count))
        }
        try createSignIns(plan.anchors, organisationIDs: organisationIDs, jarvelaUnitIDs: unitIDs)
        let rounds = try DemoSurveys(database: database, seed: seed, today: day)
            .load(plan, organisationIDs: organisationIDs, progress: surveyProgress)
        try recordLastMonthsImport(plan, organisationIDs: organisationIDs, today: today)
        var trainings = try DemoTrainings(database: database, seed: seed, today: day)
            .load(plan, organisationIDs: organisationIDs)
        _ = try DemoTutors(database: database, today: day).load(organisationIDs: organisationIDs, anchors: plan.anchors)
        let induction = try DemoTutorTraining(database: database, today: day).load(organisationIDs: organisationIDs)
        _ = try DemoTutorHelp(database: database, seed: seed, today: day).load(organisationIDs: organisationIDs)
        trainings.trainings += 1
        trainings.sessions += induction.sessions
        trainings.attendance += induction.attendance
        trainings.completions += induction.attendance
        _ = try DemoRequirements(database: database, today: day).load(organisationIDs: organisationIDs)
        try storage { try DemoMail(database: database, today: day).load(plan, organisationIDs: organisationIDs) }
        _ = try DemoInstructions(database: database, today: day).load(organisationIDs: organisationIDs)
        _ = try DemoOnboarding(database: database, today: day).load(organisationIDs: organisationIDs)
        _ = try DemoDiscussions(database: database, seed: seed, today: day).load(organisationIDs: organisationIDs)
        let board = try DemoBoard(database: database, seed: seed, today: day).load(organisationIDs: organisationIDs)
        try storage { try DemoIdentityProviders(database: database, today: day).load(organisationIDs: organisationIDs) }
        try DemoAudit(database: database, seed: seed, today: day).load()
        try storage {
            try AuditStore(database).record(AuditEntry(
                action: "demo.load", target: nil,
                detail: "seed \(seed), \(today): \(total) employees, \(counts.count) organisations, "
                    + "\(counts.reduce(0) { $0 + $1.units }) units, \(DemoData.signIns.count) sign-ins, "
                    + "\(rounds.count) survey rounds with \(rounds.reduce(0) { $0 + $1.responses }) responses, "
                    + "\(trainings.sessions) training sessions with \(trainings.attendance) attendances"))
        }
        return DemoSummary(organisations: counts, daycareCentre: plan.anchors.daycareCentre,
                           school: plan.anchors.school, surveyRounds: rounds, trainings: trainings,
                           boardPosts: board.posts, boardAnswers: board.answers)
    }

    /// HR's latest roster import in Järvelä, as the import page lists it: the whole staff list but for
    /// three people who have left, who are deactivated (and could be reactivated from that page).
    private func recordLastMonthsImport(_ plan: DemoPlan, organisationIDs: [String: Int64],
                                        today: String) throws(DemoError) {
        guard let organisation = plan.organisations.first(where: { $0.organisation.slug == "jarvela" }),
              let jarvela = organisationIDs["jarvela"] else { throw .missingAnchor("organisation") }
        let anchors: Set<String> = [plan.anchors.directorHRNumber, plan.anchors.workerHRNumber,
                                    plan.anchors.principalHRNumber]
        let leavers = Set(organisation.employees.filter { !anchors.contains($0.hrNumber) && $0.endDate == nil }
            .suffix(3).map(\.hrNumber))
        let hr = try storage { try UserStore(database).user(loginOrEmail: "hr") }
        let batch = EmployeeImportBatch(organisationID: jarvela,
                                        employees: organisation.employees.filter { !leavers.contains($0.hrNumber) },
                                        deactivateMissing: true, today: today)
        let actor = EmployeeImportActor(userID: hr?.id, login: hr?.login, source: .web,
                                        fileName: "henkilosto-\(today.prefix(7)).csv")
        _ = try storage { try EmployeeImportStore(database).apply(batch, recordedAs: actor) }
    }

    /// Creates the sectors, then the units (parents first, so sub-units can point to them); returns
    /// unit ids by name.
    private func createSectorsAndUnits(_ plan: DemoOrganisationPlan,
                                       organisationID: Int64) throws(DemoError) -> [String: Int64] {
        var sectorIDs: [String: Int64] = [:]
        for name in plan.sectorNames {
            sectorIDs[name] = try storage { try SectorStore(database).create(organisationID: organisationID, name: name) }.id
        }
        var unitIDs: [String: Int64] = [:]
        for unit in plan.units {
            let created = try storage {
                try UnitStore(database).create(WorkUnit(
                    organisationID: organisationID, sectorID: sectorIDs[unit.sectorName],
                    parentID: unit.parentName.flatMap { unitIDs[$0] }, name: unit.name))
            }
            unitIDs[unit.name] = created.id
        }
        return unitIDs
    }

    private func createSignIns(_ anchors: DemoAnchors, organisationIDs: [String: Int64],
                               jarvelaUnitIDs: [String: Int64]) throws(DemoError) {
        guard let jarvela = organisationIDs["jarvela"], let koskenkyla = organisationIDs["koskenkyla"] else {
            throw .missingAnchor("organisation")
        }
        guard let centre = jarvelaUnitIDs[anchors.daycareCentre], let school = jarvelaUnitIDs[anchors.school] else {
            throw .missingAnchor("unit")
        }
        let director = try employee(anchors.directorHRNumber, organisationID: jarvela, unitID: centre)
        let worker = try employee(anchors.workerHRNumber, organisationID: jarvela, unitID: centre)
        let principal = try employee(anchors.principalHRNumber, organisationID: jarvela, unitID: school)
        for signIn in DemoData.signIns {
            var linked: Stored<Employee>?
            var scope = RoleAssignment(userID: 0, role: signIn.role)
            switch signIn.login {
            case "hr", "koordinaattori": scope.organisationID = jarvela
            case "hr.koskenkyla": scope.organisationID = koskenkyla
            case "esihenkilo": (linked, scope.unitID) = (director, centre)
            case "esihenkilo2": (linked, scope.unitID) = (principal, school)
            case "tyontekija": linked = worker
            case "digitutor": linked = try colleague(of: worker, besides: [director, principal])
            default: break
            }
            try createUser(signIn.login, linkedTo: linked, role: scope)
        }
    }

    private func createUser(_ login: String, linkedTo employee: Stored<Employee>?, role: RoleAssignment) throws(DemoError) {
        let hash: String
        do {
            hash = try hasher.hash(DemoData.password)
        } catch {
            throw .passwordHashing("\(error)")
        }
        let user = try storage {
            try UserStore(database).create(User(login: login, email: employee?.email, passwordHash: hash,
                                                employeeID: employee?.id))
        }
        var role = role
        role.userID = user.id
        _ = try storage { try UserStore(database).assign(role) }
    }

    private func employee(_ hrNumber: String, organisationID: Int64, unitID: Int64) throws(DemoError) -> Stored<Employee> {
        let page = try storage {
            try EmployeeStore(database).search(EmployeeQuery(
                organisationID: organisationID, text: hrNumber, unitIDs: [unitID], includeInactive: true))
        }
        guard let found = page.listings.first(where: { $0.employee.hrNumber == hrNumber }) else {
            throw .missingAnchor("employee \(hrNumber)")
        }
        return found.employee
    }

    /// A colleague in the same unit as `employee` (the first by HR number), for the `digitutor`
    /// sign-in, whom `DemoTutors` names the unit's tutor. A small demo's unit may have no one else:
    /// then a colleague of one of its sub-units, or of the organisation.
    private func colleague(of employee: Stored<Employee>, besides others: [Stored<Employee>]) throws(DemoError) -> Stored<Employee> {
        guard let unitID = employee.unitID else { throw .missingAnchor("unit of \(employee.hrNumber)") }
        let taken = Set(([employee] + others).map(\.id))
        let store = EmployeeStore(database)
        let subunits = try storage { try UnitStore(database).unitAndDescendantIDs(of: unitID) }
        for scope in [Set([unitID]), Set(subunits), nil] {
            let page = try storage {
                try store.search(EmployeeQuery(organisationID: employee.organisationID, unitIDs: scope, limit: 500))
            }
            if let found = page.listings.map(\.employee).filter({ !taken.contains($0.id) && $0.endDate == nil })
                .min(by: { $0.hrNumber < $1.hrNumber }) {
                return found
            }
        }
        throw .missingAnchor("a colleague of \(employee.hrNumber)")
    }

    /// Runs store calls, whose errors are all `StorageError`s (closures do not infer typed throws).
    private func storage<T>(_ body: () throws -> T) throws(DemoError) -> T {
        do {
            return try body()
        } catch let error as StorageError {
            throw .storage(error)
        } catch {
            throw .storage(.sqlite("\(error)"))
        }
    }
}
