@testable import Metrics

/// An exact rational number with small integer parts, for an oracle independent of the prime field.
struct Fraction: Equatable {
    var numerator: Int
    var denominator: Int

    init(_ numerator: Int, _ denominator: Int = 1) {
        let divisor = Self.gcd(abs(numerator), abs(denominator))
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / max(divisor, 1)
        self.denominator = sign * denominator / max(divisor, 1)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    var isZero: Bool { numerator == 0 }

    static func - (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator - rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
    }

    static func * (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    static func / (lhs: Fraction, rhs: Fraction) -> Fraction {
        Fraction(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }
}

/// Rank over the rationals by dense Gaussian elimination: the brute-force oracle for the auditor.
enum RationalOracle {
    static func rank(_ rows: [[Int]]) -> Int {
        var matrix = rows.map { $0.map { Fraction($0) } }
        guard let width = matrix.first?.count else { return 0 }
        var rank = 0
        for column in 0..<width {
            guard let pivot = (rank..<matrix.count).first(where: { !matrix[$0][column].isZero }) else { continue }
            matrix.swapAt(rank, pivot)
            for row in 0..<matrix.count where row != rank && !matrix[row][column].isZero {
                let factor = matrix[row][column] / matrix[rank][column]
                for index in column..<width { matrix[row][index] = matrix[row][index] - factor * matrix[rank][index] }
            }
            rank += 1
        }
        return rank
    }

    /// Every set of cells with 1 … minimum − 1 respondents whose indicator is in the row space of
    /// the published groups: tried one subset at a time (so only for a handful of small cells).
    static func determinedSmallSets(cellRespondents: [Int], published: [[Int]], minimum: Int) -> [[Int]] {
        let live = cellRespondents.indices.filter { cellRespondents[$0] > 0 }
        let small = live.filter { cellRespondents[$0] < minimum }
        precondition(small.count <= 14, "the oracle tries every subset")
        let rows = published.map { members -> [Int] in
            let set = Set(members)
            return live.map { set.contains($0) ? 1 : 0 }
        }.filter { $0.contains(1) }
        let base = rank(rows)
        var found: [[Int]] = []
        for mask in 1..<(1 << small.count) {
            let subset = small.indices.filter { mask & (1 << $0) != 0 }.map { small[$0] }
            let count = subset.reduce(0) { $0 + cellRespondents[$1] }
            guard count < minimum else { continue }
            let vector = live.map { subset.contains($0) ? 1 : 0 }
            if rank(rows + [vector]) == base { found.append(subset) }
        }
        return found
    }
}
