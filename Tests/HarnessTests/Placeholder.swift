import XCTest
@testable import Harness
final class HarnessSkeletonTests: XCTestCase { func testBuilds() {} }
