import App
import Storage

/// Makes the people of one organisation's roster: names by language and sector, work e-mail and
/// phone, HR number, and employment dates.
struct DemoPeople {
    private var nextHRNumber = 100_001
    private var emailsTaken: [String: Int] = [:]
    private var foldedNames: [String: String] = [:]

    mutating func employee(in organisation: DemoOrganisation, language: DemoLanguage, unitName: String,
                           sectorName: String, job: DemoJob, women: Double, today: DemoDay,
                           random: inout DemoRandom) -> ImportedEmployee {
        let speaks = Self.speaker(swedishSpeakingOrganisation: organisation.swedishSpeaking, random: &random)
        let (firstName, lastName) = Self.name(speaking: speaks, woman: random.chance(women), random: &random)
        let (startDate, endDate) = Self.employment(today: today, random: &random)
        let hrNumber = String(nextHRNumber)
        nextHRNumber += random.chance(0.1) ? random.int(in: 2...6) : 1
        let email = random.chance(0.03) ? nil : self.email(firstName, lastName, domain: "\(organisation.slug).example")
        let phone = random.chance(0.05) ? nil : Self.phone(random: &random)
        return ImportedEmployee(
            hrNumber: hrNumber, firstName: firstName, lastName: lastName, email: email, phone: phone,
            sectorName: sectorName, unitName: unitName, jobTitle: job.title.text(language),
            jobGroup: job.group.text(language), startDate: startDate.text, endDate: endDate?.text, language: speaks)
    }

    /// `fi`, `sv` or `en`: a Swedish-speaking municipality employs mostly Swedish speakers, a Finnish
    /// one a few; both a few people working in English.
    private static func speaker(swedishSpeakingOrganisation: Bool, random: inout DemoRandom) -> String {
        let draw = random.unit()
        if swedishSpeakingOrganisation { return draw < 0.84 ? "sv" : draw < 0.98 ? "fi" : "en" }
        return draw < 0.05 ? "sv" : draw < 0.07 ? "en" : "fi"
    }

    private static func name(speaking language: String, woman: Bool,
                             random: inout DemoRandom) -> (first: String, last: String) {
        let firstNames: [String], lastNames: [String]
        switch language {
        case "sv":
            firstNames = woman ? DemoNames.swedishWomen : DemoNames.swedishMen
            lastNames = DemoNames.swedishLastNames
        case "en":
            firstNames = DemoNames.internationalFirstNames
            lastNames = DemoNames.internationalLastNames
        default:
            firstNames = woman ? DemoNames.finnishWomen : DemoNames.finnishMen
            lastNames = DemoNames.finnishLastNames
        }
        return (random.element(of: firstNames) ?? "Aino", random.element(of: lastNames) ?? "Virtanen")
    }

    /// Start and end dates: long careers are common in municipal work, so service years are skewed
    /// towards recent starts but reach back four decades; some start soon or just started
    /// (onboarding), some are on fixed-term contracts and some have left.
    private static func employment(today: DemoDay, random: inout DemoRandom) -> (start: DemoDay, end: DemoDay?) {
        var start: DemoDay
        let kind = random.unit()
        if kind < 0.01 {
            start = today.adding(days: random.int(in: 1...45))
        } else if kind < 0.07 {
            start = today.adding(days: -random.int(in: 0...180))
        } else {
            let years = 0.5 + 39.5 * random.unit() * random.unit()
            start = today.adding(days: -Int(years * 365.25))
            if random.chance(0.5) {
                let (year, month, _) = start.components
                start = DemoDay(year: year, month: month, day: 1)
            }
        }
        let ending = random.unit()
        if ending < 0.07 {
            let end = today.adding(days: random.int(in: 14...365))
            return (start, max(end, start.adding(days: 30)))
        }
        if ending < 0.10 {
            let end = today.adding(days: -random.int(in: 1...700))
            if end <= start { start = end.adding(days: -random.int(in: 30...2000)) }
            return (start, end)
        }
        return (start, nil)
    }

    /// `firstname.lastname@domain` in ASCII; a second person of the same name gets a number.
    private mutating func email(_ firstName: String, _ lastName: String, domain: String) -> String {
        let local = "\(folded(firstName)).\(folded(lastName))"
        let count = (emailsTaken[local] ?? 0) + 1
        emailsTaken[local] = count
        return count == 1 ? "\(local)@\(domain)" : "\(local)\(count)@\(domain)"
    }

    private mutating func folded(_ name: String) -> String {
        if let cached = foldedNames[name] { return cached }
        let folded = Self.asciiFolded(name)
        foldedNames[name] = folded
        return folded
    }

    /// Lower-case ASCII for an e-mail address: Nordic and accented letters lose their marks, and
    /// anything else outside a-z, 0-9 and the hyphen is dropped.
    static func asciiFolded(_ name: String) -> String {
        var result = ""
        for character in name.lowercased() {
            switch character {
            case "ä", "å", "á", "à", "â": result.append("a")
            case "ö", "ó", "ò", "ô", "ø": result.append("o")
            case "é", "è", "ê", "ë": result.append("e")
            case "ü", "ú", "ù": result.append("u")
            case "í", "ì", "ï": result.append("i")
            case "ñ": result.append("n")
            case "ç": result.append("c")
            case "a"..."z", "0"..."9", "-": result.append(character)
            default: break
            }
        }
        return result
    }

    /// A Finnish mobile number, `+358 4x nnn nnnn`.
    private static func phone(random: inout DemoRandom) -> String {
        let prefix = random.element(of: ["40", "41", "44", "45", "46"]) ?? "40"
        let middle = random.int(in: 0...999), last = random.int(in: 0...9999)
        return "+358 \(prefix) \(padded(middle, 3)) \(padded(last, 4))"
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
