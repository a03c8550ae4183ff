// swift-tools-version:6.0
// Taitotutka: following and developing the digital competence of public-sector staff.
import PackageDescription

let package = Package(
    name: "taitotutka",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "taitotutka", targets: ["taitotutka"]),
        .library(name: "HTTPServer", targets: ["HTTPServer"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "Metrics", targets: ["Metrics"]),
        .library(name: "App", targets: ["App"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            path: "Sources/CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CCmark",
            path: "Sources/CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CSystemShims"),
        .target(
            name: "HTTPServer",
            dependencies: [
                "CZlib",
                "CSystemShims",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Metrics"),
        .target(
            name: "App",
            dependencies: [
                "HTTPServer",
                "Storage",
                "Metrics",
                "CQREncode",
                "CCurl",
                "CCmark",
                "CSystemShims",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Demo",
            dependencies: ["App", "Storage", "Metrics"]
        ),
        .executableTarget(
            name: "taitotutka",
            dependencies: [
                "App",
                "Demo",
                "HTTPServer",
                "Storage",
                "CSystemShims",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "HTTPServerTests",
            dependencies: ["HTTPServer"]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: ["App", "Demo", "HTTPServer", "Storage", "Metrics", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MetricsTests",
            dependencies: ["Metrics"]
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
