import GitHub

/// The labels pfbot uses, with their colours, created once per process and repository.
actor LabelRegistry {
    private var ensured: Set<String> = []

    /// Colours by label family.
    static func color(for label: String) -> String {
        switch label {
        case "pf:task": return "5319e7"
        case "pf:rewarded", "pf:qc-passed", "pf:merged": return "0e8a16"
        case "pf:qc-failed", "pf:rejected", "pf:changes-requested": return "d93f0b"
        case "pf:refused", "pf:cancelled", "pf:expired": return "bfd4f2"
        default: return label.hasPrefix("pf:") && TaskLabels.categoryNames.contains(String(label.dropFirst(3))) ? "c5def5" : "fbca04"
        }
    }

    /// Makes sure each label exists in the repository.
    func ensure(_ labels: [String], in repository: RepositoryRef, github: any GitHubAPI) async throws {
        for label in labels where !ensured.contains("\(repository)|\(label)") {
            _ = try await github.ensureLabel(repository, name: label, color: Self.color(for: label), description: "Managed by pfbot")
            ensured.insert("\(repository)|\(label)")
        }
    }
}
