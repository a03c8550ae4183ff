import App
import Storage

/// Everything the demo will store, computed from the seed alone, before the database is touched.
struct DemoPlan: Sendable {
    var organisations: [DemoOrganisationPlan]
    /// Where the sign-ins of Järvelä's supervisors and employee belong.
    var anchors: DemoAnchors

    var employeeCount: Int { organisations.reduce(0) { $0 + $1.employees.count } }
}

/// One organisation's sectors, units (parents before their sub-units) and roster.
struct DemoOrganisationPlan: Sendable {
    let organisation: DemoOrganisation
    var sectorNames: [String] = []
    var units: [DemoUnitPlan] = []
    var employees: [ImportedEmployee] = []
}

/// A unit to create, named as in the roster; its parent comes earlier in the plan.
struct DemoUnitPlan: Sendable, Equatable {
    let name: String
    let sectorName: String
    let parentName: String?
}

/// The Järvelä units and HR numbers the supervisor and employee sign-ins are given.
struct DemoAnchors: Sendable, Equatable {
    /// A daycare centre with groups as sub-units.
    let daycareCentre: String
    /// Its director (esihenkilo) and one of its own staff (tyontekija).
    let directorHRNumber: String
    let workerHRNumber: String
    let school: String
    /// Its principal (esihenkilo2).
    let principalHRNumber: String
}
