/// A broken invariant stops the run the way a crash does, so libFuzzer saves the input that
/// broke it; the message (on standard error, before libFuzzer's report) says which one.
public func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}

/// libFuzzer's bytes as an array, which is what the parsers take.
public func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}
