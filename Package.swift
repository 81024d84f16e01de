// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "fmadd",
    products: [
        .executable(name: "fmadd", targets: ["fmadd"]),
        .library(name: "FMList", targets: ["FMList"]),
        .library(name: "FMRules", targets: ["FMRules"]),
        .library(name: "FMSchema", targets: ["FMSchema"]),
        .library(name: "FMGit", targets: ["FMGit"]),
        .library(name: "FMDedupe", targets: ["FMDedupe"]),
        .library(name: "FMServices", targets: ["FMServices"]),
        .library(name: "FMWorkflows", targets: ["FMWorkflows"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .target(name: "FMSchema"),
        .target(name: "FMGit", dependencies: ["CLibGit2"]),
        .target(name: "FMServices"),
        .target(name: "FMList", dependencies: [
            "CCmarkGFM", "FMSchema", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "FMDedupe", dependencies: ["FMList"]),
        .target(name: "FMRules", dependencies: ["FMList", "FMDedupe"]),
        .target(name: "FMEditor", dependencies: ["FMList", "FMSchema", "FMRules", "FMDedupe"]),
        .target(name: "FMWorkflows", dependencies: ["FMList", "FMRules", "FMEditor", "FMSchema", "FMGit", "FMDedupe", "FMServices"]),
        .executableTarget(name: "fmadd", dependencies: [
            "CMalloc", "FMWorkflows", "FMList", "FMRules", "FMEditor", "FMSchema", "FMGit", "FMDedupe", "FMServices",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "FMTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "FMSchemaTests", dependencies: ["FMSchema"]),
        .testTarget(name: "FMGitTests", dependencies: ["FMGit", "CLibGit2"]),
        .testTarget(name: "FMServicesTests", dependencies: ["FMTestSupport", "FMServices"]),
        .testTarget(name: "FMListTests", dependencies: ["FMTestSupport", "FMList", "FMSchema"]),
        .testTarget(name: "FMRulesTests", dependencies: ["FMTestSupport", "FMRules", "FMList"]),
        .testTarget(name: "FMDedupeTests", dependencies: ["FMTestSupport", "FMDedupe", "FMList"]),
        .testTarget(name: "FMEditorTests", dependencies: ["FMTestSupport", "FMEditor", "FMRules", "FMList", "FMWorkflows"]),
        .testTarget(name: "FMWorkflowsTests", dependencies: [
            "FMTestSupport", "FMWorkflows", "FMEditor", "FMRules", "FMList", "FMGit", "FMDedupe", "FMSchema", "FMServices",
        ]),
        .testTarget(name: "fmaddTests", dependencies: ["FMTestSupport", "FMList", "FMDedupe", "FMWorkflows", "FMSchema", "FMServices"]),
    ]
)
