import XCTest
@testable import Runtime
final class RuntimeSkeletonTests: XCTestCase { func testBuilds() {} }
