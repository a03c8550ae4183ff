import Foundation
import GRDB

/// A framework version with everything needed to show, answer and score it.
public struct FrameworkContent: Sendable, Equatable {
    public var framework: Stored<Framework>
    public var labels: [ScaleLabel]
    public var areas: [Area]

    /// An area with its statements (in position order) and target levels.
    public struct Area: Sendable, Equatable {
        public var area: Stored<FrameworkArea>
        public var statements: [Stored<FrameworkStatement>]
        public var targets: [Stored<FrameworkTarget>]
    }

    /// All statements in answer-string order: areas by position, then statements by position.
    public var statementsInOrder: [Stored<FrameworkStatement>] { areas.flatMap(\.statements) }

    /// How many statements the answer string has.
    public var statementCount: Int { areas.reduce(0) { $0 + $1.statements.count } }

    /// Where an area's statements are in the answer string.
    public func statementRange(ofAreaAt index: Int) -> Range<Int> {
        guard areas.indices.contains(index) else { return 0..<0 }
        let start = areas[..<index].reduce(0) { $0 + $1.statements.count }
        return start..<start + areas[index].statements.count
    }

    /// The area index of each position of the answer string.
    public var areaIndexOfStatements: [Int] {
        areas.indices.flatMap { index in Array(repeating: index, count: areas[index].statements.count) }
    }
}
