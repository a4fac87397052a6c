import Foundation

/// One task as its dashboard page (`GET /dashboard/tasks/<id>`) shows it: where it stands, its last QC verdict and
/// its state history. The QC check run's "Details" link opens this page.
public struct TaskPage: Sendable, Equatable, Codable {
    /// The last QC verdict of the task.
    public struct Verdict: Sendable, Equatable, Codable {
        /// The commit judged.
        public var head: String
        /// `success` or `failure`.
        public var conclusion: String
        /// The check run's title.
        public var title: String
        /// When it was judged.
        public var at: Date
        /// Each rule: its id, whether it passed and how many problems it found.
        public var rules: [Rule]

        /// Creates a verdict.
        public init(head: String, conclusion: String, title: String, at: Date, rules: [Rule]) {
            self.head = head
            self.conclusion = conclusion
            self.title = title
            self.at = at
            self.rules = rules
        }
    }

    /// One QC rule's outcome.
    public struct Rule: Sendable, Equatable, Codable {
        /// The rule's id (`deliverables`, `placeholders` …).
        public var rule: String
        /// Whether it passed.
        public var passed: Bool
        /// How many problems it found.
        public var problems: Int

        /// Creates a rule outcome.
        public init(rule: String, passed: Bool, problems: Int) {
            self.rule = rule
            self.passed = passed
            self.problems = problems
        }
    }

    /// One state change.
    public struct Change: Sendable, Equatable, Codable {
        /// When it happened.
        public var at: Date
        /// The state before (none for the first).
        public var from: String?
        /// The state after.
        public var to: String
        /// What caused it (`tasknode`, `qc`, a command …).
        public var source: String

        /// Creates a state change.
        public init(at: Date, from: String?, to: String, source: String) {
            self.at = at
            self.from = from
            self.to = to
            self.source = source
        }
    }

    /// The task id.
    public var id: String
    /// The task's title.
    public var title: String
    /// pfbot's state of the task; `rejected` for a task rewarded with 0 PFT.
    public var state: String
    /// The reward, in drops.
    public var rewardDrops: Int64
    /// The task branch, once work started.
    public var branch: String?
    /// The task's issue number.
    public var issueNumber: Int?
    /// The task's pull request number.
    public var pullNumber: Int?
    /// The commit the merge of the task's pull request made, once its work was submitted.
    public var mergeCommit: String?
    /// The issue, pull request and merge commit on GitHub's web pages.
    public var links: TaskLinks
    /// The last QC verdict, if QC ran.
    public var verdict: Verdict?
    /// The state changes, oldest first.
    public var history: [Change]

    /// Creates a page.
    public init(id: String, title: String, state: String, rewardDrops: Int64, branch: String?, issueNumber: Int?, pullNumber: Int?,
                verdict: Verdict?, history: [Change], mergeCommit: String? = nil, links: TaskLinks = TaskLinks()) {
        self.id = id
        self.title = title
        self.state = state
        self.rewardDrops = rewardDrops
        self.branch = branch
        self.issueNumber = issueNumber
        self.pullNumber = pullNumber
        self.mergeCommit = mergeCommit
        self.links = links
        self.verdict = verdict
        self.history = history
    }
}
