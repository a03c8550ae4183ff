import Foundation
import Testing
@testable import App

/// A tips-board photo is taken only as JPEG or PNG, decided by its bytes; its metadata (EXIF with GPS,
/// comments, text chunks) is cut out without touching the compressed pixels; broken, oversized and
/// bomb-sized files are refused; and no hostile input can crash the server.
@Suite("Board photos")
struct PhotoSanitiserTests {
    // MARK: - Byte helpers

    private static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The parts one after the other (long `+` chains of arrays are slow for the type checker).
    private static func join(_ parts: [UInt8]...) -> [UInt8] { parts.flatMap { $0 } }

    private static func bigEndian32(_ value: Int) -> [UInt8] {
        [24, 16, 8, 0].map { (shift: Int) -> UInt8 in UInt8(truncatingIfNeeded: value >> shift) }
    }

    // MARK: - A minimal JPEG, built segment by segment

    /// FF, the marker, a big-endian length that counts itself, the payload.
    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return join([0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)], payload)
    }

    private static let soi: [UInt8] = [0xFF, 0xD8]
    private static let eoi: [UInt8] = [0xFF, 0xD9]
    /// "JFIF\0", version 1.2, no units, density 1×1, no thumbnail.
    private static let app0 = segment(0xE0, join(ascii("JFIF\0"), [1, 2, 0, 0, 1, 0, 1, 0, 0]))
    private static let app1 = segment(0xE1, join(ascii("Exif\0\0"), [0x4D, 0x4D, 0x00, 0x2A], ascii("GPS 60.1699N 24.9384E")))
    private static let com = segment(0xFE, ascii("secret comment"))
    private static let dqt = segment(0xDB, join([0x00], (1...64).map { UInt8($0) }))
    /// Table class 0, id 0: a single code of two bits for the symbol 0.
    private static let dht = segment(0xC4, join([0x00, 0, 1], [UInt8](repeating: 0, count: 14), [0x00]))
    /// One component, table 0, spectral selection 0–63.
    private static let sos = segment(0xDA, [1, 1, 0x00, 0, 63, 0])
    /// Scan data with a stuffed FF (FF 00) and a restart marker (FF D0) in it.
    private static let entropy: [UInt8] = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78]
    private static let trailing = ascii("<html><script>alert(1)</script>")

    /// SOFn for one greyscale component.
    private static func frame(_ marker: UInt8 = 0xC0, width: Int, height: Int) -> [UInt8] {
        let size: [UInt8] = [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)]
        return segment(marker, join([8], size, [1, 1, 0x11, 0]))
    }

    private static let sof0 = frame(width: 2, height: 3)

    /// A JPEG around `scan` (the SOS segment and its data) with `before` between SOI and the tables.
    private static func jpeg(_ before: [UInt8] = app0, frame: [UInt8] = sof0, scan: [UInt8] = join(sos, entropy)) -> [UInt8] {
        join(soi, before, dqt, frame, dht, scan, eoi)
    }

    /// As a camera might send it: JFIF, Exif with a location, a comment, the image, junk after EOI.
    static let sampleJPEG = join(jpeg(join(app0, app1, com)), trailing)
    /// What must be left of it, in this order.
    static let cleanJPEG = join(soi, app0, dqt, sof0, dht, sos, entropy, eoi)

    // MARK: - A minimal PNG, built chunk by chunk

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Length, type, data and a correct CRC, so the sample is a PNG any viewer opens.
    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let named = join(ascii(type), data)
        return join(bigEndian32(data.count), named, bigEndian32(Int(crc32(named))))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// A zlib stream of one stored (uncompressed) deflate block, valid for short data.
    private static func zlibStored(_ raw: [UInt8]) -> [UInt8] {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in raw {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        let length = UInt16(raw.count)
        let inverse = ~length
        let header: [UInt8] = [0x78, 0x01, 0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(inverse & 0xFF), UInt8(inverse >> 8)]
        return join(header, raw, bigEndian32(Int(b << 16 | a)))
    }

    private static func ihdr(width: Int, height: Int, depth: UInt8 = 8, colour: UInt8 = 2) -> [UInt8] {
        chunk("IHDR", join(bigEndian32(width), bigEndian32(height), [depth, colour, 0, 0, 0]))
    }

    /// Two by three RGB pixels: each row a filter byte 0 and six colour bytes.
    private static let pixels: [UInt8] = (0..<3).flatMap { (row: Int) -> [UInt8] in
        join([0], (0..<6).map { (column: Int) -> UInt8 in UInt8(row * 40 + column * 30) })
    }

    private static let text = chunk("tEXt", ascii("Author\0Matti"))
    private static let exif = chunk("eXIf", join([0x4D, 0x4D, 0x00, 0x2A], ascii("GPS 60.1699N 24.9384E")))
    private static let time = chunk("tIME", [0x07, 0xE9, 5, 17, 12, 0, 0])
    private static let phys = chunk("pHYs", join(bigEndian32(2_835), bigEndian32(2_835), [1]))
    private static let idat = chunk("IDAT", zlibStored(pixels))
    private static let iend = chunk("IEND", [])
    private static let ihdr23 = ihdr(width: 2, height: 3)

    private static let samplePNG = join(pngSignature, ihdr23, text, exif, time, phys, idat, iend, trailing)
    private static let cleanPNG = join(pngSignature, ihdr23, phys, idat, iend)

    // MARK: - Helpers

    /// Why the bytes were refused, or nil when they were taken.
    private func problem(_ bytes: [UInt8]) -> PhotoProblem? {
        do {
            _ = try PhotoSanitiser.clean(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        contains(haystack, Self.ascii(needle))
    }

    // MARK: - JPEG

    @Test func jpegMetadataIsCutAndTheImageKeptInOrder() throws {
        let photo = try PhotoSanitiser.clean(Self.sampleJPEG)
        #expect(photo.bytes == Self.cleanJPEG)
        #expect(photo.contentType == "image/jpeg")
        #expect(photo.width == 2)
        #expect(photo.height == 3)
        #expect(!contains(photo.bytes, Self.app1))
        #expect(!contains(photo.bytes, Self.com))
        for gone in ["Exif", "GPS", "secret comment", "<html>"] {
            #expect(!contains(photo.bytes, gone), "\(gone)")
        }
        let scan = Self.join(Self.sos, Self.entropy, Self.eoi)
        #expect(contains(photo.bytes, scan), "scan data with FF 00 and FF D0 unchanged")
    }

    @Test func aProgressiveJPEGKeepsEveryScanAndTheTablesBetween() throws {
        let secondTable = Self.segment(0xC4, Self.join([0x10, 0, 1], [UInt8](repeating: 0, count: 14), [0x05]))
        let secondScan = Self.segment(0xDA, [1, 1, 0x00, 1, 5, 0x10])
        let secondData: [UInt8] = [0x9A, 0xFF, 0x00, 0xFF, 0xD7, 0xBC]
        let progressive = Self.frame(0xC2, width: 640, height: 480)
        let image = Self.jpeg(frame: progressive, scan: Self.join(Self.sos, Self.entropy, secondTable, secondScan, secondData))
        let photo = try PhotoSanitiser.clean(image)
        #expect(photo.bytes == image)
        #expect(photo.width == 640)
        #expect(photo.height == 480)

        // A comment between the scans goes; the scans around it stay.
        let commented = Self.jpeg(frame: progressive, scan: Self.join(Self.sos, Self.entropy, Self.com, secondTable, secondScan, secondData))
        #expect(try PhotoSanitiser.clean(commented).bytes == image)
    }

    @Test func fillBytesBeforeAMarkerAreAllowed() throws {
        let filled = Self.join(Self.soi, [0xFF, 0xFF], Self.app0, [0xFF], Self.dqt, Self.sof0, Self.dht, Self.sos,
                               Self.entropy, [0xFF, 0xFF], Self.eoi)
        #expect(try PhotoSanitiser.clean(filled).bytes == Self.cleanJPEG)
    }

    @Test func colourSegmentsStayAndOtherApplicationSegmentsGo() throws {
        let icc = Self.segment(0xE2, Self.join(Self.ascii("ICC_PROFILE\0"), [1, 1], [UInt8](repeating: 0x33, count: 20)))
        let multiPicture = Self.segment(0xE2, Self.join(Self.ascii("MPF\0"), [0x4D, 0x4D, 0x00, 0x2A]))
        let adobe = Self.segment(0xEE, Self.join(Self.ascii("Adobe"), [0, 100, 0, 0, 0, 0, 1]))
        let xmp = Self.segment(0xE1, Self.ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Helsinki</x:xmpmeta>"))
        let iptc = Self.segment(0xED, Self.join(Self.ascii("Photoshop 3.0\08BIM"), [0x04, 0x04], Self.ascii("By-line: Matti")))
        let other = Self.segment(0xE5, Self.ascii("Ducky"))
        let photo = try PhotoSanitiser.clean(Self.jpeg(Self.join(Self.app0, xmp, icc, multiPicture, iptc, adobe, other)))
        #expect(photo.bytes == Self.jpeg(Self.join(Self.app0, icc, adobe)))
        #expect(!contains(photo.bytes, "Helsinki"))
        #expect(!contains(photo.bytes, "Matti"))
    }

    @Test func theJFIFThumbnailIsCut() throws {
        // A 2×1 RGB thumbnail (six bytes) may show what the crop left out.
        let withThumbnail = Self.segment(0xE0, Self.join(Self.ascii("JFIF\0"), [1, 2, 0, 0, 1, 0, 1, 2, 1], [9, 9, 9, 8, 8, 8]))
        let extensionThumbnail = Self.segment(0xE0, Self.join(Self.ascii("JFXX\0"), [0x10, 0xFF, 0xD8, 0xFF, 0xD9]))
        #expect(try PhotoSanitiser.clean(Self.jpeg(Self.join(withThumbnail, extensionThumbnail))).bytes == Self.cleanJPEG)
    }

    @Test func aScriptInAJPEGCommentDoesNotComeOut() throws {
        let script = Self.segment(0xFE, Self.ascii("*/=alert(1)//<script>alert(document.cookie)</script>"))
        let polyglot = Self.join(Self.jpeg(Self.join(script, Self.app0)), Self.trailing)
        let photo = try PhotoSanitiser.clean(polyglot)
        #expect(photo.bytes == Self.cleanJPEG)
        #expect(!contains(photo.bytes, "<script"))
        #expect(!contains(photo.bytes, "alert"))
    }

    @Test func brokenJPEGsAreDamaged() {
        let scan = Self.join(Self.sos, Self.entropy)
        let cases: [(String, [UInt8])] = [
            ("only the start of image", Self.soi),
            ("no end of image", Self.join(Self.soi, Self.app0, Self.dqt, Self.sof0, Self.dht, scan)),
            ("a length past the end", Self.join(Self.soi, Self.app0, [0xFF, 0xDB, 0xFF, 0xFF, 0x00, 0x01])),
            ("a length below two", Self.join(Self.soi, [0xFF, 0xFE, 0x00, 0x01], Self.sof0, scan, Self.eoi)),
            ("a scan before the frame", Self.join(Self.soi, Self.app0, Self.dqt, Self.dht, scan, Self.sof0, Self.eoi)),
            ("no frame at all", Self.join(Self.soi, Self.app0, Self.dqt, Self.eoi)),
            ("a frame but no scan", Self.join(Self.soi, Self.app0, Self.dqt, Self.sof0, Self.eoi)),
            ("two frames", Self.join(Self.soi, Self.sof0, Self.frame(0xC1, width: 9, height: 9), scan, Self.eoi)),
            ("a frame of zero height", Self.join(Self.soi, Self.frame(width: 2, height: 0), scan, Self.eoi)),
            ("a frame too short", Self.join(Self.soi, Self.segment(0xC0, [8, 0, 3, 0, 2]), scan, Self.eoi)),
            ("a scan header of the wrong size", Self.join(Self.soi, Self.sof0, Self.segment(0xDA, [2, 1, 0]), Self.entropy, Self.eoi)),
            ("bytes where a marker should be", Self.join(Self.soi, [0x00], Self.sof0, scan, Self.eoi)),
            ("a second start of image", Self.join(Self.soi, Self.soi, Self.sof0, scan, Self.eoi)),
            ("FF at the very end", Self.join(Self.soi, Self.sof0, scan, [0xFF])),
        ]
        for (name, bytes) in cases {
            #expect(problem(bytes) == .damaged, "\(name)")
        }
    }

    // MARK: - PNG

    @Test func pngTextExifAndTimeAreCut() throws {
        let photo = try PhotoSanitiser.clean(Self.samplePNG)
        #expect(photo.bytes == Self.cleanPNG)
        #expect(photo.contentType == "image/png")
        #expect(photo.width == 2)
        #expect(photo.height == 3)
        for gone in ["tEXt", "Author", "Matti", "eXIf", "GPS", "tIME", "<html>"] {
            #expect(!contains(photo.bytes, gone), "\(gone)")
        }
        for kept in [Self.ihdr23, Self.phys, Self.idat, Self.iend] {
            #expect(contains(photo.bytes, kept))
        }
    }

    @Test func pngAnimationAndUnknownChunksGoColourChunksStay() throws {
        let palette = Self.chunk("PLTE", [255, 0, 0, 0, 0, 255])
        let transparency = Self.chunk("tRNS", [0, 255])
        let gamma = Self.chunk("gAMA", Self.bigEndian32(45_455))
        let srgb = Self.chunk("sRGB", [0])
        let animation = Self.chunk("acTL", Self.join(Self.bigEndian32(2), Self.bigEndian32(0)))
        let frameControl = Self.chunk("fcTL", [UInt8](repeating: 0, count: 26))
        let frameData = Self.chunk("fdAT", Self.join(Self.bigEndian32(1), [0x78, 0x01]))
        let privateChunk = Self.chunk("prVt", Self.ascii("device serial 1234"))
        let compressedText = Self.chunk("zTXt", Self.join(Self.ascii("Comment\0\0"), [0x78, 0x01]))
        let internationalText = Self.chunk("iTXt", Self.ascii("Location\0\0\0\0\0Tampere"))
        let header = Self.ihdr(width: 2, height: 3, depth: 8, colour: 3)
        let image = Self.join(Self.pngSignature, header, gamma, srgb, animation, palette, transparency, privateChunk,
                              frameControl, Self.idat, frameData, compressedText, internationalText, Self.iend)
        let photo = try PhotoSanitiser.clean(image)
        #expect(photo.bytes == Self.join(Self.pngSignature, header, gamma, srgb, palette, transparency, Self.idat, Self.iend))
        #expect(!contains(photo.bytes, "Tampere"))
        #expect(!contains(photo.bytes, "serial"))
    }

    @Test func brokenPNGsAreDamaged() {
        let start = Self.join(Self.pngSignature, Self.ihdr23)
        let end = Self.join(Self.idat, Self.iend)
        let cases: [(String, [UInt8])] = [
            ("only the signature", Self.pngSignature),
            ("a chunk length past the end", Self.join(start, Self.bigEndian32(1_000), Self.ascii("IDAT"), [1, 2, 3])),
            ("a length over 2³¹−1", Self.join(start, [0x80, 0, 0, 0], Self.ascii("IDAT"), [1, 2, 3, 4], Self.iend)),
            ("no IEND", Self.join(start, Self.idat)),
            ("IEND cut short", Self.join(start, Self.idat, Array(Self.iend.prefix(8)))),
            ("first chunk not IHDR", Self.join(Self.pngSignature, Self.phys, Self.ihdr23, end)),
            ("no IDAT", Self.join(start, Self.phys, Self.iend)),
            ("a second IHDR", Self.join(start, Self.idat, Self.ihdr(width: 60, height: 60), Self.iend)),
            ("IHDR of the wrong size", Self.join(Self.pngSignature, Self.chunk("IHDR", Self.join(Self.bigEndian32(2), Self.bigEndian32(3))), end)),
            ("zero width", Self.join(Self.pngSignature, Self.ihdr(width: 0, height: 3), end)),
            ("a bit depth the colour type does not allow", Self.join(Self.pngSignature, Self.ihdr(width: 2, height: 3, depth: 4, colour: 2), end)),
            ("a chunk type that is not letters", Self.join(start, Self.chunk("ID<T", [1]), end)),
            ("an unknown critical chunk", Self.join(start, Self.chunk("CgBI", [0, 0, 0, 0]), end)),
            ("IEND with data", Self.join(start, Self.idat, Self.chunk("IEND", [1]))),
        ]
        for (name, bytes) in cases {
            #expect(problem(bytes) == .damaged, "\(name)")
        }
    }

    // MARK: - What is not a photo, too big, or a bomb

    @Test func whatIsNotJPEGOrPNGByItsBytesIsRefused() {
        var generator = SplitMix64(seed: 7)
        let random = (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let cases: [(String, [UInt8])] = [
            ("SVG", Self.ascii(#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="2" height="3"/></svg>"#)),
            ("SVG after an XML declaration", Self.ascii(#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>"#)),
            ("HTML", Self.ascii("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")),
            ("GIF", Self.join(Self.ascii("GIF89a"), [2, 0, 3, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255, 0x3B])),
            ("WebP", Self.join(Self.ascii("RIFF"), [26, 0, 0, 0], Self.ascii("WEBPVP8L"), [13, 0, 0, 0, 0x2F, 0x01, 0x80, 0, 0])),
            ("text", Self.ascii("kuva.jpg")),
            ("one byte", [0xFF]),
            ("an end of image where the start should be", [0xFF, 0xD9, 0xFF, 0xE0]),
            ("half a PNG signature", Array(Self.pngSignature.prefix(4))),
            ("a JPEG behind a prefix", Self.join([0x20], Self.cleanJPEG)),
            ("random bytes", Self.join([0x42], random)),
        ]
        for (name, bytes) in cases {
            #expect(problem(bytes) == .notAPhoto, "\(name)")
        }
        #expect(problem([]) == .empty)
    }

    @Test func anUploadOverTheLimitIsRefusedBeforeParsing() throws {
        let limit = PhotoSanitiser.maximumBytes
        #expect(problem([UInt8](repeating: 0x41, count: limit + 1)) == .tooLarge(limit: limit))
        let padding = [UInt8](repeating: 0, count: limit - Self.cleanJPEG.count)
        #expect(problem(Self.join(Self.cleanJPEG, padding, [0])) == .tooLarge(limit: limit))
        // Exactly at the limit is fine; the padding after EOI is dropped.
        #expect(try PhotoSanitiser.clean(Self.join(Self.cleanJPEG, padding)).bytes == Self.cleanJPEG)
    }

    @Test func hugeDeclaredDimensionsAreRefused() throws {
        let limit = PhotoSanitiser.maximumPixels
        #expect(problem(Self.jpeg(frame: Self.frame(width: 60_000, height: 60_000))) == .tooManyPixels(limit: limit))
        let end = Self.join(Self.idat, Self.iend)
        #expect(problem(Self.join(Self.pngSignature, Self.ihdr(width: 60_000, height: 60_000), end)) == .tooManyPixels(limit: limit))
        let widest = Self.ihdr(width: Int(Int32.max), height: Int(Int32.max))
        #expect(problem(Self.join(Self.pngSignature, widest, end)) == .tooManyPixels(limit: limit))
        // 8000 × 5000 is exactly the limit and passes.
        #expect(try PhotoSanitiser.clean(Self.jpeg(frame: Self.frame(width: 8_000, height: 5_000))).width == 8_000)
    }

    // MARK: - Hostile input

    /// A deterministic generator, so a failure here can be replayed.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One random change: bytes overwritten (often with a marker byte), a run cut out, random bytes put
    /// in, or the tail cut off.
    private static func mutate(_ bytes: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return bytes }
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            for offset in 0..<Int.random(in: 1...4, using: &generator) where at + offset < bytes.count {
                let choices: [UInt8] = [0x00, 0xFF, 0xD9, 0xDA, UInt8.random(in: 0...255, using: &generator)]
                bytes[at + offset] = choices.randomElement(using: &generator) ?? 0
            }
        case 1:
            bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...8, using: &generator)))
        case 2:
            let inserted = (0..<Int.random(in: 1...8, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.insert(contentsOf: inserted, at: at)
        default:
            bytes.removeSubrange(at...)
        }
        return bytes
    }

    /// Whatever comes in, the sanitiser refuses it or gives bytes, no longer than the input, that
    /// clean to themselves. Tells whether the input was taken.
    private func expectStable(_ input: [UInt8]) -> Bool {
        guard let photo = try? PhotoSanitiser.clean(input) else { return false }
        #expect(photo.bytes.count <= input.count)
        #expect((try? PhotoSanitiser.clean(photo.bytes)) == photo, "not idempotent for \(input)")
        return true
    }

    @Test func mutatedPhotosNeverCrashAndCleanToAFixedPoint() {
        var generator = SplitMix64(seed: 2_025)
        var accepted = 0
        for sample in [Self.sampleJPEG, Self.samplePNG] {
            // Every truncation, and the sample itself.
            for length in 0...sample.count {
                if expectStable(Array(sample.prefix(length))) { accepted += 1 }
            }
        }
        for round in 0..<2_000 {
            var bytes = round.isMultiple(of: 2) ? Self.sampleJPEG : Self.samplePNG
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                bytes = Self.mutate(bytes, &generator)
            }
            if expectStable(bytes) { accepted += 1 }
        }
        // Cutting the junk after EOI or IEND keeps a photo: the accepting path was exercised too.
        #expect(accepted > 100)
    }
}
