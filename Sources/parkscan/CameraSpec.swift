import ArgumentParser
import DriveInput

/// `--camera SOURCE[,side=right][,offset=3.0][,forward=0][,name=NAME][,loop]`.
struct CameraSpec {
    var source: String
    var mount: CameraMount
    var loop = false

    init(parsing text: String) throws {
        var parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        source = parts.removeFirst()
        guard !source.isEmpty else { throw ValidationError("--camera \(text): no source before the first comma") }
        var side = CameraSide.right
        var offset = CameraMount.defaultLateralOffset, forward = 0.0
        var name: String?
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            switch (pair.first ?? "", pair.count == 2 ? pair[1] : nil) {
            case ("side", let value?):
                guard let parsed = CameraSide(rawValue: value) else { throw ValidationError("--camera \(text): side is \"\(value)\"; expected left or right") }
                side = parsed
            case ("offset", let value?):
                guard let parsed = Double(value), (0...50).contains(parsed) else { throw ValidationError("--camera \(text): offset must be 0...50 metres") }
                offset = parsed
            case ("forward", let value?):
                guard let parsed = Double(value), (-50...50).contains(parsed) else { throw ValidationError("--camera \(text): forward must be -50...50 metres") }
                forward = parsed
            case ("name", let value?) where !value.isEmpty:
                name = value
            case ("loop", nil):
                loop = true
            default:
                throw ValidationError("--camera \(text): \"\(part)\" is not side=, offset=, forward=, name= or loop")
            }
        }
        mount = CameraMount(name: name ?? side.rawValue, side: side, lateralOffset: offset, forwardOffset: forward)
    }
}
