/// Proves, by exact linear algebra, that a set of published group totals determines no small group.
///
/// Every figure a dashboard shows about a group (respondents, sums of scores, sums of squares,
/// answer tallies, per-statement counts) is a sum over the finest cells the group is made of (a unit's
/// own staff in one job group). So whatever a reader can compute from all published tables together,
/// by adding and subtracting, is `w · f` for a vector `w` in the row space R of the published groups'
/// 0/1 membership vectors, whatever the statistic `f`. A set S of cells is *determined* when its
/// indicator vector lies in R. The auditor checks that no S with 1 … minimum − 1 respondents is
/// determined: not a single cell, not a union of cells.
///
/// How: cells without respondents are known zeros and drop out. Such an S can only contain *small*
/// cells (each with fewer than the minimum), so it lies in R_L = R ∩ span(small cells). Gaussian
/// elimination over the prime field with the large cells' columns ordered first leaves a basis of
/// R_L as the rows whose pivot is a small cell (a row can only reach a small pivot once every large
/// column is gone). In reduced echelon form a 0/1 vector of R_L is the sum of exactly the basis rows
/// whose pivots it contains, and those pivots alone hold at least one respondent each, so a search
/// over sets of basis rows connected through shared cells, with fewer pivot respondents than the
/// minimum, finds every determined small S. The search has a budget; a region it cannot finish is
/// reported as a disclosure too, so publication errs on the side of hiding.
///
/// The auditor knows nothing of how groups were chosen for suppression: it is the independent check.
public struct DisclosureAuditor: Sendable {
    /// The fewest respondents a determined set may hold (sets with none are not disclosures).
    public let minimum: Int
    /// Search nodes allowed per start row before its region is reported as undecided.
    public let searchBudget: Int

    public init(minimum: Int, searchBudget: Int = 20_000) {
        self.minimum = minimum
        self.searchBudget = searchBudget
    }

    /// Audits published groups over cells `0..<cellRespondents.count`; each published group is given
    /// by the indices of its member cells.
    public func audit(cellRespondents: [Int], published: [[Int]]) -> DisclosureAudit {
        let columns = ColumnOrder(cellRespondents: cellRespondents, minimum: minimum)
        var echelon = Echelon(columnCount: columns.count, tracksOrigins: false)
        for (row, _) in columns.rows(of: published).sorted(by: { $0.row.columns.count < $1.row.columns.count }) {
            echelon.insert(row, origin: nil)
        }
        let smallBasis = echelon.reducedRows(pivotsFrom: Int32(columns.firstSmall))
        var search = DeterminedSetSearch(rows: smallBasis, respondents: columns.respondents, minimum: minimum,
                                         budget: searchBudget)
        let found = search.run()
        let disclosures = found.map { finding in
            Disclosure(cells: finding.columns.map { columns.cellOfColumn[Int($0)] }.sorted(),
                       respondents: finding.respondents, proven: finding.proven)
        }
        return DisclosureAudit(disclosures: disclosures, rank: echelon.rank, smallDimension: smallBasis.count,
                               searchNodes: search.nodes)
    }
}

extension DisclosureAuditor {
    /// For each disclosure, which published groups combine into the disclosed set with non-zero
    /// weight: the groups whose figures together give it away. Indices refer to `published`; nil for
    /// a set that is not determined after all (e.g. one the search could not finish).
    public func witnesses(of disclosures: [Disclosure], cellRespondents: [Int], published: [[Int]]) -> [[Int]?] {
        let columns = ColumnOrder(cellRespondents: cellRespondents, minimum: minimum)
        var echelon = Echelon(columnCount: columns.count, tracksOrigins: true)
        for (row, index) in columns.rows(of: published).sorted(by: { $0.row.columns.count < $1.row.columns.count }) {
            echelon.insert(row, origin: SparseRow(ones: [Int32(index)]))
        }
        return disclosures.map { disclosure in
            let target = disclosure.cells.compactMap { cell -> Int32? in
                cell >= 0 && cell < columns.columnOfCell.count && columns.columnOfCell[cell] >= 0
                    ? columns.columnOfCell[cell] : nil
            }.sorted()
            return echelon.combination(of: SparseRow(ones: target)).map { $0.columns.map(Int.init) }
        }
    }
}

/// What an audit found.
public struct DisclosureAudit: Sendable, Equatable {
    /// Determined sets of cells holding 1 … minimum − 1 respondents (at most one per start row of
    /// the search); empty when the publication is safe.
    public let disclosures: [Disclosure]
    /// The rank of the published groups' matrix (how many independent totals were published).
    public let rank: Int
    /// The dimension of what the publication determines among small cells only.
    public let smallDimension: Int
    /// How many sets of rows the search looked at.
    public let searchNodes: Int

    public var isSafe: Bool { disclosures.isEmpty }
}

/// A set of cells the published figures determine although it holds fewer than the minimum.
public struct Disclosure: Sendable, Equatable {
    /// The cells (indices as given to the auditor), ascending.
    public let cells: [Int]
    /// Their respondents together.
    public let respondents: Int
    /// True when the set was shown to be determined; false when the search ran out of budget and
    /// `cells` is the region it could not clear.
    public let proven: Bool
}

/// Columns of the elimination: cells with respondents, large ones (≥ minimum) first.
private struct ColumnOrder {
    var columnOfCell: [Int32]
    var cellOfColumn: [Int] = []
    var respondents: [Int] = []
    var firstSmall = 0

    var count: Int { cellOfColumn.count }

    init(cellRespondents: [Int], minimum: Int) {
        columnOfCell = Array(repeating: -1, count: cellRespondents.count)
        for isSmall in [false, true] {
            if isSmall { firstSmall = cellOfColumn.count }
            for (cell, count) in cellRespondents.enumerated() where count > 0 && (count < minimum) == isSmall {
                columnOfCell[cell] = Int32(cellOfColumn.count)
                cellOfColumn.append(cell)
                respondents.append(count)
            }
        }
    }

    /// Each published group as a row of ones over its cells with respondents; empty and repeated
    /// rows dropped (they add nothing to the row space).
    func rows(of published: [[Int]]) -> [(row: SparseRow, index: Int)] {
        var seen: Set<[Int32]> = []
        var rows: [(row: SparseRow, index: Int)] = []
        for (index, members) in published.enumerated() {
            let columns = members.compactMap { cell -> Int32? in
                guard cell >= 0, cell < columnOfCell.count else { return nil }
                let column = columnOfCell[cell]
                return column >= 0 ? column : nil
            }
            let sorted = Array(Set(columns)).sorted()
            if !sorted.isEmpty, seen.insert(sorted).inserted { rows.append((SparseRow(ones: sorted), index)) }
        }
        return rows
    }
}

/// A row echelon basis built one row at a time: each row is reduced by the pivots it meets, first
/// column first, and becomes a new basis row (pivot = its first column) unless nothing is left.
/// When it tracks origins, each basis row also carries its coefficients over the inserted rows.
private struct Echelon {
    /// The basis row whose pivot is the column, if any.
    var pivotRows: [SparseRow?]
    var origins: [SparseRow?]
    let tracksOrigins: Bool
    var rank = 0

    init(columnCount: Int, tracksOrigins: Bool) {
        pivotRows = Array(repeating: nil, count: columnCount)
        origins = tracksOrigins ? Array(repeating: nil, count: columnCount) : []
        self.tracksOrigins = tracksOrigins
    }

    mutating func insert(_ row: SparseRow, origin: SparseRow?) {
        var row = row
        var origin = origin ?? SparseRow(columns: [], values: [])
        while let first = row.columns.first {
            guard let pivot = pivotRows[Int(first)] else {
                if tracksOrigins {
                    let inverse = PrimeField.inverse(row.values[0])
                    origins[Int(first)] = SparseRow(columns: origin.columns,
                                                    values: origin.values.map { PrimeField.multiply($0, inverse) })
                }
                pivotRows[Int(first)] = row.normalised()
                rank += 1
                return
            }
            let factor = row.values[0]
            if tracksOrigins, let pivotOrigin = origins[Int(first)] {
                origin = origin.subtracting(pivotOrigin, times: factor)
            }
            row = row.subtracting(pivot, times: factor)
        }
    }

    /// Coefficients over the inserted rows that add up to `target`, or nil when it is not in their
    /// span. Needs tracked origins.
    func combination(of target: SparseRow) -> SparseRow? {
        var target = target
        var combination = SparseRow(columns: [], values: [])
        while let first = target.columns.first {
            guard let pivot = pivotRows[Int(first)], let origin = origins[Int(first)] else { return nil }
            let factor = target.values[0]
            combination = combination.subtracting(origin, times: PrimeField.negate(factor))
            target = target.subtracting(pivot, times: factor)
        }
        return combination
    }

    /// The basis rows with pivots at or after `start`, in reduced echelon form among themselves (each
    /// pivot column is zero in every other returned row). Rows pivoting before `start` are left out.
    func reducedRows(pivotsFrom start: Int32) -> [SparseRow] {
        var reduced: [Int32: SparseRow] = [:]
        let pivots = (Int(start)..<pivotRows.count).filter { pivotRows[$0] != nil }.map { Int32($0) }
        // Last pivot first, so every row used for reducing is already reduced itself.
        for pivot in pivots.reversed() {
            guard var row = pivotRows[Int(pivot)] else { continue }
            var index = 1
            while index < row.columns.count {
                let column = row.columns[index]
                if let other = reduced[column] {
                    row = row.subtracting(other, times: row.values[index])
                    // The merge keeps columns sorted; entries before `index` are unchanged.
                } else {
                    index += 1
                }
            }
            reduced[pivot] = row
        }
        return pivots.compactMap { reduced[$0] }
    }
}

/// Searches sets of reduced basis rows whose sum is a 0/1 vector with fewer respondents than the
/// minimum. Such a sum contains the pivot of each row in the set (pivots occur in one row only),
/// so the pivots' respondents bound the search; only sets connected through shared cells need be
/// tried (a disconnected set's parts are smaller disclosures themselves).
///
/// Sets are grown from their lowest row. A cell that no row still allowed to join can change keeps
/// its value in every larger set: a 1 there counts towards the set's respondents whatever joins, and
/// any other non-zero value means no larger set is 0/1. Those two facts prune most of the search.
private struct DeterminedSetSearch {
    struct Finding {
        let columns: [Int32]
        let respondents: Int
        let proven: Bool
    }

    let rows: [SparseRow]
    let respondents: [Int]
    let minimum: Int
    let budget: Int
    /// Non-pivot column → the rows holding it, ascending.
    var rowsOfColumn: [Int32: [Int]] = [:]
    var nodes = 0

    init(rows: [SparseRow], respondents: [Int], minimum: Int, budget: Int) {
        self.rows = rows
        self.respondents = respondents
        self.minimum = minimum
        self.budget = budget
        for (index, row) in rows.enumerated() {
            for column in row.columns.dropFirst() { rowsOfColumn[column, default: []].append(index) }
        }
    }

    /// A set of rows and the sum of them, columns ascending.
    struct State {
        var chosen: [Int]
        var sum: SparseRow
        var pivotRespondents: Int
    }

    mutating func run() -> [Finding] {
        var findings: [Finding] = []
        for start in rows.indices {
            if let finding = search(from: start) { findings.append(finding) }
        }
        return findings
    }

    private func pivotRespondents(_ row: Int) -> Int { respondents[Int(rows[row].columns[0])] }

    /// Rows after `start`, not yet chosen, that still fit the respondents bound and hold `column`.
    private func joinable(_ column: Int32, _ state: State, start: Int) -> [Int] {
        (rowsOfColumn[column] ?? []).filter { row in
            row > start && !state.chosen.contains(row)
                && state.pivotRespondents + pivotRespondents(row) < minimum
        }
    }

    /// A disclosure among sets whose lowest row is `start`, or nil when there is none.
    private mutating func search(from start: Int) -> Finding? {
        guard pivotRespondents(start) < minimum else { return nil }
        var stack = [State(chosen: [start], sum: rows[start], pivotRespondents: pivotRespondents(start))]
        var visited: Set<[Int]> = [[start]]
        var spent = 0
        while let state = stack.popLast() {
            spent += 1
            nodes += 1
            if spent > budget {
                let region = Array(rows[start].columns)
                return Finding(columns: region, respondents: region.reduce(0) { $0 + respondents[Int($1)] },
                               proven: false)
            }
            // Which cells can still change, and what the set already holds for certain.
            var bound = state.pivotRespondents
            var violated: Int32?
            var open: [Int32] = []
            var dead = false
            for (column, value) in zip(state.sum.columns, state.sum.values) {
                let isPivot = state.chosen.contains { rows[$0].columns[0] == column }
                let changeable = !isPivot && !joinable(column, state, start: start).isEmpty
                if changeable {
                    open.append(column)
                    if value != 1, violated == nil { violated = column }
                } else if value == 1 {
                    if !isPivot { bound += respondents[Int(column)] }
                } else {
                    dead = true
                    break
                }
            }
            if dead || bound >= minimum { continue }
            if violated == nil {
                let ones = zip(state.sum.columns, state.sum.values).filter { $0.1 == 1 }.map(\.0)
                let count = ones.reduce(0) { $0 + respondents[Int($1)] }
                if count > 0, count < minimum { return Finding(columns: ones, respondents: count, proven: true) }
            }
            // A violated cell must be fixed by one of the rows holding it; otherwise any row holding
            // a cell that can still change may lower the count.
            var candidates: Set<Int> = []
            for column in violated.map({ [$0] }) ?? open {
                candidates.formUnion(joinable(column, state, start: start))
            }
            for next in candidates.sorted() {
                var chosen = state.chosen
                chosen.insert(next, at: chosen.firstIndex { $0 > next } ?? chosen.count)
                guard visited.insert(chosen).inserted else { continue }
                stack.append(State(chosen: chosen, sum: state.sum.subtracting(rows[next], times: PrimeField.modulus - 1),
                                   pivotRespondents: state.pivotRespondents + pivotRespondents(next)))
            }
        }
        return nil
    }
}
