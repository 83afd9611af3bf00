import Foundation

/// The image files named on a command line: files as given, folders by their JPEG and PNG
/// files in name order (not recursive).
enum ImagePaths {
    static let extensions: Set<String> = ["jpg", "jpeg", "png"]

    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        let files = FileManager.default
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard files.fileExists(atPath: argument, isDirectory: &isFolder) else {
                paths.append(argument) // reported as unreadable, with the other results
                continue
            }
            guard isFolder.boolValue else {
                paths.append(argument)
                continue
            }
            let names = try files.contentsOfDirectory(atPath: argument)
                .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted()
            let folder = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
            paths += names.map { "\(folder)/\($0)" }
        }
        return paths
    }
}
