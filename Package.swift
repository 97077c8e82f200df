// swift-tools-version: 6.0
// The layers, bottom to top (docs/ARCHITECTURE.md):
//   CGMP, CSupport        C faces of libgmp and of what Swift cannot do (stack bounds, register spill)
//   Runtime               the value word, the GC heap, the core object model and numeric semantics
//   FrontEnd              tokenizer, parser, syntax tree, syntax errors; depends on nothing
//   Compiler              scope analysis and the bytecode compiler (docs/BYTECODE.md)
//   Assembler             x86-64 encoder and W^X code cache; depends on nothing
//   Harness               runs engines as processes, compares outputs, measures, reports
//   jitbench              the command-line tool
import PackageDescription

/// Release builds of the VM layers drop dynamic exclusivity checks: hot state lives in locals and
/// unsafe pointers, and the checks would only guard class properties we do not use on hot paths.
let vmSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v5),
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "jitbench",
    products: [
        .executable(name: "jitbench", targets: ["jitbench"]),
        .executable(name: "jitbench-spawn", targets: ["jitbench-spawn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "CGMP", linkerSettings: [.linkedLibrary("gmp")]),
        .target(name: "CSupport"),
        .target(name: "Runtime", dependencies: ["CGMP", "CSupport"], swiftSettings: vmSettings),
        .target(name: "Assembler", swiftSettings: vmSettings),
        .target(name: "FrontEnd", swiftSettings: vmSettings),
        .target(name: "Compiler", dependencies: ["FrontEnd", "Runtime"], swiftSettings: vmSettings),
        .target(name: "Interpreter", dependencies: ["Compiler", "FrontEnd", "Runtime"], swiftSettings: vmSettings),
        .target(name: "Harness", swiftSettings: [.swiftLanguageMode(.v5)]),
        // Spawns one engine process and reports its own rusage: a tiny C image, so that the child's peak
        // RSS is not floored by the harness's (docs/HARNESS.md, "Measuring one process").
        .executableTarget(name: "jitbench-spawn"),
        .executableTarget(
            name: "jitbench",
            dependencies: [
                "Harness", "Interpreter", "jitbench-spawn",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "runtime-bench", dependencies: ["Runtime"], path: "benchmarks/runtime", swiftSettings: vmSettings),
        .executableTarget(
            name: "frontend-bench", dependencies: ["FrontEnd"], path: "benchmarks/frontend", swiftSettings: vmSettings),
        .executableTarget(
            name: "assembler-bench", dependencies: ["Assembler"], path: "benchmarks/assembler", swiftSettings: vmSettings),
        .testTarget(name: "RuntimeTests", dependencies: ["Runtime"]),
        .testTarget(name: "AssemblerTests", dependencies: ["Assembler"]),
        .testTarget(name: "FrontEndTests", dependencies: ["FrontEnd"]),
        .testTarget(name: "CompilerTests", dependencies: ["Compiler", "FrontEnd", "Runtime"]),
        // Runs programs through the jitbench executable and python3 and compares what they print.
        .testTarget(name: "InterpreterTests"),
        .testTarget(name: "HarnessTests", dependencies: ["Harness"], exclude: ["Fixtures"]),
    ]
)
