import Foundation

/// CRC-32C (Castagnoli), the checksum cloud storage sends with a signed download
/// (`x-goog-hash: crc32c=<base64 of the 4 big-endian bytes>`).
package enum CRC32C {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
        return crc
    }

    package static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The base64 of the checksum's big-endian bytes, as in `x-goog-hash`.
    package static func base64(_ data: Data) -> String {
        let value = checksum(data)
        return Data([UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
            .base64EncodedString()
    }

    /// The `crc32c=` value of an `x-goog-hash` header (it may also list `md5=`), if any.
    package static func value(inHashHeader header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let item = part.trimmingCharacters(in: .whitespaces)
            if item.hasPrefix("crc32c=") { return String(item.dropFirst("crc32c=".count)) }
        }
        return nil
    }
}
