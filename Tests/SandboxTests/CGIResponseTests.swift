import Foundation
import Testing

@testable import Sandbox

@Suite struct CGIResponseTests {
    @Test func statusHeaderBecomesTheHTTPStatusAndOtherHeadersAreKept() throws {
        let output = Data("Status: 404 Not Found\r\nContent-Type: text/plain\r\nExpires: Fri, 01 Jan 1980 00:00:00 GMT\r\n\r\nRepository not exported.\n".utf8)

        let response = try #require(CGIResponse.parse(output))

        #expect(response.status == 404)
        #expect(response.headers.map(\.name) == ["Content-Type", "Expires"])
        #expect(response.headers.first?.value == "text/plain")
        #expect(response.body == Data("Repository not exported.\n".utf8))
    }

    @Test func bareNewlinesAndBinaryBodiesParse() throws {
        let body = Data([0, 1, 13, 10, 13, 10, 255])
        let output = Data("Content-Type: application/x-git-upload-pack-result\n\n".utf8) + body

        let response = try #require(CGIResponse.parse(output))

        #expect(response.status == 200)
        #expect(response.body == body)
    }

    @Test func outputWithoutAHeaderBlockIsRejected() {
        #expect(CGIResponse.parse(Data("no blank line".utf8)) == nil)
        #expect(CGIResponse.parse(Data("not a header\n\nbody".utf8)) == nil)
    }

    @Test func basicCredentialsDecodeUserAndPasswordWithColons() {
        let header = "Basic " + Data("x-access-token:abc:def".utf8).base64EncodedString()

        #expect(BasicCredentials(authorization: header) == BasicCredentials(authorization: "basic " + Data("x-access-token:abc:def".utf8).base64EncodedString()))
        #expect(BasicCredentials(authorization: header)?.user == "x-access-token")
        #expect(BasicCredentials(authorization: header)?.password == "abc:def")
        #expect(BasicCredentials(authorization: "Bearer abc") == nil)
        #expect(BasicCredentials(authorization: "Basic !!!") == nil)
        #expect(BasicCredentials(authorization: nil) == nil)
    }
}
