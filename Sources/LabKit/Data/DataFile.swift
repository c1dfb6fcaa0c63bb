// DataFile: reads a data file from disk into memory, inflating it when it is gzip.
import Foundation

/// Reading of whole data files, raw or gzip-compressed (detected by content, not by name).
enum DataFile {
    /// The contents of the file at `url`, decompressed when the file is gzip.
    static func contents(of url: URL) throws -> [UInt8] {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DataLoadError.fileNotFound(file: path)
        }
        if isDirectory.boolValue {
            throw DataLoadError.unreadableFile(file: path, reason: "it is a directory")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DataLoadError.unreadableFile(file: path, reason: error.localizedDescription)
        }
        return try Gzip.contents(of: data, file: path)
    }
}
