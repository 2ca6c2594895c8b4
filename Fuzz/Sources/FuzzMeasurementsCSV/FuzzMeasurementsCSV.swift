import EDXImport
import FuzzSupport

/// libFuzzer's callback: one input through the pipeline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    if let data { FuzzHarness.run(data, size, as: .measurementsCSV) }
    return 0
}

/// The entry point SwiftPM links for this target (`<module>_main`); libFuzzer's driver takes over.
@_cdecl("fuzz_measurements_csv_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzHarness.main(argc, argv, fuzzOne)
}
