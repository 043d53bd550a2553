#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TenderModel

/// Turns command-line paths into the list of files to read.
///
/// Files named explicitly are read whatever their extension; folders are walked
/// recursively for `*.xml` (any case), entries sorted by name so the order never depends
/// on the file system. Symbolic links are followed, but a folder already visited (same
/// device and inode) is not entered again, so a link loop cannot trap the walk.
public struct InputDiscovery {
    public private(set) var files: [String] = []
    public private(set) var errors: [Diagnostic] = []
    private var visited: Set<FileIdentity> = []

    public init(paths: [String]) {
        for path in paths { add(path, explicit: true) }
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private mutating func add(_ path: String, explicit: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            errors.append(Diagnostic(.unreadable, explicit ? "cannot read input: \(reason)" : "skipped: \(reason)",
                                     at: SourceLocation(file: path)))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visited.insert(identity).inserted else {
                errors.append(Diagnostic(.unreadable, "folder already visited (symbolic link loop?); not entered again",
                                         at: SourceLocation(file: path)))
                return
            }
            walk(path)
        case S_IFREG:
            if explicit || Self.isXMLName(path) { files.append(path) }
        default:
            if explicit {
                errors.append(Diagnostic(.unreadable, "not a regular file or folder", at: SourceLocation(file: path)))
            }
        }
    }

    private mutating func walk(_ folder: String) {
        guard let directory = opendir(folder) else {
            errors.append(Diagnostic(.unreadable, "cannot list folder: \(String(cString: strerror(errno)))",
                                     at: SourceLocation(file: folder)))
            return
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(directory)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names.sorted() {
            add(prefix + name, explicit: false)
        }
    }

    static func isXMLName(_ path: String) -> Bool {
        path.utf8.count > 4 && path.lowercased().hasSuffix(".xml")
    }
}
