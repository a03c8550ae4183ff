import Foundation

/// What a sealed survey response holds: where it is counted and what was answered.
struct ResponseContent: Sendable, Equatable {
    var unitID: Int64
    var sectorID: Int64?
    var jobGroup: String
    /// Encoded as described in `AnswerString`.
    var answers: String
    var areaScores: [Int64: Double]
    var openAnswers: [Int64: String]

    /// A compact binary form (a version byte, then fixed-width integers and length-prefixed texts):
    /// 40,000 of these are opened for a dashboard, so no JSON.
    func encoded() -> Data {
        var writer = ByteWriter()
        writer.byte(1)
        writer.int64(unitID)
        writer.int64(sectorID ?? 0)
        writer.byte(sectorID == nil ? 0 : 1)
        writer.text(jobGroup)
        writer.text(answers)
        writer.uint32(UInt32(areaScores.count))
        for (area, score) in areaScores.sorted(by: { $0.key < $1.key }) {
            writer.int64(area)
            writer.uint64(score.bitPattern)
        }
        writer.openAnswers(openAnswers)
        return writer.data
    }

    init(unitID: Int64, sectorID: Int64?, jobGroup: String, answers: String, areaScores: [Int64: Double],
         openAnswers: [Int64: String]) {
        self.unitID = unitID
        self.sectorID = sectorID
        self.jobGroup = jobGroup
        self.answers = answers
        self.areaScores = areaScores
        self.openAnswers = openAnswers
    }

    init?(encoded data: Data) {
        var reader = ByteReader(data)
        guard reader.byte() == 1, let unitID = reader.int64(), let sector = reader.int64(),
              let hasSector = reader.byte(), let jobGroup = reader.text(), let answers = reader.text(),
              let scoreCount = reader.uint32() else { return nil }
        var scores: [Int64: Double] = [:]
        for _ in 0..<scoreCount {
            guard let area = reader.int64(), let bits = reader.uint64() else { return nil }
            scores[area] = Double(bitPattern: bits)
        }
        guard let open = reader.openAnswers(), reader.isAtEnd else { return nil }
        self.init(unitID: unitID, sectorID: hasSector == 1 ? sector : nil, jobGroup: jobGroup, answers: answers,
                  areaScores: scores, openAnswers: open)
    }
}

extension SurveyDraft {
    func encoded() -> Data {
        var writer = ByteWriter()
        writer.byte(1)
        writer.text(answers)
        writer.openAnswers(openAnswers)
        return writer.data
    }

    init?(encoded data: Data) {
        var reader = ByteReader(data)
        guard reader.byte() == 1, let answers = reader.text(), let open = reader.openAnswers(), reader.isAtEnd
        else { return nil }
        self.init(answers: answers, openAnswers: open)
    }
}

/// Appends little-endian integers and length-prefixed UTF-8 texts.
struct ByteWriter {
    var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }

    mutating func uint32(_ value: UInt32) { littleEndian(value) }

    mutating func uint64(_ value: UInt64) { littleEndian(value) }

    private mutating func littleEndian(_ value: some FixedWidthInteger) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    mutating func int64(_ value: Int64) { uint64(UInt64(bitPattern: value)) }

    mutating func text(_ value: String) {
        let bytes = Array(value.utf8)
        uint32(UInt32(bytes.count))
        data.append(contentsOf: bytes)
    }

    mutating func openAnswers(_ answers: [Int64: String]) {
        uint32(UInt32(answers.count))
        for (question, text) in answers.sorted(by: { $0.key < $1.key }) {
            int64(question)
            self.text(text)
        }
    }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) {
        bytes = Array(data)
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func uint32() -> UInt32? { littleEndian(UInt32.self) }

    mutating func uint64() -> UInt64? { littleEndian(UInt64.self) }

    private mutating func littleEndian<Integer: FixedWidthInteger>(_: Integer.Type) -> Integer? {
        let size = Integer.bitWidth / 8
        guard offset + size <= bytes.count else { return nil }
        var value: Integer = 0
        for index in 0..<size { value |= Integer(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func int64() -> Int64? { uint64().map { Int64(bitPattern: $0) } }

    mutating func text() -> String? {
        guard let length = uint32().map(Int.init), offset + length <= bytes.count else { return nil }
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    mutating func openAnswers() -> [Int64: String]? {
        guard let count = uint32() else { return nil }
        var answers: [Int64: String] = [:]
        for _ in 0..<count {
            guard let question = int64(), let text = text() else { return nil }
            answers[question] = text
        }
        return answers
    }
}
