import Foundation
@testable import Storage
import Testing

/// A PostgreSQL URL without a TLS mode requires TLS (postgres-kit alone would fall back to plaintext); a mode that is
/// given is kept as written.
@Suite struct PostgresTLSDefaultTests {
    @Test func urlWithoutAMode_requiresTLS() {
        #expect(StoreFactory.requiringTLSUnlessSaid("postgres://pfbot@db.internal:5432/pfbot") == "postgres://pfbot@db.internal:5432/pfbot?sslmode=require")
        #expect(StoreFactory.requiringTLSUnlessSaid("postgresql://pfbot@db:5432/pfbot?application_name=pfbot")
            == "postgresql://pfbot@db:5432/pfbot?application_name=pfbot&sslmode=require")
    }

    @Test func aModeGiven_isKept() {
        for url in ["postgres://pfbot@127.0.0.1:5432/pfbot?sslmode=disable", "postgres://p@h/d?tlsmode=prefer", "postgres://p@h/d?SSLMODE=verify-full"] {
            #expect(StoreFactory.requiringTLSUnlessSaid(url) == url)
        }
    }
}
