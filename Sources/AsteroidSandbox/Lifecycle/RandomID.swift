/// Random (version 4) UUIDs in lowercase, from the system generator (`getrandom`). Foundation's `UUID()`
/// opens, reads and closes /dev/urandom for every UUID on Linux, and each run or rerun makes several
/// (the execution, its result, its activities).
enum RandomID {
    private static let hex = Array("0123456789abcdef".utf8)

    static func uuid() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = withUnsafeBytes(of: (generator.next() as UInt64, generator.next() as UInt64)) { Array($0) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
