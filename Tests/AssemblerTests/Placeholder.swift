import XCTest
@testable import Assembler
final class AssemblerSkeletonTests: XCTestCase { func testBuilds() {} }
