import Sandbox
import Testing

@Suite struct TokenAuthoriserTests {
    @Test func registeredTokenUnderAccessTokenUserIsAllowed() async {
        let authoriser = TokenAuthoriser()
        authoriser.register(token: "t1")

        #expect(await authoriser.authorise(GitHTTPAccess(repository: "a/b.git", isPush: true, user: "x-access-token", password: "t1")) == .allow(remoteUser: "x-access-token"))
    }

    @Test func wrongUserWrongTokenRevokedTokenOrNoCredentialsAreChallenged() async {
        let authoriser = TokenAuthoriser(tokens: ["t1", "t2"], realm: "GitHub")
        authoriser.revoke(token: "t2")

        for (user, password) in [("someone", "t1"), ("x-access-token", "nope"), ("x-access-token", "t2")] {
            #expect(await authoriser.authorise(GitHTTPAccess(repository: "a/b.git", isPush: false, user: user, password: password)) == .challenge(realm: "GitHub"))
        }
        #expect(await authoriser.authorise(GitHTTPAccess(repository: "a/b.git", isPush: false, user: nil, password: nil)) == .challenge(realm: "GitHub"))
    }

    @Test func anonymousFetchIsAllowedOnlyWhenEnabledAndNeverForPush() async {
        let authoriser = TokenAuthoriser(allowsAnonymousFetch: true)

        #expect(await authoriser.authorise(GitHTTPAccess(repository: "a/b.git", isPush: false, user: nil, password: nil)) == .allow(remoteUser: "anonymous"))
        #expect(await authoriser.authorise(GitHTTPAccess(repository: "a/b.git", isPush: true, user: nil, password: nil)) == .challenge(realm: "pfbot sandbox"))
    }
}
