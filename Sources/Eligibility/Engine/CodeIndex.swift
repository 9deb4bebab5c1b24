import CurriculumDSL

/// A plan's code ids by code, for the look-up of every transcript row on each audit: an open-addressing table over the
/// codes' packed bytes (`CourseCode.packedKey`, which decides code equality for codes of up to seven bytes) with a
/// multiplicative hash, instead of SipHash through `[CourseCode: Int]`. Longer codes go through the dictionary.
struct CodeIndex: Sendable {
    private let keys: [UInt64]
    /// The id in each slot, -1 for an empty slot.
    private let ids: [Int]
    private let shift: UInt64
    private let long: [CourseCode: Int]

    init(_ codeID: [CourseCode: Int]) {
        var bits: UInt64 = 3
        while (1 << bits) < 2 * codeID.count { bits += 1 }
        let size = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: size)
        var ids = [Int](repeating: -1, count: size)
        var long: [CourseCode: Int] = [:]
        let shift = 64 - bits
        for (code, id) in codeID {
            guard let key = code.packedKey else { long[code] = id; continue }
            var slot = Self.slot(key, shift: shift)
            while ids[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            ids[slot] = id
        }
        self.keys = keys
        self.ids = ids
        self.shift = shift
        self.long = long
    }

    @inline(__always)
    private static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id of `code`, or nil when the plan never names it (as `CompiledPlan.codeID[code]`).
    func id(of code: CourseCode) -> Int? {
        guard let key = code.packedKey else { return long[code] }
        let mask = ids.count - 1
        var slot = Self.slot(key, shift: shift)
        while ids[slot] >= 0 {
            if keys[slot] == key { return ids[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
