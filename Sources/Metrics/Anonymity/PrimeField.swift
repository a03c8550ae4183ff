/// Arithmetic modulo the Mersenne prime p = 2⁶¹ − 1, for exact linear algebra on the 0/1 matrices of
/// published group totals without overflow or rounding.
///
/// Rank over this field equals rank over the rationals unless p divides one of the matrix's minors;
/// the matrices here have entries 0 and 1 and small, structured minors (unit trees crossed with job
/// groups), so that cannot happen in practice, and `DisclosureAuditorTests` compares the two.
enum PrimeField {
    /// The modulus, 2⁶¹ − 1.
    static let modulus: UInt64 = (1 << 61) - 1

    static func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let sum = a + b
        return sum >= modulus ? sum - modulus : sum
    }

    static func subtract(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a >= b ? a - b : a + modulus - b
    }

    static func negate(_ a: UInt64) -> UInt64 {
        a == 0 ? 0 : modulus - a
    }

    /// a · b mod p: the 122-bit product folded twice, as 2⁶¹ ≡ 1.
    static func multiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // product = high·2⁶⁴ + low ≡ 8·high + (low >> 61) + (low & p)
        let folded = ((high << 3) | (low >> 61)) + (low & modulus)
        let reduced = (folded & modulus) + (folded >> 61)
        return reduced >= modulus ? reduced - modulus : reduced
    }

    /// The multiplicative inverse of a non-zero element (Fermat: a^(p−2)).
    static func inverse(_ a: UInt64) -> UInt64 {
        var result: UInt64 = 1
        var base = a
        var exponent = modulus - 2
        while exponent > 0 {
            if exponent & 1 == 1 { result = multiply(result, base) }
            base = multiply(base, base)
            exponent >>= 1
        }
        return result
    }
}

/// A sparse row of field elements, columns ascending, no stored zeros.
struct SparseRow: Sendable, Equatable {
    var columns: [Int32]
    var values: [UInt64]

    init(columns: [Int32], values: [UInt64]) {
        self.columns = columns
        self.values = values
    }

    /// A row of ones at `columns` (ascending).
    init(ones columns: [Int32]) {
        self.columns = columns
        values = Array(repeating: 1, count: columns.count)
    }

    var isEmpty: Bool { columns.isEmpty }

    /// self − factor · other, merging the two column lists.
    func subtracting(_ other: SparseRow, times factor: UInt64) -> SparseRow {
        var columns: [Int32] = []
        var values: [UInt64] = []
        columns.reserveCapacity(self.columns.count + other.columns.count)
        values.reserveCapacity(self.columns.count + other.columns.count)
        var i = 0
        var j = 0
        while i < self.columns.count || j < other.columns.count {
            let left = i < self.columns.count ? self.columns[i] : Int32.max
            let right = j < other.columns.count ? other.columns[j] : Int32.max
            let value: UInt64
            let column: Int32
            if left < right {
                (column, value) = (left, self.values[i])
                i += 1
            } else if right < left {
                (column, value) = (right, PrimeField.negate(PrimeField.multiply(factor, other.values[j])))
                j += 1
            } else {
                (column, value) = (left, PrimeField.subtract(self.values[i],
                                                             PrimeField.multiply(factor, other.values[j])))
                i += 1
                j += 1
            }
            if value != 0 {
                columns.append(column)
                values.append(value)
            }
        }
        return SparseRow(columns: columns, values: values)
    }

    /// The row scaled so its first value is 1.
    func normalised() -> SparseRow {
        guard let first = values.first, first != 1 else { return self }
        let inverse = PrimeField.inverse(first)
        return SparseRow(columns: columns, values: values.map { PrimeField.multiply($0, inverse) })
    }

    /// The value at `column` (0 when absent).
    func value(at column: Int32) -> UInt64 {
        var low = 0
        var high = columns.count
        while low < high {
            let middle = (low + high) / 2
            if columns[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low < columns.count && columns[low] == column ? values[low] : 0
    }
}
