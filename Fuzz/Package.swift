// swift-tools-version:6.0
// A libFuzzer harness for the HTTP request parser. Built and run by `Fuzz/run.sh` (`make fuzz`);
// kept out of the main package so that its sanitizer flags never reach a normal build.
import PackageDescription

let package = Package(
    name: "ParserFuzz",
    dependencies: [
        .package(name: "taitotutka", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ParserFuzz",
            dependencies: [.product(name: "HTTPServer", package: "taitotutka")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
