import Foundation
import PFBotConfig
import PFBotTestSupport
import Testing

@Suite struct ConfigJSONSchemaTests {
    @Test func publishedSchema_isTheGeneratedOne() throws {
        let committed = try String(contentsOfFile: Fixtures.packageRoot().appendingPathComponent("docs/pfbot.schema.json").path, encoding: .utf8)
        #expect(committed == ConfigJSONSchema.repositoryFile() + "\n", "docs/pfbot.schema.json drifted from the key schema: run scripts/gen-config-docs")
    }

    @Test func everyRepositoryKey_isInTheSchema_withItsConstraints() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(ConfigJSONSchema.repositoryFile().utf8)) as? [String: Any])
        func node(_ path: String) -> [String: Any]? {
            var current: [String: Any]? = schema
            for part in path.split(separator: ".") { current = (current?["properties"] as? [String: Any])?[String(part)] as? [String: Any] }
            return current
        }
        for key in ConfigSchema.repositoryKeys {
            #expect(node(key.path) != nil, "\(key.path) is missing")
        }
        #expect(node("require_approval")?["type"] as? String == "boolean")
        #expect(node("qc.max_file_bytes")?["minimum"] as? Int == 1)
        #expect((node("commands.accept")?["enum"] as? [String])?.contains("admin") == true)
        #expect(schema["additionalProperties"] as? Bool == false)
    }
}
