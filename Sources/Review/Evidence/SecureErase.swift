import Foundation

/// Deletes a file so that its bytes are not left on the disk: overwrite with zeros, `fsync`,
/// then unlink (and `fsync` the folder so the unlink itself is durable).
///
/// On copy-on-write or wear-levelled storage (btrfs, SSDs) an overwrite may land elsewhere;
/// keep evidence on an encrypted volume for that reason (docs/review.md).
public enum SecureErase {
    public static func erase(_ path: String) throws(ReviewError) {
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW)
        guard descriptor >= 0 else {
            if errno == ENOENT { return }
            throw ReviewError(.io, "\(path): cannot open to erase: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        var info = stat()
        if fstat(descriptor, &info) == 0 {
            let zeros = [UInt8](repeating: 0, count: 64 * 1024)
            var remaining = Int(info.st_size)
            while remaining > 0, failure == nil {
                let written = zeros.withUnsafeBytes { write(descriptor, $0.baseAddress, min(remaining, zeros.count)) }
                if written <= 0 { failure = "cannot overwrite: \(String(cString: strerror(errno)))" } else { remaining -= written }
            }
            if failure == nil, fsync(descriptor) != 0 { failure = "fsync failed: \(String(cString: strerror(errno)))" }
        } else {
            failure = "cannot stat: \(String(cString: strerror(errno)))"
        }
        close(descriptor)
        if let failure { throw ReviewError(.io, "\(path): \(failure)") }
        guard unlink(path) == 0 else { throw ReviewError(.io, "\(path): cannot delete: \(String(cString: strerror(errno)))") }
        let folder = (path as NSString).deletingLastPathComponent
        let folderDescriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Removes `folder` and its parents up to (not including) `root` while they are empty.
    static func removeEmptyFolders(from folder: String, upTo root: String) {
        let stop = URL(fileURLWithPath: root).standardizedFileURL.path
        var current = URL(fileURLWithPath: folder).standardizedFileURL
        while current.path.hasPrefix(stop + "/"), (try? FileManager.default.contentsOfDirectory(atPath: current.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: current)
            current.deleteLastPathComponent()
        }
    }
}
