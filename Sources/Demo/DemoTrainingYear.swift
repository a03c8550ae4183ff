import Foundation
import Storage

/// A session as planned, with its place in the load.
struct DemoPlannedSession: Sendable {
    let index: Int
    let day: DemoDay
    let trainingIndex: Int
    /// The last day of its recording, when it has one.
    let recordingUntil: DemoDay?
}

/// The demo's training year, planned into one `TrainingBulkLoad`:
///
/// - Järvelä runs the three series of the sources for itself and Koskenkylä together (regional
///   cooperation: the trainings are offered to Koskenkylä): a 15-minute Digivinkkituokio on Tuesdays,
///   a 15-minute Digiturvavartti every other Thursday and a 30-minute Microsoft 365 session every
///   other Wednesday, each theme in turn, on Teams with recordings; AI sessions, an AI workshop and
///   Excel courses with registration and a capacity (one full, with a waiting list); and an e-course
///   taken elsewhere, recorded from certificates HR approves. Solvik runs its own series in Swedish.
/// - Each organisation runs monthly digital onboarding (new hires are assigned), 30-minute sessions
///   at daycare nap time (12:30–13:00) aimed at groups of daycare centres, and guidance on site in
///   its units, where some units train eagerly and others hardly at all.
/// - The past ten months have attendance (each with its "attended" completion), recordings that
///   some watched later, and certificates; the coming six weeks have sessions to enrol in, follow or
///   be assigned to, and one cancelled with its reason. Nothing is held in the summer and Christmas
///   holidays.
/// - Tyontekija attended sessions on site, at nap time and on Teams, watched a recording, has a place
///   in the coming AI workshop and follows a coming nap-time session.
/// - About a quarter of attendees gave feedback after the session (stored apart from them).
struct DemoTrainingYear {
    let organisations: [DemoTrainingOrganisation]
    let anchors: DemoAnchors
    let today: DemoDay
    var random: DemoRandom
    private(set) var load = TrainingBulkLoad()
    /// Feedback of attendees, by session index; stored after the load (it needs the attendance).
    private(set) var feedback: [(sessionIndex: Int, employeeID: Int64, answer: TrainingFeedbackAnswer)] = []

    /// The first day of the past sessions.
    var firstDay: DemoDay { today.adding(days: -300) }
    /// The last day of the coming sessions: six weeks of term (counted from the end of the holidays
    /// when the demo is loaded during them).
    var lastDay: DemoDay { termDay(from: today.adding(days: 1)).adding(days: 42) }

    /// Attendees of each session, by session index.
    private var present: [Int: Set<Int64>] = [:]
    /// People who watched each session's recording.
    private var watched: [Int: Set<Int64>] = [:]
    /// Sessions by kind, for the sign-ins' own history.
    private var securitySessions: [DemoPlannedSession] = []
    private var tipSessions: [DemoPlannedSession] = []
    private var napSessions: [Int64: [DemoPlannedSession]] = [:]
    private var onSiteSessions: [Int64: [DemoPlannedSession]] = [:]
    private var sessionOrganisation: [Int: Int] = [:]

    init(organisations: [DemoTrainingOrganisation], anchors: DemoAnchors, today: DemoDay, random: DemoRandom) {
        self.organisations = organisations
        self.anchors = anchors
        self.today = today
        self.random = random
    }

    /// The anchor daycare centre of Järvelä and tyontekija's place in the roster.
    private var anchorCentre: Int64? {
        guard let jarvela = organisations.first(where: { $0.slug == "jarvela" }) else { return nil }
        return jarvela.topUnits.first { $0.name == anchors.daycareCentre }?.id
    }

    private var worker: DemoTrainee? {
        organisations.first { $0.slug == "jarvela" }?.people.first { $0.hrNumber == anchors.workerHRNumber }
    }

    mutating func build() {
        guard let jarvela = organisations.firstIndex(where: { $0.slug == "jarvela" }) else { return }
        if let trainer = organisations[jarvela].trainerUserID {
            load.trainers.append(TrainerAssignment(organisationID: organisations[jarvela].id, userID: trainer))
        }
        let partners = organisations.indices.filter { $0 != jarvela && !organisations[$0].swedish }
        shared(owner: jarvela, partners: partners)
        for index in organisations.indices where organisations[index].swedish {
            ownSeries(index)
        }
        for index in organisations.indices {
            onboarding(index)
            napTime(index)
            onSite(index)
        }
        externalEvidence(jarvela: jarvela, partners: partners)
        tyontekija()
        feedbackAfterSessions()
    }

    // MARK: - Catalogue

    private mutating func series(_ spec: DemoSeriesSpec, owner: Int) -> Int {
        load.series.append(TrainingSeries(organisationID: organisations[owner].id, title: spec.title,
                                          description: spec.description,
                                          createdAt: DemoHelsinki.instant(today.adding(days: -330), 9)))
        return load.series.count - 1
    }

    private mutating func training(_ spec: DemoTrainingSpec, owner: Int, series: Int? = nil,
                                   offeredTo partners: [Int] = []) -> Int {
        let organisation = organisations[owner]
        let created = DemoHelsinki.instant(today.adding(days: -330), 10)
        let training = Training(
            organisationID: organisation.id, seriesID: nil, title: spec.title, description: spec.description,
            durationMinutes: spec.minutes, format: spec.format, language: organisation.swedish ? "sv" : "fi",
            ownerUserID: organisation.hrUserID, now: created)
        var audience = organisation.audience(spec.audience)
        for partner in partners {
            let theirs = organisations[partner].audience(spec.audience)
            audience.sectorIDs.formUnion(theirs.sectorIDs)
            audience.jobGroups.formUnion(theirs.jobGroups)
        }
        let materials = spec.materials.map {
            TrainingMaterial(title: $0.title.text(organisation.swedish ? "sv" : "fi"), url: organisation.intranet($0.page))
        }
        load.trainings.append(BulkTraining(TrainingDraft(training: training, areaCodes: spec.areas, audience: audience,
                                                         materials: materials,
                                                         offeredTo: Set(partners.map { organisations[$0].id })),
                                           seriesIndex: series))
        return load.trainings.count - 1
    }

    // MARK: - Sessions

    /// How a session is given and who runs it.
    private struct SessionPlan {
        var hour: Int
        var minute = 0
        var minutes: Int
        var format: TrainingFormat
        var trainer: String
        var place = ""
        var enrolment = EnrolmentMode.open
        var capacity: Int?
        var targets: [Int64] = []
        /// Days the recording stays available; nil for no recording.
        var recordingDays: Int?
    }

    private mutating func session(_ trainingIndex: Int, owner: Int, on day: DemoDay, _ plan: SessionPlan,
                                  key: String) -> DemoPlannedSession {
        let organisation = organisations[owner]
        let starts = DemoHelsinki.instant(day, plan.hour, plan.minute)
        let uid = uuid()
        let online = plan.format == .remote || plan.format == .hybrid
        let recorded = day < today ? plan.recordingDays : nil
        let created = DemoHelsinki.instant(min(day.adding(days: -21), today.adding(days: -1)), 9)
        var record = TrainingSession(
            trainingID: 0, uid: uid + "@taitotutka", startsAt: starts, endsAt: starts.addingTimeInterval(Double(plan.minutes * 60)),
            place: plan.place, meetingURL: online ? "https://teams.example/l/meetup-join/\(uid)" : nil,
            trainerName: plan.trainer, capacity: plan.capacity, enrolment: plan.enrolment,
            recordingURL: recorded.map { _ in
                organisation.intranet("\(organisation.swedish ? "inspelningar" : "tallenteet")/\(key)/\(day.text)")
            },
            recordingUntil: recorded.map { day.adding(days: $0).text }, checkInKey: Self.checkInKey(), now: created)
        record.updatedAt = created
        load.sessions.append(BulkSession(record, trainingIndex: trainingIndex, unitIDs: plan.targets))
        let index = load.sessions.count - 1
        sessionOrganisation[index] = owner
        return DemoPlannedSession(index: index, day: day, trainingIndex: trainingIndex,
                                  recordingUntil: recorded.map { day.adding(days: $0) })
    }

    /// Cancels a planned session, keeping its record, with the reason and when.
    private mutating func cancel(_ session: DemoPlannedSession, reason: String, on day: DemoDay) {
        let at = DemoHelsinki.instant(day, 11)
        load.sessions[session.index].session.status = .cancelled
        load.sessions[session.index].session.cancelReason = reason
        load.sessions[session.index].session.cancelledAt = at
        load.sessions[session.index].session.sequence = 1
        load.sessions[session.index].session.updatedAt = at
    }

    /// Days from `first` to `last` on a weekday, every `every` weeks (offset by `phase`), outside the
    /// holidays.
    private func days(weekday: Int, every: Int = 1, phase: Int = 0, from first: DemoDay, to last: DemoDay) -> [DemoDay] {
        var result: [DemoDay] = []
        var day = first
        while day.weekday != weekday { day = day.adding(days: 1) }
        while day <= last {
            if !day.isHolidaySeason && (day.weekNumber - phase) % every == 0 { result.append(day) }
            day = day.adding(days: 7)
        }
        return result
    }

    /// A working day outside the holidays on or after `day` (or the next working day, when the
    /// holidays last beyond the coming weeks).
    private func termDay(from day: DemoDay) -> DemoDay {
        var candidate = day.workingDayOrNext
        var steps = 0
        while candidate.isHolidaySeason && steps < 90 {
            candidate = candidate.adding(days: 1).workingDayOrNext
            steps += 1
        }
        return candidate.isHolidaySeason ? day.workingDayOrNext : candidate
    }

    /// A random past working day outside the holidays in `from...to`.
    private mutating func randomTermDay(from: DemoDay, to: DemoDay) -> DemoDay? {
        guard from <= to else { return nil }
        for _ in 0..<20 {
            let day = from.adding(days: random.int(in: 0...(to.daysSinceEpoch - from.daysSinceEpoch)))
            if day.isWorkingDay && !day.isHolidaySeason { return day }
        }
        return nil
    }

    // MARK: - Attendance

    /// Staff in sectors that do not work at a computer find Teams sessions hard to join.
    private static func teamsFactor(_ person: DemoTrainee) -> Double {
        [0, 2, 3].contains(person.sector) ? 0.45 : 1.15
    }

    /// Marks people of `organisationIndices` present at a past session with the given chance, and
    /// (when the session was recorded) lets some who missed it watch the recording later.
    private mutating func attend(_ session: DemoPlannedSession, _ organisationIndices: [Int],
                                 eligible: (DemoTrainee) -> Bool, chance: (DemoTrainee, Double) -> Double,
                                 watchChance: Double = 0, checkIns: Double = 0) {
        guard session.day < today, load.sessions[session.index].session.status == .scheduled else { return }
        let workerID = worker?.id
        let owner = sessionOrganisation[session.index] ?? 0
        let recordedBy = organisations[owner].trainerUserID
        let end = load.sessions[session.index].session.endsAt
        for organisationIndex in organisationIndices {
            let organisation = organisations[organisationIndex]
            for person in organisation.people where person.isEmployed(on: session.day) && eligible(person) {
                let attendDraw = random.unit(), watchDraw = random.unit(), sourceDraw = random.unit()
                // Tyontekija's history is written on purpose (see `tyontekija`).
                guard person.id != workerID else { continue }
                let unitKeenness = person.topUnitID.flatMap { organisation.unitKeenness[$0] } ?? 1
                if attendDraw < chance(person, unitKeenness) {
                    let checkIn = sourceDraw < checkIns
                    addAttendance(session, employeeID: person.id, checkIn: checkIn, recordedBy: checkIn ? nil : recordedBy,
                                  at: checkIn ? end.addingTimeInterval(-Double(random.int(in: 60...600))) : end)
                } else if let until = session.recordingUntil,
                          watchDraw < watchChance * person.keenness * unitKeenness * ([0, 2, 3].contains(person.sector) ? 1.8 : 1) {
                    watch(session, employeeID: person.id, until: until)
                }
            }
        }
    }

    private mutating func addAttendance(_ session: DemoPlannedSession, employeeID: Int64, checkIn: Bool,
                                        recordedBy: Int64?, at: Date) {
        guard present[session.index]?.contains(employeeID) != true,
              watched[session.index]?.contains(employeeID) != true else { return }
        present[session.index, default: []].insert(employeeID)
        load.attendance.append(BulkAttendance(sessionIndex: session.index, employeeID: employeeID,
                                              source: checkIn ? .checkIn : .marked, recordedAt: at,
                                              recordedBy: recordedBy, completedOn: session.day.text))
    }

    /// "I watched the recording", some days after the session and while the recording was available.
    private mutating func watch(_ session: DemoPlannedSession, employeeID: Int64, until: DemoDay) {
        guard present[session.index]?.contains(employeeID) != true,
              watched[session.index]?.contains(employeeID) != true else { return }
        let latest = min(until, today.adding(days: -1))
        let first = session.day.adding(days: 1)
        guard first <= latest else { return }
        let day = first.adding(days: min(latest.daysSinceEpoch - first.daysSinceEpoch,
                                         Int(Double(random.int(in: 0...44)) * random.unit())))
        watched[session.index, default: []].insert(employeeID)
        load.completions.append(BulkCompletion(
            trainingIndex: session.trainingIndex, sessionIndex: session.index, employeeID: employeeID, kind: .recording,
            completedOn: day.text, recordedAt: DemoHelsinki.instant(day, 15, random.int(in: 0...59)), recordedBy: nil))
    }

    /// Takes up to `count` people of `candidates` onto a session's list (places first, then the
    /// waiting list beyond `capacity`), enrolling in the days before `day`.
    private mutating func enrol(_ session: DemoPlannedSession, from candidates: [Int64], count: Int, capacity: Int,
                                first: [Int64] = []) -> [Int64] {
        var chosen: [Int64] = first
        var taken = Set(first)
        var attempts = 0
        while chosen.count < count && attempts < count * 20 && !candidates.isEmpty {
            attempts += 1
            if let pick = random.element(of: candidates), !taken.contains(pick) {
                taken.insert(pick)
                chosen.append(pick)
            }
        }
        let opened = min(session.day.adding(days: -20), today.adding(days: -1))
        for (position, employeeID) in chosen.enumerated() {
            let at = DemoHelsinki.instant(opened, 8).addingTimeInterval(Double(position * 3_100 + random.int(in: 0...3000)))
            load.enrolments.append(BulkEnrolment(sessionIndex: session.index, employeeID: employeeID, kind: .registered,
                                                 state: position < capacity ? .enrolled : .waiting, enrolledAt: at))
        }
        return Array(chosen.prefix(capacity))
    }

    /// Employees of the organisations who are in an audience and employed on a day.
    private func candidates(_ organisationIndices: [Int], on day: DemoDay,
                            eligible: (DemoTrainee) -> Bool = { _ in true }) -> [Int64] {
        organisationIndices.flatMap { index in
            organisations[index].people.filter { $0.isEmployed(on: day) && $0.isEmployed(on: today) && eligible($0) }.map(\.id)
        }
    }

    /// Some people add coming open sessions to their calendar.
    private mutating func follows(_ session: DemoPlannedSession, _ organisationIndices: [Int],
                                  eligible: (DemoTrainee) -> Bool, chance: Double) {
        let workerID = worker?.id
        for index in organisationIndices {
            for person in organisations[index].people where person.isEmployed(on: today) && eligible(person) {
                if random.unit() < chance * person.keenness && person.id != workerID {
                    load.follows.append(BulkFollow(sessionIndex: session.index, employeeID: person.id))
                }
            }
        }
    }

    // MARK: - Järvelä's series, shared with Koskenkylä

    private mutating func shared(owner: Int, partners: [Int]) {
        let audience = [owner] + partners
        let trainers = organisations[owner].trainerNames
        teamsSeries(DemoTrainingTexts.digiTips, owner: owner, partners: partners, weekday: 1, every: 1, phase: 0,
                    hour: 14, recordingDays: 180, chance: 0.055, trainer: trainers[0])
        teamsSeries(DemoTrainingTexts.securityQuarters, owner: owner, partners: partners, weekday: 3, every: 2, phase: 0,
                    hour: 9, recordingDays: 365, chance: 0.09, trainer: "Jari Kettunen")
        teamsSeries(DemoTrainingTexts.microsoft365, owner: owner, partners: partners, weekday: 2, every: 2, phase: 1,
                    hour: 13, recordingDays: 365, chance: 0.075, trainer: trainers[1])
        aiBasics(owner: owner, partners: partners, every: 8, trainer: trainers[2])

        // The AI workshop and Excel: registration with a capacity.
        let workshop = training(DemoTrainingTexts.aiWorkshop, owner: owner, offeredTo: partners)
        let hall = "Kaupungintalo, valtuustosali"
        for (offset, capacity) in [(-200, 30), (-90, 30)] {
            let day = termDay(from: today.adding(days: offset))
            guard day < today else { continue }
            let planned = session(workshop, owner: owner, on: day, SessionPlan(
                hour: 9, minutes: 60, format: .hybrid, trainer: trainers[2], place: hall, enrolment: .registration,
                capacity: capacity), key: "tekoaly-tyopaja")
            let listed = enrol(planned, from: candidates(audience, on: day), count: random.int(in: 22...30),
                               capacity: capacity)
            markListed(planned, listed, rate: 0.85)
        }
        let coming = session(workshop, owner: owner, on: termDay(from: today.adding(days: 10)), SessionPlan(
            hour: 9, minutes: 60, format: .hybrid, trainer: trainers[2], place: hall, enrolment: .registration,
            capacity: 30), key: "tekoaly-tyopaja")
        _ = enrol(coming, from: candidates(audience, on: coming.day), count: 17, capacity: 30,
                  first: worker.map { [$0.id] } ?? [])

        let excel = training(DemoTrainingTexts.excel, owner: owner, offeredTo: partners)
        let officeGroups = Set(audience.flatMap { organisations[$0].audience(DemoTrainingTexts.excel.audience).jobGroups })
        let classroom = "Kaupungintalo, atk-luokka 2"
        let excelPlan = SessionPlan(hour: 12, minute: 30, minutes: 60, format: .onSite, trainer: trainers[1],
                                    place: classroom, enrolment: .registration, capacity: 16)
        for offset in [-160, -60] {
            let day = termDay(from: today.adding(days: offset))
            guard day < today else { continue }
            let planned = session(excel, owner: owner, on: day, excelPlan, key: "excel")
            let listed = enrol(planned, from: candidates(audience, on: day) { officeGroups.contains($0.jobGroup) },
                               count: random.int(in: 12...16), capacity: 16)
            markListed(planned, listed, rate: 0.9)
        }
        // The next Excel course is full and has a waiting list; the one after has places.
        let full = session(excel, owner: owner, on: termDay(from: today.adding(days: 15)), excelPlan, key: "excel")
        _ = enrol(full, from: candidates(audience, on: full.day) { officeGroups.contains($0.jobGroup) }, count: 23,
                  capacity: 16)
        let later = session(excel, owner: owner, on: termDay(from: today.adding(days: 36)), excelPlan, key: "excel")
        _ = enrol(later, from: candidates(audience, on: later.day) { officeGroups.contains($0.jobGroup) }, count: 5,
                  capacity: 16)
    }

    /// Marks most people on a past session's list present.
    private mutating func markListed(_ session: DemoPlannedSession, _ listed: [Int64], rate: Double) {
        let end = load.sessions[session.index].session.endsAt
        let by = organisations[sessionOrganisation[session.index] ?? 0].trainerUserID
        for employeeID in listed where random.unit() < rate {
            addAttendance(session, employeeID: employeeID, checkIn: false, recordedBy: by, at: end)
        }
    }

    /// A series on Teams: one session per `every` weeks on `weekday`, its themes in turn, with
    /// recordings.
    private mutating func teamsSeries(_ spec: DemoSeriesSpec, owner: Int, partners: [Int], weekday: Int, every: Int,
                                      phase: Int, hour: Int, recordingDays: Int, chance: Double, trainer: String) {
        let seriesIndex = series(spec, owner: owner)
        let trainings = spec.themes.map { training($0, owner: owner, series: seriesIndex, offeredTo: partners) }
        let audience = [owner] + partners
        let schedule = days(weekday: weekday, every: every, phase: phase, from: firstDay, to: lastDay)
        for (number, day) in schedule.enumerated() {
            let theme = number % trainings.count
            let planned = session(trainings[theme], owner: owner, on: day, SessionPlan(
                hour: hour, minutes: spec.themes[theme].minutes, format: .remote, trainer: trainer,
                recordingDays: recordingDays), key: spec.themes[theme].key)
            if day < today {
                attend(planned, audience, eligible: { _ in true }, chance: { person, unit in
                    chance * Self.teamsFactor(person) * person.keenness * unit
                }, watchChance: 0.003)
                if spec.key == "digiturva" { securitySessions.append(planned) }
                if spec.key == "digivinkki" { tipSessions.append(planned) }
            } else {
                follows(planned, audience, eligible: { _ in true }, chance: 0.0015)
            }
        }
    }

    /// AI basics every `every` weeks on Mondays; the second one of the year was cancelled.
    private mutating func aiBasics(owner: Int, partners: [Int], every: Int, trainer: String) {
        let spec = DemoTrainingTexts.aiBasics
        let trainingIndex = training(spec, owner: owner, offeredTo: partners)
        let audience = [owner] + partners
        for (number, day) in days(weekday: 0, every: every, phase: 3, from: firstDay, to: lastDay).enumerated() {
            let planned = session(trainingIndex, owner: owner, on: day, SessionPlan(
                hour: 10, minutes: spec.minutes, format: .remote, trainer: trainer, recordingDays: 120), key: spec.key)
            if number == 1 && day < today {
                cancel(planned, reason: DemoTrainingTexts.cancelReason(swedish: organisations[owner].swedish, upcoming: false),
                       on: day.adding(days: -3))
            }
            attend(planned, audience, eligible: { _ in true }, chance: { person, unit in
                0.065 * Self.teamsFactor(person) * person.keenness * unit
            }, watchChance: 0.004)
        }
    }

    // MARK: - Solvik's own series in Swedish

    private mutating func ownSeries(_ owner: Int) {
        let trainers = organisations[owner].trainerNames
        teamsSeries(DemoTrainingTexts.digiTips, owner: owner, partners: [], weekday: 1, every: 2, phase: 0, hour: 14,
                    recordingDays: 180, chance: 0.035, trainer: trainers[0])
        teamsSeries(DemoTrainingTexts.securityQuarters, owner: owner, partners: [], weekday: 3, every: 4, phase: 1,
                    hour: 9, recordingDays: 365, chance: 0.06, trainer: trainers[1])
        aiBasics(owner: owner, partners: [], every: 12, trainer: trainers[0])
        let workshop = training(DemoTrainingTexts.aiWorkshop, owner: owner)
        let coming = session(workshop, owner: owner, on: termDay(from: today.adding(days: 12)), SessionPlan(
            hour: 13, minutes: 60, format: .hybrid, trainer: trainers[0], place: "Kommunhuset, fullmäktigesalen",
            enrolment: .registration, capacity: 20), key: "ai-verkstad")
        _ = enrol(coming, from: candidates([owner], on: coming.day), count: 8, capacity: 20)
    }

    // MARK: - Every organisation: onboarding, nap time, on site

    /// Digital onboarding on the first Tuesday of the month; the month's new hires are assigned.
    private mutating func onboarding(_ owner: Int) {
        let organisation = organisations[owner]
        let trainingIndex = training(DemoTrainingTexts.onboarding, owner: owner)
        var schedule = days(weekday: 1, from: firstDay, to: lastDay).filter { $0.components.day <= 7 }
        if !schedule.contains(where: { $0 > today }) { schedule.append(termDay(from: today.adding(days: 14))) }
        var previous = firstDay.adding(days: -35)
        for day in schedule {
            let planned = session(trainingIndex, owner: owner, on: day, SessionPlan(
                hour: 9, minutes: 60, format: .remote, trainer: organisation.trainerNames[0], enrolment: .assigned),
                key: DemoTrainingTexts.onboarding.key)
            var assigned = organisation.people.filter {
                $0.start > previous.daysSinceEpoch && $0.start <= day.daysSinceEpoch && $0.end >= day.daysSinceEpoch
            }
            if assigned.isEmpty && day > today {
                assigned = Array(organisation.people.filter { $0.end >= day.daysSinceEpoch && $0.start <= today.daysSinceEpoch }
                    .sorted { $0.start > $1.start }.prefix(3))
            }
            let listedOn = min(day.adding(days: -7), today.adding(days: -1))
            for person in assigned {
                load.enrolments.append(BulkEnrolment(
                    sessionIndex: planned.index, employeeID: person.id, kind: .assigned, state: .enrolled,
                    enrolledAt: DemoHelsinki.instant(min(max(listedOn, DemoDay(daysSinceEpoch: max(person.start, firstDay.daysSinceEpoch + 14) - 14)),
                                                         today.adding(days: -1)), 10),
                    assignedBy: organisation.hrUserID))
            }
            if day < today { markListed(planned, assigned.map(\.id), rate: 0.85) }
            previous = day
        }
    }

    /// Daycare nap time (12:30–13:00) on Wednesdays, each session aimed at a group of daycare centres
    /// in turn. Järvelä's anchor centre is in the last past one and the first coming one.
    private mutating func napTime(_ owner: Int) {
        let organisation = organisations[owner]
        let centres = organisation.topUnits.filter { $0.sector == 0 }.map(\.id)
        guard !centres.isEmpty else { return }
        let trainingIndex = training(DemoTrainingTexts.napTime, owner: owner)
        let every = organisation.slug == "jarvela" ? 1 : organisation.swedish ? 4 : 2
        let groups = max(1, (centres.count + 11) / 12)
        let schedule = days(weekday: 2, every: every, phase: 1, from: firstDay, to: lastDay)
        let lastPast = schedule.lastIndex { $0 < today }, firstComing = schedule.firstIndex { $0 > today }
        let anchor = organisation.slug == "jarvela" ? anchorCentre : nil
        for (number, day) in schedule.enumerated() {
            var targets = centres.enumerated().filter { $0.offset % groups == number % groups }.map(\.element)
            if let anchor, number == lastPast || number == firstComing, !targets.contains(anchor) { targets.append(anchor) }
            let targetSet = Set(targets)
            let planned = session(trainingIndex, owner: owner, on: day, SessionPlan(
                hour: 12, minute: 30, minutes: 30, format: .remote, trainer: organisation.trainerNames.last ?? "",
                targets: targets, recordingDays: 365), key: DemoTrainingTexts.napTime.key)
            for target in targets { napSessions[target, default: []].append(planned) }
            let eligible = { (person: DemoTrainee) in person.sector == 0 && person.topUnitID.map(targetSet.contains) == true }
            if day < today {
                attend(planned, [owner], eligible: eligible, chance: { person, unit in 0.4 * person.keenness * unit },
                       watchChance: 0.01)
            } else {
                follows(planned, [owner], eligible: eligible, chance: 0.01)
            }
        }
    }

    /// Guidance on site: each unit gets sessions by how keen it is; a few have one coming, and one of
    /// those is cancelled.
    private mutating func onSite(_ owner: Int) {
        let organisation = organisations[owner]
        let trainings = DemoTrainingTexts.onSite.map { training($0, owner: owner) }
        // The guidance each sector asks for: basics, self-service, the phone, clients, own systems.
        let bySector: [[Double]] = [[3, 2, 2, 0, 2], [1, 0, 1, 0, 3], [3, 3, 2, 0, 0], [3, 2, 2, 0, 0],
                                    [0, 0, 1, 3, 2], [0, 0, 1, 2, 1], [1, 0, 1, 2, 0]]
        let anchor = organisation.slug == "jarvela" ? anchorCentre : nil
        let workerStart = worker.map { DemoDay(daysSinceEpoch: max($0.start, firstDay.daysSinceEpoch)) } ?? firstDay
        var coming: [DemoPlannedSession] = []
        for unit in organisation.topUnits where unit.sector >= 0 {
            let staff = organisation.staffOfTopUnit[unit.id] ?? []
            guard staff.count >= 3 else { continue }
            let keenness = organisation.unitKeenness[unit.id] ?? 1
            var count = Int(keenness * 1.35 + random.unit())
            if unit.id == anchor { count = max(count, 1) }
            let hour: (Int, Int) = switch unit.sector {
            case 0: (12, 30)
            case 2: (13, 30)
            case 3: (7, 30)
            default: (14, 0)
            }
            let staffSet = Set(staff.map { organisation.people[$0].id })
            func plan() -> SessionPlan {
                SessionPlan(hour: hour.0, minute: hour.1, minutes: 45, format: .onSite, trainer: "", targets: [unit.id])
            }
            for number in 0..<count {
                // The anchor centre's latest session falls after tyontekija started.
                let from = unit.id == anchor && number == 0 ? workerStart : firstDay
                guard let day = randomTermDay(from: from, to: today.adding(days: -1)) else { continue }
                let variant = random.index(weights: bySector[unit.sector])
                var details = plan()
                details.minutes = DemoTrainingTexts.onSite[variant].minutes
                details.trainer = random.element(of: organisation.trainerNames) ?? ""
                details.place = DemoTrainingTexts.unitPlace(unit.name, swedish: organisation.swedish, draw: random.int(in: 0...2))
                let planned = session(trainings[variant], owner: owner, on: day, details, key: DemoTrainingTexts.onSite[variant].key)
                onSiteSessions[unit.id, default: []].append(planned)
                attend(planned, [owner], eligible: { staffSet.contains($0.id) },
                       chance: { person, _ in min(0.95, 0.45 + 0.3 * person.keenness) }, checkIns: 0.4)
            }
            if unit.id == anchor || random.chance(0.06) {
                let day = unit.id == anchor ? termDay(from: today.adding(days: 8))
                    : termDay(from: today.adding(days: random.int(in: 1...42)))
                let variant = random.index(weights: bySector[unit.sector])
                var details = plan()
                details.minutes = DemoTrainingTexts.onSite[variant].minutes
                details.trainer = random.element(of: organisation.trainerNames) ?? ""
                details.place = DemoTrainingTexts.unitPlace(unit.name, swedish: organisation.swedish, draw: random.int(in: 0...2))
                let planned = session(trainings[variant], owner: owner, on: day, details, key: DemoTrainingTexts.onSite[variant].key)
                if unit.id != anchor { coming.append(planned) }
                onSiteSessions[unit.id, default: []].append(planned)
            }
        }
        if let first = coming.first {
            cancel(first, reason: DemoTrainingTexts.cancelReason(swedish: organisation.swedish, upcoming: true),
                   on: today.adding(days: -2))
        }
    }

    // MARK: - Courses taken elsewhere

    private mutating func externalEvidence(jarvela: Int, partners: [Int]) {
        let shared = training(DemoTrainingTexts.eLearning, owner: jarvela, offeredTo: partners)
        var owners: [(training: Int, organisations: [Int])] = [(shared, [jarvela] + partners)]
        for index in organisations.indices where organisations[index].swedish {
            owners.append((training(DemoTrainingTexts.eLearning, owner: index), [index]))
        }
        let lastDay = today.adding(days: -2)
        for (trainingIndex, indices) in owners {
            for index in indices {
                let organisation = organisations[index]
                for person in organisation.people where person.end >= firstDay.daysSinceEpoch {
                    guard random.unit() < 0.012 * person.keenness, person.id != worker?.id else { continue }
                    let from = DemoDay(daysSinceEpoch: max(person.start, firstDay.daysSinceEpoch))
                    let to = DemoDay(daysSinceEpoch: min(person.end, lastDay.daysSinceEpoch))
                    guard from <= to else { continue }
                    let day = from.adding(days: random.int(in: 0...(to.daysSinceEpoch - from.daysSinceEpoch)))
                    load.completions.append(BulkCompletion(
                        trainingIndex: trainingIndex, sessionIndex: nil, employeeID: person.id, kind: .external,
                        completedOn: day.text, note: DemoTrainingTexts.externalNote(swedish: organisation.swedish),
                        recordedAt: DemoHelsinki.instant(min(day.adding(days: random.int(in: 1...6)), today.adding(days: -1)), 10),
                        recordedBy: organisation.hrUserID))
                }
            }
        }
    }

    // MARK: - Tyontekija

    /// Tyontekija's own history and coming sessions: the centre's latest session on site, the latest
    /// nap-time session, the two latest security quarters since they started, a recording watched, a
    /// place in the coming AI workshop (enrolled in `shared`) and the coming nap-time session followed.
    private mutating func tyontekija() {
        guard let worker, let centre = anchorCentre,
              let jarvela = organisations.firstIndex(where: { $0.slug == "jarvela" }) else { return }
        let by = organisations[jarvela].trainerUserID
        let today = self.today
        let ownSessions = sessionOrganisation
        // Only Järvelä's own sessions: the Swedish organisations run series of the same kind.
        let employed = { (session: DemoPlannedSession) in
            worker.isEmployed(on: session.day) && session.day < today && ownSessions[session.index] == jarvela
        }
        let mine = [onSiteSessions[centre]?.last(where: employed), napSessions[centre]?.last(where: employed)]
            .compactMap { $0 } + Array(securitySessions.filter(employed).suffix(2))
        for session in mine where load.sessions[session.index].session.status == .scheduled {
            addAttendance(session, employeeID: worker.id, checkIn: false, recordedBy: by,
                          at: load.sessions[session.index].session.endsAt)
        }
        if let tip = tipSessions.last(where: { employed($0) && ($0.recordingUntil ?? today) > today })
            ?? tipSessions.last(where: employed),
           let until = tip.recordingUntil {
            watch(tip, employeeID: worker.id, until: until)
        }
        if let next = napSessions[centre]?.first(where: { $0.day > today }) {
            load.follows.append(BulkFollow(sessionIndex: next.index, employeeID: worker.id))
        }
    }

    // MARK: - Feedback

    /// About a quarter of attendees answer the feedback after a session: usefulness mostly 4 or 5,
    /// highest for guidance in the unit, "I can use this in my work" mostly yes, and now and then a
    /// comment. The sign-ins' own people give none, so their feedback forms are still open.
    private mutating func feedbackAfterSessions() {
        let jarvela = organisations.first { $0.slug == "jarvela" }
        let signIns = Set([anchors.workerHRNumber, anchors.directorHRNumber, anchors.principalHRNumber])
        let excluded = Set(jarvela?.people.filter { signIns.contains($0.hrNumber) }.map(\.id) ?? [])
        for item in load.attendance where !excluded.contains(item.employeeID) {
            guard random.unit() < 0.25 else { continue }
            let training = load.trainings[load.sessions[item.sessionIndex].trainingIndex].draft.training
            let owner = sessionOrganisation[item.sessionIndex].map { organisations[$0] }
            // Guidance in the unit itself is liked best.
            let onSite = training.format == .onSite && load.sessions[item.sessionIndex].unitIDs.count == 1
            let mean = onSite ? 4.4 : training.format == .hybrid ? 4.2 : 3.9
            let usefulness = min(5, max(1, Int((mean + 0.8 * random.normal()).rounded())))
            let canUseDraw = random.unit()
            let canUse: Bool? = canUseDraw < 0.15 ? nil : canUseDraw < 0.15 + 0.85 * (0.35 + 0.13 * Double(usefulness))
            let commentDraw = random.unit()
            var comment = ""
            if commentDraw < 0.04 {
                let comments = DemoTrainingTexts.feedbackComments(swedish: owner?.swedish == true, useful: usefulness >= 4)
                comment = random.element(of: comments) ?? ""
            }
            feedback.append((item.sessionIndex, item.employeeID,
                             TrainingFeedbackAnswer(usefulness: usefulness, canUse: canUse, comment: comment)))
        }
    }

    // MARK: - Identifiers

    /// A UUID-shaped identifier from the seeded stream, so UIDs repeat with the seed.
    private mutating func uuid() -> String {
        let high = random.next64(), low = random.next64()
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let characters = Array(hex)
        let parts = [characters[0..<8], characters[8..<12], characters[12..<16], characters[16..<20], characters[20..<32]]
        return parts.map { String($0) }.joined(separator: "-")
    }

    /// The secret of a session's check-in QR code: 128 random bits, not from the seed.
    static func checkInKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return String((0..<22).map { _ in alphabet[Int(generator.next() % 64)] })
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
