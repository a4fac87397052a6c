/// What an in-progress check says while its commands wait for the workflow's separate read-only steps job.
enum StepPlanNotice {
    static func steps(_ steps: [PackStep], head: String) -> String {
        "The steps \(steps.map { "`\($0.name)`" }.joined(separator: ", ")) of `\(head)` run in this workflow run's separate steps job, "
            + "with a read-only token and no secrets; the next job commits their declared outputs and completes this check."
    }

    static func tests(_ command: String, head: String) -> String {
        "QC of `\(head)` waits for `\(command)`, which runs in this workflow run's separate steps job with a read-only token and no "
            + "secrets; the next job completes this check with every rule's result."
    }
}
