import ArgumentParser
import GitHub

/// `pfbot github check OWNER/REPO [--user LOGIN]`: proves the credentials can read a repository.
struct GitHubCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a repository (and optionally a user's permission on it) to prove the credentials work.")

    @Argument(help: "The repository, as OWNER/NAME.")
    var repository: String

    @Option(help: "Also show this user's permission on the repository.")
    var user: String?

    @OptionGroup var output: JSONOption

    func validate() throws {
        guard RepositoryRef(fullName: repository) != nil else {
            throw ValidationError("The repository must be written OWNER/NAME, e.g. acme/widgets.")
        }
    }

    func run() async throws {
        guard let repo = RepositoryRef(fullName: repository) else { return }
        let client = try await GitHubCommand.makeClient()
        let found = try await client.repository(repo)
        var role: String?
        if let user {
            let permission = try await client.collaboratorPermission(repo, username: user)
            role = permission.roleName ?? permission.permission
        }
        if output.json {
            try Output.success(["repository": found.fullName, "default_branch": found.defaultBranch, "user": user, "permission": role])
            return
        }
        Output.line("\(found.fullName): default branch \(found.defaultBranch ?? "unknown")")
        if let user, let role { Output.line("\(user): \(role)") }
    }
}
