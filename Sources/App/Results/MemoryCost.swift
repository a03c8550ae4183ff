import Metrics
import Storage

/// Rough bytes a value holds on the heap, for the caches' budgets. Swift has no way to ask, so these
/// add up the element strides of the arrays and tables a value is made of, with the overheads that
/// dominate at our sizes; they are meant to be within a small factor, and err on the high side.
enum MemoryCost {
    /// A heap buffer's header (reference count, count, capacity) and the allocator's own overhead.
    static let buffer = 48

    static func array<Element>(_ count: Int, of _: Element.Type) -> Int {
        count == 0 ? 0 : buffer + count * MemoryLayout<Element>.stride
    }

    /// Dictionaries and sets keep at least a quarter of their slots free, plus a bit per slot.
    static func table<Element>(_ count: Int, of _: Element.Type) -> Int {
        count == 0 ? 0 : buffer + (count * 4 / 3 + 1) * (MemoryLayout<Element>.stride + 1)
    }

    /// Strings of up to 15 UTF-8 bytes are stored inside the string value itself.
    static func text(_ string: String) -> Int {
        let count = string.utf8.count
        return count <= 15 ? 0 : buffer + count
    }

    static func text(_ group: ResultGroup) -> Int {
        switch group {
        case .jobGroup(let name), .unitJobGroup(_, let name), .ownStaffJobGroup(_, let name): text(name)
        default: 0
        }
    }
}

extension GroupTotals {
    /// The three arrays of accumulators and the tallies' counts (the struct itself is counted by
    /// the table that holds it).
    var memoryCost: Int {
        MemoryCost.array(areaScores.count, of: ScoreAccumulator.self)
            + MemoryCost.array(areaAnswers.count, of: AnswerTally.self)
            + areaAnswers.reduce(0) { $0 + MemoryCost.array($1.scale.points.count, of: Int.self) }
            + MemoryCost.array(statements.count, of: ScoreAccumulator.self)
    }
}

extension UnitHierarchy {
    var memoryCost: Int {
        let count = units.count
        return MemoryCost.table(count, of: (Int64, Stored<WorkUnit>).self)
            + units.values.reduce(0) { $0 + MemoryCost.text($1.name) }
            + MemoryCost.table(count, of: (Int64, UnitNode).self)
            + MemoryCost.table(tree.children.count, of: (Int64, [Int64]).self)
            + tree.children.values.reduce(0) { $0 + MemoryCost.array($1.count, of: Int64.self) }
            + MemoryCost.array(tree.roots.count, of: Int64.self)
            // Each unit's chain of ancestors (private to the tree): a few levels deep.
            + MemoryCost.table(count, of: (Int64, [Int64]).self) + count * MemoryCost.array(4, of: Int64.self)
    }
}

extension RoundGroups {
    var memoryCost: Int {
        MemoryCost.array(cells.count, of: ResponseCell.self)
            + cells.reduce(0) { $0 + MemoryCost.text($1.jobGroup) }
            + MemoryCost.table(cellIndex.count, of: (ResponseCell, Int).self)
            + MemoryCost.table(members.count, of: (ResultGroup, [Int]).self)
            + members.reduce(0) { $0 + MemoryCost.text($1.key) + MemoryCost.array($1.value.count, of: Int.self) }
            + MemoryCost.array(groups.count, of: ResultGroup.self)
    }
}

extension RoundResults {
    /// What the results hold, roughly: for a 40,000-employee round mostly the totals of the shown
    /// groups (one accumulator per statement each) and the groups' membership. The framework's
    /// content is shared with the framework cache and not counted here.
    var memoryCost: Int {
        var cost = MemoryCost.table(shown.count, of: (ResultGroup, GroupTotals).self)
        for (group, totals) in shown { cost += MemoryCost.text(group) + totals.memoryCost }
        cost += MemoryCost.table(invited.count, of: (ResultGroup, Int).self)
        cost += MemoryCost.array(reliability.count, of: Double?.self)
        cost += MemoryCost.table(openAnswerGroups.count, of: ResultGroup.self)
        cost += MemoryCost.table(openAnswerCells.count, of: (ResponseCell, [SurveyResultsStore.OpenAnswerRow]).self)
        for rows in openAnswerCells.values {
            cost += MemoryCost.array(rows.count, of: SurveyResultsStore.OpenAnswerRow.self)
            cost += rows.reduce(0) { $0 + MemoryCost.text($1.text) }
        }
        cost += MemoryCost.table(audit.figures.hidden.count + audit.openAnswers.hidden.count, of: ResultGroup.self)
        cost += MemoryCost.table(populatedUnits.count, of: Int64.self)
        return cost + groups.memoryCost + hierarchy.memoryCost
    }
}

extension RoundProgress {
    var memoryCost: Int {
        MemoryCost.table(counts.count, of: (ResultGroup, Int).self)
            + MemoryCost.table(invited.count, of: (ResultGroup, Int).self)
            + invited.keys.reduce(0) { $0 + MemoryCost.text($1) }
            + hierarchy.memoryCost
    }
}

extension FrameworkContent {
    /// Its texts in three languages, with the records' strides.
    var memoryCost: Int {
        var cost = MemoryCost.array(labels.count, of: Stored<ScaleLabel>.self)
        for label in labels { cost += MemoryCost.text(label.labelFi) + MemoryCost.text(label.labelSv) + MemoryCost.text(label.labelEn) }
        cost += MemoryCost.array(areas.count, of: Area.self)
        for area in areas {
            let record = area.area
            cost += [record.code, record.nameFi, record.nameSv, record.nameEn, record.descriptionFi, record.descriptionSv,
                     record.descriptionEn].reduce(0) { $0 + MemoryCost.text($1) }
            cost += MemoryCost.array(area.statements.count, of: Stored<FrameworkStatement>.self)
            for statement in area.statements {
                cost += MemoryCost.text(statement.code) + MemoryCost.text(statement.textFi)
                    + MemoryCost.text(statement.textSv) + MemoryCost.text(statement.textEn)
            }
            cost += MemoryCost.array(area.targets.count, of: Stored<FrameworkTarget>.self)
        }
        return cost
    }
}
