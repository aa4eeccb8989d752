import FuzzDriver

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Runs libFuzzer on `test`. SwiftPM links an executable target's own entry point as `main`,
/// which shadows the `main` of libFuzzer's runtime, so each target's main.swift hands its
/// arguments to libFuzzer's driver instead.
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}
