import GitHub

extension PublishedCheck {
    /// The check run's id; `nil` for a commit status.
    var checkRunID: Int? {
        if case .checkRun(let run) = self { return run.id }
        return nil
    }
}
