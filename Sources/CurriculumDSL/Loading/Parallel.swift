import Dispatch
import Foundation

/// Running independent pieces of work on several threads.
enum Parallel {
    /// `transform(0) ... transform(count - 1)`, on up to `threads` threads, in index order. Each thread takes the
    /// next index not yet taken, so unequal pieces balance out; the results do not depend on the threads.
    static func map<T: Sendable>(count: Int, threads: Int, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(transform) }
        let slots = Slots<T>(count: count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: count) {
                slots.store(transform(index), at: index)
            }
        }
        return slots.results()
    }

    /// Hands out 0, 1, 2, ... to whichever thread asks first.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }

    /// One slot per index, each written by exactly one thread; read after every thread is done
    /// (`concurrentPerform` returns only then, which orders the writes before the reads).
    private final class Slots<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [T?]

        init(count: Int) { values = [T?](repeating: nil, count: count) }

        func store(_ value: T, at index: Int) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func results() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return values.compactMap { $0 }
        }
    }
}
