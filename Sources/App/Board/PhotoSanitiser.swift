import Foundation

// The tips board lets a post carry one photo. What the client says the file is (its content type, its
// name) is not trusted: the bytes decide. Only JPEG and PNG pass, so nothing the browser could run
// (SVG, HTML) or animate (GIF, WebP, APNG) is ever stored. Metadata that can give away where and by
// whom a photo was taken (EXIF with GPS, XMP, IPTC, comments, text chunks) is cut out segment by
// segment; the compressed pixels are copied as they are, never decoded or re-encoded.

/// A photo as stored and served: the cleaned bytes and their type.
public struct CleanPhoto: Sendable, Equatable {
    public let bytes: [UInt8]
    /// "image/jpeg" or "image/png".
    public let contentType: String
    public let width: Int
    public let height: Int
}

public enum PhotoProblem: Error, Equatable, Sendable {
    case empty
    case tooLarge(limit: Int)        // input bytes over maximumBytes
    case notAPhoto                   // not JPEG or PNG by its bytes (SVG, GIF, HTML, text, ...)
    case damaged                     // JPEG/PNG signature but broken structure (truncated segment/chunk, no SOF/IHDR, bad lengths, no EOI/IEND)
    case tooManyPixels(limit: Int)   // width*height over maximumPixels (decompression-bomb guard)
}

public enum PhotoSanitiser {
    public static let maximumBytes = 5 * 1024 * 1024
    public static let maximumPixels = 40_000_000

    /// The photo without its metadata, or why it cannot be taken. The size is checked before any
    /// parsing so that a huge upload costs nothing more than its length.
    public static func clean(_ bytes: [UInt8]) throws(PhotoProblem) -> CleanPhoto {
        guard bytes.count <= maximumBytes else { throw .tooLarge(limit: maximumBytes) }
        guard !bytes.isEmpty else { throw .empty }
        if bytes.starts(with: JPEG.start) { return try JPEG.clean(bytes) }
        if bytes.starts(with: PNG.signature) { return try PNG.clean(bytes) }
        throw .notAPhoto
    }

    /// A small file may declare a huge canvas that a viewer would then allocate: refuse it here.
    static func checkPixels(width: Int, height: Int) throws(PhotoProblem) {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard !overflow, pixels <= maximumPixels else { throw .tooManyPixels(limit: maximumPixels) }
    }
}

private extension ArraySlice<UInt8> {
    /// The big-endian number in `width` bytes at `offset` from the slice's start, or nil when that
    /// runs past the end. Both formats store lengths and sizes this way.
    func bigEndian(at offset: Int, width: Int) -> Int? {
        guard offset >= 0, width >= 0, width <= count, offset <= count - width else { return nil }
        var value = 0
        for index in (startIndex + offset)..<(startIndex + offset + width) {
            value = value << 8 | Int(self[index])
        }
        return value
    }
}

// MARK: - JPEG

/// A JPEG is a run of marker segments (FF, a code, a two-byte length that counts itself, a payload);
/// after each start-of-scan come entropy-coded bytes, in which FF is always followed by 00 (a stuffed
/// FF) or a restart code D0–D7, so the first other FF pair there is the next marker.
private enum JPEG {
    static let start: [UInt8] = [0xFF, 0xD8]
    static let jfif: [UInt8] = Array("JFIF\0".utf8)
    static let iccProfile: [UInt8] = Array("ICC_PROFILE\0".utf8)
    static let adobe: [UInt8] = Array("Adobe".utf8)

    static func clean(_ input: [UInt8]) throws(PhotoProblem) -> CleanPhoto {
        var walk = Walk(input)
        // Every turn consumes at least two bytes or throws, so the loop ends.
        while true {
            let marker = try walk.nextMarker()
            switch marker {
            case 0xD9:
                return try walk.finish()
            case 0xD0...0xD7, 0x01:
                // Restart and TEM markers stand alone: no length follows.
                walk.output.append(contentsOf: [0xFF, marker])
            case 0x00, 0xD8:
                // A stuffed zero outside scan data, or a second start of image: not a JPEG stream.
                throw .damaged
            default:
                try walk.segment(marker)
            }
        }
    }

    /// The keep-or-drop rule of a segment that passed the structure checks. Only what a decoder needs
    /// for the pixels and their colours stays; all APPn that can carry metadata and COM go.
    static func kept(_ marker: UInt8, _ payload: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        switch marker {
        case 0xC0...0xC7, 0xC9...0xCF, 0xDB...0xDF:
            // SOFn, DHT, DAC; DQT, DNL, DRI, DHP, EXP: what the decoder needs.
            return payload
        case 0xE0:
            return jfifWithoutThumbnail(payload)
        case 0xE2 where payload.starts(with: iccProfile), 0xEE where payload.starts(with: adobe):
            // The colour profile and Adobe's colour-transform flag change how the pixels look.
            return payload
        default:
            // APP1 (Exif, XMP), APP13 (IPTC), every other APPn, COM, reserved codes (C8, F0–FD, 02–BF).
            return nil
        }
    }

    /// APP0 JFIF keeps its version, units and density; its optional thumbnail is a second, uncleaned
    /// picture (it may show what was cropped away), so it is cut and the thumbnail size set to 0×0.
    /// Any other APP0 (JFXX thumbnails, AVI1) is dropped: decoders do not need it.
    static func jfifWithoutThumbnail(_ payload: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        // "JFIF\0", version (2), units (1), X and Y density (2 + 2), thumbnail width and height (1 + 1).
        guard payload.starts(with: jfif), payload.count >= 14 else { return nil }
        return ArraySlice(payload.prefix(12) + [0, 0])
    }
}

extension JPEG {
    /// One pass over the input, appending what is kept to `output` as it goes.
    struct Walk {
        let input: [UInt8]
        var position: Int
        var output: [UInt8]
        var size: (width: Int, height: Int)?
        var scans = 0

        init(_ input: [UInt8]) {
            self.input = input
            position = JPEG.start.count
            output = []
            // The output is never longer than the input: reserve once, never copy again.
            output.reserveCapacity(input.count)
            output.append(contentsOf: JPEG.start)
        }

        /// The code of the marker at `position`, after any FF fill bytes, which are dropped.
        mutating func nextMarker() throws(PhotoProblem) -> UInt8 {
            guard position < input.count, input[position] == 0xFF else { throw .damaged }
            while position < input.count, input[position] == 0xFF { position += 1 }
            guard position < input.count else { throw .damaged }
            let marker = input[position]
            position += 1
            return marker
        }

        /// A segment with a length: checked against the end of the input before anything reads it.
        mutating func segment(_ marker: UInt8) throws(PhotoProblem) {
            let rest = input[position...]
            guard let length = rest.bigEndian(at: 0, width: 2), length >= 2, length <= rest.count else {
                throw .damaged
            }
            let payload = input[(position + 2)..<(position + length)]
            position += length
            switch marker {
            case 0xC0...0xC3, 0xC5...0xC7, 0xC9...0xCB, 0xCD...0xCF:
                try frame(payload)
            case 0xDA:
                try scan(payload)
                return
            default:
                break
            }
            if let kept = JPEG.kept(marker, payload) { append(marker, kept) }
        }

        /// SOFn: precision, height, width, component count, three bytes per component. There is one
        /// frame only: a second one could declare other dimensions than those checked.
        mutating func frame(_ payload: ArraySlice<UInt8>) throws(PhotoProblem) {
            guard size == nil,
                  let height = payload.bigEndian(at: 1, width: 2),
                  let width = payload.bigEndian(at: 3, width: 2),
                  let components = payload.bigEndian(at: 5, width: 1),
                  components >= 1, payload.count == 6 + 3 * components,
                  width > 0, height > 0
            else { throw .damaged }
            try PhotoSanitiser.checkPixels(width: width, height: height)
            size = (width, height)
        }

        /// SOS: its header (component count, two bytes per component, three spectral bytes) is kept,
        /// then the entropy-coded data up to the next real marker is copied unchanged.
        mutating func scan(_ payload: ArraySlice<UInt8>) throws(PhotoProblem) {
            guard size != nil,
                  let components = payload.bigEndian(at: 0, width: 1),
                  (1...4).contains(components), payload.count == 4 + 2 * components
            else { throw .damaged }
            append(0xDA, payload)
            try copyEntropyData()
        }

        /// Copies scan data through stuffed FF 00 and restart markers FF D0–D7 and stops at the FF
        /// that starts the next marker (another segment of a progressive JPEG, or EOI).
        mutating func copyEntropyData() throws(PhotoProblem) {
            var index = position
            while index < input.count {
                guard input[index] == 0xFF else {
                    index += 1
                    continue
                }
                guard index + 1 < input.count else { throw .damaged }
                let next = input[index + 1]
                if next == 0x00 || (0xD0...0xD7).contains(next) {
                    index += 2
                    continue
                }
                output.append(contentsOf: input[position..<index])
                position = index
                scans += 1
                return
            }
            // The data ran to the end without EOI.
            throw .damaged
        }

        /// At EOI: a photo needs its frame and at least one scan. Anything after EOI is not copied.
        mutating func finish() throws(PhotoProblem) -> CleanPhoto {
            guard let size, scans > 0 else { throw .damaged }
            output.append(contentsOf: [0xFF, 0xD9])
            return CleanPhoto(bytes: output, contentType: "image/jpeg", width: size.width, height: size.height)
        }

        /// Writes a segment with a single FF and its length recomputed from the payload kept.
        mutating func append(_ marker: UInt8, _ payload: ArraySlice<UInt8>) {
            let length = payload.count + 2
            output.append(contentsOf: [0xFF, marker, UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)])
            output.append(contentsOf: payload)
        }
    }
}

// MARK: - PNG

/// A PNG is its signature and then chunks: length (4 bytes), type (4 letters), data, CRC (4 bytes).
/// Kept chunks are copied whole, CRC included; the CRC is not checked, since a wrong one only makes
/// the decoder refuse the picture, which harms nobody.
private enum PNG {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let ihdr = code("IHDR")
    static let idat = code("IDAT")
    static let iend = code("IEND")
    /// Besides IHDR, IDAT and IEND: the palette and the chunks that change how the pixels are shown.
    /// Text (tEXt, zTXt, iTXt), eXIf, tIME, animation (acTL, fcTL, fdAT) and everything else go.
    static let kept: Set<Int> = Set(["PLTE", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"].map(code))

    static func code(_ name: String) -> Int {
        name.utf8.reduce(0) { $0 << 8 | Int($1) }
    }

    static func clean(_ input: [UInt8]) throws(PhotoProblem) -> CleanPhoto {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        output.append(contentsOf: signature)
        // IHDR must come first: it gives the size, checked before any pixel data is looked at.
        var chunk = try Chunk(input, at: signature.count)
        guard chunk.type == ihdr else { throw .damaged }
        let size = try dimensions(chunk.data)
        output.append(contentsOf: chunk.whole)
        var sawData = false
        // Every chunk is at least 12 bytes long, so the loop moves on or throws.
        while true {
            chunk = try Chunk(input, at: chunk.whole.endIndex)
            switch chunk.type {
            case iend:
                guard sawData, chunk.data.isEmpty else { throw .damaged }
                output.append(contentsOf: chunk.whole)
                // Whatever follows IEND is not copied.
                return CleanPhoto(bytes: output, contentType: "image/png", width: size.width, height: size.height)
            case ihdr:
                throw .damaged
            case idat:
                sawData = true
                output.append(contentsOf: chunk.whole)
            case _ where kept.contains(chunk.type):
                output.append(contentsOf: chunk.whole)
            case _ where chunk.isCritical:
                // A decoder must refuse a critical chunk it does not know (Apple's CgBI, say); so do we,
                // rather than drop it and store something that decodes wrongly.
                throw .damaged
            default:
                break
            }
        }
    }

    /// IHDR: width and height (non-zero, at most 2³¹−1), then a bit depth valid for the colour type,
    /// compression 0, filter 0, interlace 0 or 1.
    static func dimensions(_ data: ArraySlice<UInt8>) throws(PhotoProblem) -> (width: Int, height: Int) {
        guard data.count == 13,
              let width = data.bigEndian(at: 0, width: 4), let height = data.bigEndian(at: 4, width: 4),
              (1...Int(Int32.max)).contains(width), (1...Int(Int32.max)).contains(height),
              let depth = data.bigEndian(at: 8, width: 1), let colour = data.bigEndian(at: 9, width: 1),
              validDepths(colour).contains(depth),
              data.bigEndian(at: 10, width: 2) == 0, let interlace = data.bigEndian(at: 12, width: 1),
              interlace <= 1
        else { throw .damaged }
        try PhotoSanitiser.checkPixels(width: width, height: height)
        return (width, height)
    }

    /// The bit depths the PNG specification allows for a colour type; none for an unknown type.
    static func validDepths(_ colour: Int) -> [Int] {
        switch colour {
        case 0: [1, 2, 4, 8, 16]   // grey
        case 3: [1, 2, 4, 8]       // palette
        case 2, 4, 6: [8, 16]      // RGB, grey with alpha, RGBA
        default: []
        }
    }

    /// One chunk, bounds-checked: `whole` is length, type, data and CRC as they stand in the input.
    struct Chunk {
        let type: Int
        let data: ArraySlice<UInt8>
        let whole: ArraySlice<UInt8>

        init(_ input: [UInt8], at position: Int) throws(PhotoProblem) {
            let rest = input[position...]
            guard let length = rest.bigEndian(at: 0, width: 4), length <= Int(Int32.max),
                  let type = rest.bigEndian(at: 4, width: 4),
                  rest.dropFirst(4).prefix(4).allSatisfy(Chunk.isLetter),
                  length <= rest.count - 12
            else { throw .damaged }
            self.type = type
            data = input[(position + 8)..<(position + 8 + length)]
            whole = input[position..<(position + 12 + length)]
        }

        /// The case of the first letter tells: upper case is critical, lower case ancillary.
        var isCritical: Bool { (type >> 24) & 0x20 == 0 }

        static func isLetter(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
    }
}
