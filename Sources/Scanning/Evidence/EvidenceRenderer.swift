import CPlateVision
import Foundation
import PlateReading

/// The two evidence images of a sighting, JPEG-encoded in memory.
public struct EvidenceImages: Sendable, Equatable {
    /// The whole frame, faces pixelated, the plate outlined.
    public var overview: Data
    /// The plate with a small margin.
    public var plateCrop: Data
}

/// Cuts evidence images from frame files (through the CPlateVision shim, OpenCV).
public struct EvidenceRenderer: Sendable {
    /// Debian's (opencv-data) frontal-face Haar cascade.
    public static let defaultFaceCascade = "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml"

    /// The cascade to find faces with; nil blurs nothing (tests only: evidence must be blurred).
    public var faceCascade: String?
    public var jpegQuality: Int

    public init(faceCascade: String? = EvidenceRenderer.defaultFaceCascade, jpegQuality: Int = 90) {
        self.faceCascade = faceCascade
        self.jpegQuality = jpegQuality
    }

    /// Checks that the face cascade can be read, before a scan starts.
    public func validate() throws {
        if let faceCascade, !FileManager.default.isReadableFile(atPath: faceCascade) {
            throw ScanError(message: "\(faceCascade): face cascade not found (install Debian's opencv-data)")
        }
    }

    /// The overview and plate crop of the frame at `path` with the plate at `box`.
    public func images(framePath path: String, box: PixelBox) throws -> EvidenceImages {
        var status = CPlateVision_Status()
        guard let frame = CPlateVision_FrameLoad(path, Int64(CameraFrame.defaultPixelLimit), &status) else {
            throw ScanError(message: "\(path): \(Self.message(status))")
        }
        defer { CPlateVision_FrameFree(frame) }
        return try images(of: frame, box: box, name: path)
    }

    /// The evidence of an observation: cut from its image when it has one (a live frame; a
    /// JPEG is decoded now), else from its frame file.
    public func images(of observation: PlateObservation) throws -> EvidenceImages {
        guard let image = observation.image else {
            return try images(framePath: observation.framePath, box: observation.read.box)
        }
        let pixels: CameraFrame
        do { pixels = try image.decoded() } catch { throw ScanError(message: "\(observation.framePath): \(error.description)") }
        return try pixels.withFrameHandle { try images(of: $0, box: observation.read.box, name: observation.framePath) }
    }

    /// The overview and plate crop of an encoded frame (``frame(of:)``), the plate at `box`;
    /// `name`: the frame's name for messages.
    public func images(encoded bytes: Data, box: PixelBox, name: String) throws -> EvidenceImages {
        let pixels: CameraFrame
        do { pixels = try CameraFrame(encoded: [UInt8](bytes)) } catch { throw ScanError(message: "\(name): \(error.description)") }
        return try pixels.withFrameHandle { try images(of: $0, box: box, name: name) }
    }

    /// An observation's frame as the camera took it, to keep until it is known whether it
    /// becomes evidence: a camera's own JPEG, a frame file's bytes, or decoded pixels encoded
    /// (quality 95, nothing blurred or drawn yet).
    public func frame(of observation: PlateObservation) throws -> Data {
        switch observation.image {
        case .jpeg(let bytes): return Data(bytes)
        case .pixels(let pixels):
            return try pixels.withFrameHandle {
                try encode($0, box: PixelBox(x: 0, y: 0, width: 0, height: 0), kind: Int32(CPlateVision_EvidenceOverview),
                           cascade: nil, quality: 95, path: observation.framePath)
            }
        case nil:
            do { return try Data(contentsOf: URL(fileURLWithPath: observation.framePath)) } catch {
                throw ScanError(message: "\(observation.framePath): cannot be read for evidence (\(error.localizedDescription))")
            }
        }
    }

    private func images(of frame: OpaquePointer, box: PixelBox, name: String) throws -> EvidenceImages {
        let overview = try encode(frame, box: box, kind: Int32(CPlateVision_EvidenceOverview), cascade: faceCascade,
                                  quality: jpegQuality, path: name)
        let crop = try encode(frame, box: box, kind: Int32(CPlateVision_EvidencePlateCrop), cascade: nil,
                              quality: jpegQuality, path: name)
        return EvidenceImages(overview: overview, plateCrop: crop)
    }

    private func encode(_ frame: OpaquePointer, box: PixelBox, kind: Int32, cascade: String?, quality: Int,
                        path: String) throws -> Data {
        var status = CPlateVision_Status()
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0
        var faces: Int32 = 0
        let result = cascade.withOptionalCPath { cascadePath in
            CPlateVision_EncodeEvidence(frame, Int32(box.x), Int32(box.y), Int32(box.width), Int32(box.height),
                                        kind, cascadePath, Int32(quality), &bytes, &count, &faces, &status)
        }
        guard result == 0, let bytes else { throw ScanError(message: "\(path): evidence image: \(Self.message(status))") }
        defer { CPlateVision_EvidenceFree(bytes) }
        return Data(bytes: bytes, count: count)
    }

    static func message(_ status: CPlateVision_Status) -> String {
        withUnsafeBytes(of: status.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

extension Optional<String> {
    func withOptionalCPath<R>(_ body: (UnsafePointer<CChar>?) -> R) -> R {
        switch self {
        case .some(let string): string.withCString { body($0) }
        case .none: body(nil)
        }
    }
}
