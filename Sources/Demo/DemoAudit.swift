import Foundation
import Storage

/// Two months of audit history, so the audit log viewer shows what a running installation's does:
/// the demo sign-ins most working mornings from the organisations' networks, a mistyped password
/// now and then, HR's exports and role changes, an employee downloading their own data; and two
/// Järvelä people who left over two years ago, whom the first retention pass erases (the data
/// protection page shows them as due until it has run).
struct DemoAudit {
    let database: AppDatabase
    let seed: UInt64
    let today: DemoDay

    /// The organisations' office networks, per sign-in (documentation ranges, RFC 5737).
    static let networks = ["192.0.2.", "198.51.100.", "203.0.113."]

    func load() throws(DemoError) {
        var random = DemoRandom(seed: seed &+ 0xA0D17)
        let users = try demoStorage { try DemoData.signIns.compactMap { try UserStore(database).user(loginOrEmail: $0.login) } }
        var entries: [AuditEntry] = []
        for offset in stride(from: 60, through: 1, by: -1) {
            let day = today.adding(days: -offset)
            guard Self.isWorkday(day) else { continue }
            for (index, user) in users.enumerated() where random.chance(0.6) {
                let address = Self.networks[index % Self.networks.count] + String(10 + index * 7 + random.int(in: 0...3))
                let at = Self.moment(day, minutes: 7 * 60 + random.int(in: 0...(8 * 60)))
                if random.chance(0.06) {
                    entries.append(AuditEntry(at: at.addingTimeInterval(-40), login: user.login, action: "sign_in.failure",
                                              clientAddress: address))
                }
                entries.append(AuditEntry(at: at, userID: user.id, login: user.login, action: "sign_in.success",
                                          clientAddress: address))
            }
        }
        try appendWork(&entries, users: users)
        let ordered = entries.sorted { $0.at < $1.at }
        try demoStorage { for entry in ordered { try AuditStore(database).record(entry) } }
        try makeOldLeavers()
    }

    /// HR's and the employee's own actions among the sign-ins.
    private func appendWork(_ entries: inout [AuditEntry], users: [Stored<User>]) throws(DemoError) {
        func user(_ login: String) -> Stored<User>? { users.first { $0.login == login } }
        guard let hr = user("hr"), let worker = user("tyontekija"), let admin = user("admin") else {
            throw .missingAnchor("the demo sign-ins for the audit history")
        }
        let address = Self.networks[0] + "24"
        let month = today.adding(days: -30).text.prefix(7)
        entries += [
            AuditEntry(at: Self.moment(today.adding(days: -45), minutes: 9 * 60 + 12), userID: hr.id, login: hr.login,
                       action: "export", clientAddress: address, detail: "suoritukset-jarvela-\(month)-01-\(month)-28.csv, 412 rows"),
            AuditEntry(at: Self.moment(today.adding(days: -21), minutes: 13 * 60 + 5), userID: hr.id, login: hr.login,
                       action: "role.assign", target: "user:\(worker.id)", clientAddress: address, detail: "employee"),
            AuditEntry(at: Self.moment(today.adding(days: -14), minutes: 10 * 60 + 40), userID: worker.id, login: worker.login,
                       action: "personal_data.export", target: "user:\(worker.id)", clientAddress: Self.networks[0] + "31",
                       detail: "24 sections"),
            AuditEntry(at: Self.moment(today.adding(days: -7), minutes: 8 * 60 + 55), userID: admin.id, login: admin.login,
                       action: "audit.retention", clientAddress: Self.networks[2] + "5", detail: "24 months"),
        ]
    }

    /// Two people of Järvelä whose employment ended 26 months ago: past the default 24 months. The
    /// last two of the roster by name that have no sign-in of their own (no demo role depends on them).
    private func makeOldLeavers() throws(DemoError) {
        let ended = today.adding(days: -26 * 30).text
        try demoStorage {
            guard let jarvela = try OrganisationStore(database).organisation(slug: "jarvela") else { return }
            let employees = EmployeeStore(database)
            let users = UserStore(database)
            let page = try employees.search(EmployeeQuery(organisationID: jarvela.id, limit: 40,
                                                          offset: max(0, try employees.count(organisationID: jarvela.id, activeOnly: true) - 40)))
            var left = 0
            for listing in page.listings.reversed() where left < 2 {
                guard try users.userLinked(toEmployee: listing.employee.id) == nil else { continue }
                var employee = listing.employee
                employee.active = false
                employee.endDate = ended
                try employees.update(employee)
                left += 1
            }
        }
    }

    static func moment(_ day: DemoDay, minutes: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400 + TimeInterval(minutes) * 60 - 2 * 3600)
    }

    /// Monday to Friday (1970-01-01 was a Thursday).
    static func isWorkday(_ day: DemoDay) -> Bool {
        (day.daysSinceEpoch % 7 + 7 + 3) % 7 < 5
    }
}
