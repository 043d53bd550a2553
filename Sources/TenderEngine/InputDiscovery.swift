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
    /// Inputs that should have been read and could not be.
    public private(set) var errors: [Diagnostic] = []
    /// Things worth saying that lose no input (a folder reached twice, a folder with no notice).
    public private(set) var notes: [Diagnostic] = []
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
            // A dangling link or vanished entry matters only if it would have been read.
            guard explicit || Self.isXMLName(path) else { return }
            let reason = String(cString: strerror(errno))
            errors.append(Diagnostic(.unreadable, explicit ? "cannot read input: \(reason)" : "cannot read: \(reason)",
                                     at: SourceLocation(file: path)))
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            guard visited.insert(identity).inserted else {
                notes.append(Diagnostic(.duplicate, "folder already read (a symbolic link or a repeated argument); "
                                            + "not read again", at: SourceLocation(file: path)))
                return
            }
            let found = files.count, failed = errors.count
            walk(path)
            if explicit, files.count == found, errors.count == failed {
                // Likely a wrong path or compressed notices; an empty day is possible, so a warning.
                notes.append(Diagnostic(.noNotices, "no *.xml file in this folder or below; nothing read from it "
                                            + "(name a file to read it whatever its extension)",
                                        at: SourceLocation(file: path)))
            }
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
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                // Paths are Strings here; a name that is not UTF-8 cannot be opened through one.
                let shown = String(decoding: bytes, as: UTF8.self)
                if explicitXMLSuffix(bytes) {
                    errors.append(Diagnostic(.unreadable, "file name is not valid UTF-8; rename it to have it read",
                                             at: SourceLocation(file: prefix + shown)))
                }
                continue
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(directory)
        for name in names.sorted() {
            add(prefix + name, explicit: false)
        }
    }

    private func explicitXMLSuffix(_ bytes: [UInt8]) -> Bool {
        bytes.count > 4 && bytes.suffix(4).map { $0 | 0x20 } == Array(".xml".utf8)
    }

    static func isXMLName(_ path: String) -> Bool {
        path.utf8.count > 4 && path.lowercased().hasSuffix(".xml")
    }
}
