// swift-tools-version: 6.1
// The round-trip fuzzer: `Fuzz/run.sh [SECONDS]` builds it with libFuzzer and AddressSanitizer.
import PackageDescription

let package = Package(
    name: "FmaddFuzz",
    dependencies: [.package(name: "fmadd", path: "..")],
    targets: [
        .executableTarget(name: "FuzzRoundTrip", dependencies: [.product(name: "FMList", package: "fmadd"),
                                                                 .product(name: "FMRules", package: "fmadd")]),
    ]
)
