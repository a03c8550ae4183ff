/// Whether two optional numbers are both nil or within `tolerance` of each other.
func approximately(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (actual?, expected?): return abs(actual - expected) <= tolerance
    default: return false
    }
}
