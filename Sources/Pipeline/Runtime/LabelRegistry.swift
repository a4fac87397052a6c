import GitHub

/// The labels pfbot uses, with their colours. The repository's labels are listed once per process and repository;
/// only the missing ones are created, and one with another colour is recoloured.
actor LabelRegistry {
    private var ensured: Set<String> = []
    /// The repository's labels as listed, by lower-cased name, per repository.
    private var listed: [String: [String: Label]] = [:]

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

    /// Makes sure each label exists in the repository with its colour.
    func ensure(_ labels: [String], in repository: RepositoryRef, github: any GitHubAPI) async throws {
        let missing = labels.filter { !ensured.contains(key(repository, $0)) }
        guard !missing.isEmpty else { return }
        let existing = try await listing(of: repository, github: github)
        for label in missing {
            let color = Self.color(for: label)
            if let found = existing[label.lowercased()] {
                if found.color?.lowercased() != color {
                    _ = try await github.ensureLabel(repository, name: found.name, color: color, description: "Managed by pfbot")
                }
            } else {
                do {
                    _ = try await github.createLabel(repository, Label(name: label, color: color, description: "Managed by pfbot"))
                } catch let error as GitHubError where error.status == 422 {
                    // Created meanwhile (another replica, or a label added after the listing): make sure of its colour.
                    _ = try await github.ensureLabel(repository, name: label, color: color, description: "Managed by pfbot")
                }
            }
            ensured.insert(key(repository, label))
        }
    }

    private func listing(of repository: RepositoryRef, github: any GitHubAPI) async throws -> [String: Label] {
        if let known = listed[repository.description] { return known }
        let labels = Dictionary(try await github.listLabels(repository).map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        listed[repository.description] = labels
        return labels
    }

    private func key(_ repository: RepositoryRef, _ label: String) -> String {
        "\(repository)|\(label.lowercased())"
    }
}
