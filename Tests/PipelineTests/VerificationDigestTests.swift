@testable import Pipeline
import Testing

@Suite struct VerificationDigestTests {
    /// A question without an event id is named by a SHA-256 of its text: the same in every process, unlike
    /// `hashValue`, so a relay retried by another process finds the comment it already posted.
    @Test func askDigest_isStableAcrossProcesses() {
        #expect(TaskEventHandler.askDigest("Which section explains upgrades?") == "ask-c1198ee6b0bf566a025a04dd")
        #expect(TaskEventHandler.askDigest("Which section explains upgrades?") != TaskEventHandler.askDigest("Which section explains installs?"))
    }
}
