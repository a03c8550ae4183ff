import Foundation
import GRDB
import Testing
@testable import Storage

/// Whole seconds, so a date survives the database's millisecond text format unchanged.
private func date(_ secondsSince1970: TimeInterval) -> Date {
    Date(timeIntervalSince1970: secondsSince1970)
}

private func token(_ byte: UInt8) -> Data {
    Data(repeating: byte, count: 32)
}

@Suite("Users and roles")
struct UserStoreTests {
    @Test func createAndFindByLoginOrEmailInAnyCase() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let aino = try fixture.users.create(User(login: "aino", email: "Aino.Virtanen@kallio.fi", passwordHash: "h1",
                                                 createdAt: date(1_700_000_000)))
        #expect(try fixture.users.user(id: aino.id) == aino)
        #expect(try fixture.users.user(loginOrEmail: "AINO") == aino)
        #expect(try fixture.users.user(loginOrEmail: "aino.virtanen@KALLIO.fi") == aino)
        #expect(try fixture.users.user(loginOrEmail: "eero") == nil)

        // One user's login may be another's e-mail address; the login wins.
        let tricky = try fixture.users.create(User(login: "x@kallio.fi", passwordHash: "h"))
        let owner = try fixture.users.create(User(login: "owner", email: "y@kallio.fi", passwordHash: "h"))
        #expect(try fixture.users.user(loginOrEmail: "X@kallio.fi")?.id == tricky.id)
        #expect(try fixture.users.user(loginOrEmail: "y@kallio.fi")?.id == owner.id)
    }

    @Test func duplicatesAreConflicts() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let employee = try fixture.employee("1001", "Aino", "Virtanen")
        _ = try fixture.users.create(User(login: "aino", email: "aino@kallio.fi", passwordHash: "h",
                                          employeeID: employee.id))
        #expect(throws: StorageError.conflict("That login is taken.")) {
            try fixture.users.create(User(login: "AINO", passwordHash: "h"))
        }
        #expect(throws: StorageError.conflict("Another user has that e-mail address.")) {
            try fixture.users.create(User(login: "aino2", email: "AINO@kallio.fi", passwordHash: "h"))
        }
        #expect(throws: StorageError.conflict("That employee has a sign-in already.")) {
            try fixture.users.create(User(login: "aino3", passwordHash: "h", employeeID: employee.id))
        }
        #expect(try fixture.users.userLinked(toEmployee: employee.id)?.login == "aino")
        #expect(try fixture.users.userLinked(toEmployee: 9999) == nil)
    }

    @Test func updateKeepsCreationTimeChecksConflictsAndEndsSessionsWhenDisabling() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let employee = try fixture.employee("1001", "Aino", "Virtanen")
        var aino = try fixture.users.create(User(login: "aino", passwordHash: "h", createdAt: date(1_700_000_000)))
        _ = try fixture.users.create(User(login: "eero", email: "eero@kallio.fi", passwordHash: "h"))
        _ = try fixture.sessions.create(Session(tokenHash: token(1), userID: aino.id, csrfToken: "c"))
        aino.email = "aino@kallio.fi"
        aino.employeeID = employee.id
        aino.createdAt = date(0)
        try fixture.users.update(aino)
        var stored = try #require(try fixture.users.user(id: aino.id))
        #expect(stored.email == "aino@kallio.fi" && stored.employeeID == employee.id)
        #expect(stored.createdAt == date(1_700_000_000))
        #expect(try fixture.sessions.session(tokenHash: token(1)) != nil)

        stored.email = "EERO@kallio.fi"
        #expect(throws: StorageError.conflict("Another user has that e-mail address.")) {
            try fixture.users.update(stored)
        }
        stored.email = nil
        stored.disabled = true
        try fixture.users.update(stored)
        #expect(try fixture.sessions.session(tokenHash: token(1)) == nil)
        #expect(throws: StorageError.notFound) { try fixture.users.update(Stored(id: 9999, record: User(login: "x", passwordHash: "h"))) }
    }

    @Test func passwordHashAndDisabling() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let aino = try fixture.users.create(User(login: "aino", passwordHash: "old"))
        let eero = try fixture.users.create(User(login: "eero", passwordHash: "old"))
        let userID = aino.id
        try fixture.users.updatePasswordHash(userID: userID, hash: "new")
        #expect(try fixture.users.user(id: userID)?.passwordHash == "new")
        #expect(throws: StorageError.notFound) { try fixture.users.updatePasswordHash(userID: 9999, hash: "x") }

        _ = try fixture.sessions.create(Session(tokenHash: token(1), userID: userID, csrfToken: "c1"))
        _ = try fixture.sessions.create(Session(tokenHash: token(2), userID: userID, csrfToken: "c2"))
        _ = try fixture.sessions.create(Session(tokenHash: token(3), userID: eero.id, csrfToken: "c3"))
        try fixture.users.setDisabled(userID: userID, disabled: true)
        #expect(try fixture.users.user(id: userID)?.disabled == true)
        #expect(try fixture.sessions.session(tokenHash: token(1)) == nil)
        #expect(try fixture.sessions.session(tokenHash: token(2)) == nil)
        #expect(try fixture.sessions.session(tokenHash: token(3)) != nil)  // other users keep theirs
        try fixture.users.setDisabled(userID: userID, disabled: false)
        #expect(try fixture.users.user(id: userID)?.disabled == false)
        #expect(throws: StorageError.notFound) { try fixture.users.setDisabled(userID: 9999, disabled: true) }
    }

    @Test func rolesAssignRevokeAndScopes() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let user = try fixture.users.create(User(login: "sari", passwordHash: "h"))
        let userID = user.id
        let unit = try fixture.unit("Päiväkoti Satakieli")
        let hr = try fixture.users.assign(RoleAssignment(userID: userID, role: .hr, organisationID: fixture.organisationID))
        let supervisor = try fixture.users.assign(RoleAssignment(userID: userID, role: .supervisor, unitID: unit.id))
        #expect(try fixture.users.roles(userID: userID) == [hr, supervisor])
        #expect(try fixture.users.assignment(id: hr.id) == hr)

        #expect(throws: StorageError.conflict("The user has this role already.")) {
            try fixture.users.assign(RoleAssignment(userID: userID, role: .hr, organisationID: fixture.organisationID))
        }
        #expect(throws: StorageError.invalid("A supervisor role is given for one unit.")) {
            try fixture.users.assign(RoleAssignment(userID: userID, role: .supervisor))
        }
        #expect(throws: StorageError.invalid("This role is given for one organisation.")) {
            try fixture.users.assign(RoleAssignment(userID: userID, role: .tutorCoordinator, unitID: unit.id))
        }
        #expect(throws: StorageError.invalid("This role is not limited to a unit or an organisation.")) {
            try fixture.users.assign(RoleAssignment(userID: userID, role: .admin, organisationID: fixture.organisationID))
        }
        #expect(throws: StorageError.notFound) {
            try fixture.users.assign(RoleAssignment(userID: userID, role: .supervisor, unitID: 9999))
        }
        #expect(throws: StorageError.notFound) {
            try fixture.users.assign(RoleAssignment(userID: 9999, role: .admin))
        }

        try fixture.users.revoke(assignmentID: hr.id)
        try fixture.users.revoke(assignmentID: hr.id)  // already gone: fine
        #expect(try fixture.users.roles(userID: userID) == [supervisor])
        #expect(try fixture.users.assignment(id: hr.id) == nil)
        #expect(Role(rawValue: "tutor_coordinator") == .tutorCoordinator)
    }

    @Test func usersOfAnOrganisation() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let other = try fixture.otherOrganisation()
        let otherID = other.id
        let unit = try fixture.unit("Päiväkoti Satakieli")
        let otherUnit = try fixture.units.create(WorkUnit(organisationID: otherID, name: "Vieras yksikkö"))
        let employee = try fixture.employee("1001", "Aino", "Virtanen")

        let admin = try fixture.users.create(User(login: "admin", passwordHash: "h"))
        let adminRole = try fixture.users.assign(RoleAssignment(userID: admin.id, role: .admin))
        _ = try fixture.users.create(User(login: "aino", passwordHash: "h", employeeID: employee.id))
        let hr = try fixture.users.create(User(login: "hr", passwordHash: "h", createdAt: date(1_700_000_000)))
        let hrRole = try fixture.users.assign(RoleAssignment(userID: hr.id, role: .hr,
                                                             organisationID: fixture.organisationID))
        let boss = try fixture.users.create(User(login: "boss", passwordHash: "h"))
        let bossRole = try fixture.users.assign(RoleAssignment(userID: boss.id, role: .supervisor, unitID: unit.id))
        let outsider = try fixture.users.create(User(login: "outsider", passwordHash: "h"))
        _ = try fixture.users.assign(RoleAssignment(userID: outsider.id, role: .supervisor, unitID: otherUnit.id))
        _ = try fixture.users.assign(RoleAssignment(userID: outsider.id, role: .hr, organisationID: otherID))

        let inOrganisation = try fixture.users.users(organisationID: fixture.organisationID)
        #expect(inOrganisation.map(\.user.login) == ["aino", "boss", "hr"])
        #expect(inOrganisation[0].employeeName == "Aino Virtanen")
        #expect(inOrganisation[0].roles.isEmpty)
        #expect(inOrganisation[1].roles == [bossRole])
        #expect(inOrganisation[2] == UserListing(user: hr, roles: [hrRole], employeeName: nil))

        let everyone = try fixture.users.users(organisationID: nil)
        #expect(everyone.map(\.user.login) == ["admin", "aino", "boss", "hr", "outsider"])
        #expect(everyone[0].roles == [adminRole])
        #expect(everyone[4].roles.count == 2)
        #expect(try fixture.users.users(organisationID: otherID).map(\.user.login) == ["outsider"])
    }
}

@Suite("Sessions")
struct SessionStoreTests {
    @Test func createFindTouchAndDelete() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let user = try fixture.users.create(User(login: "aino", passwordHash: "h", createdAt: date(1_700_000_000)))
        let session = try fixture.sessions.create(Session(
            tokenHash: token(7), userID: user.id, csrfToken: "csrf", createdAt: date(1_800_000_000),
            lastSeenAt: date(1_800_000_000), clientAddress: "192.0.2.1"))
        let found = try #require(try fixture.sessions.session(tokenHash: token(7)))
        #expect(found.session == session)
        #expect(found.user == user)
        #expect(try fixture.sessions.session(tokenHash: token(8)) == nil)

        try fixture.sessions.touch(sessionID: session.id, at: date(1_800_000_600))
        #expect(try fixture.sessions.session(tokenHash: token(7))?.session.lastSeenAt == date(1_800_000_600))

        try fixture.sessions.delete(tokenHash: token(7))
        try fixture.sessions.delete(tokenHash: token(7))  // signing out twice is fine
        #expect(try fixture.sessions.session(tokenHash: token(7)) == nil)

        _ = try fixture.sessions.create(Session(tokenHash: token(1), userID: user.id, csrfToken: "a"))
        _ = try fixture.sessions.create(Session(tokenHash: token(2), userID: user.id, csrfToken: "b"))
        try fixture.sessions.deleteAll(userID: user.id)
        #expect(try fixture.sessions.session(tokenHash: token(1)) == nil)
        #expect(try fixture.sessions.session(tokenHash: token(2)) == nil)
    }

    @Test func expiryByIdleTimeAndByAge() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let userID = try fixture.users.create(User(login: "aino", passwordHash: "h")).id
        let now = date(1_800_000_000)
        func add(_ byte: UInt8, created: TimeInterval, seen: TimeInterval) throws {
            _ = try fixture.sessions.create(Session(tokenHash: token(byte), userID: userID, csrfToken: "c",
                                                    createdAt: now.addingTimeInterval(-created),
                                                    lastSeenAt: now.addingTimeInterval(-seen)))
        }
        try add(1, created: 600, seen: 10)           // fresh
        try add(2, created: 7_200, seen: 3_601)      // idle too long
        try add(3, created: 90_000, seen: 5)         // too old, though busy
        try add(4, created: 86_399, seen: 3_599)     // just inside both limits
        let removed = try fixture.sessions.deleteExpired(idleBefore: now.addingTimeInterval(-3_600),
                                                         createdBefore: now.addingTimeInterval(-86_400))
        #expect(removed == 2)
        #expect(try fixture.sessions.session(tokenHash: token(1)) != nil)
        #expect(try fixture.sessions.session(tokenHash: token(2)) == nil)
        #expect(try fixture.sessions.session(tokenHash: token(3)) == nil)
        #expect(try fixture.sessions.session(tokenHash: token(4)) != nil)
    }

    @Test func duplicateTokenHashIsAnError() throws {
        let fixture = try StaffFixture()
        defer { fixture.remove() }
        let userID = try fixture.users.create(User(login: "aino", passwordHash: "h")).id
        _ = try fixture.sessions.create(Session(tokenHash: token(1), userID: userID, csrfToken: "a"))
        #expect(throws: StorageError.self) {
            try fixture.sessions.create(Session(tokenHash: token(1), userID: userID, csrfToken: "b"))
        }
    }
}
