import CSceneRender

/// Checks on image files.
public enum ImageFile {
    /// Decodes the image at `path` and returns its size in pixels.
    public static func size(atPath path: String) throws -> (width: Int, height: Int) {
        var width: Int32 = 0, height: Int32 = 0
        try renderCall(path: path) { CSceneRender_ImageSize(path, &width, &height, $0) }
        return (Int(width), Int(height))
    }
}
