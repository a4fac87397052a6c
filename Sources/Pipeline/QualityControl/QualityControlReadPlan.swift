import PFBotCore

/// Which files one QC run reads: files below the per-file cap, smallest first, until the run's byte budget is
/// spent. The rest are judged by their size from the tree alone, so QC of a branch of huge files stays small.
struct QualityControlReadPlan: Sendable, Equatable {
    /// Paths to read, in path order.
    let read: [String]
    /// Every file's size from the tree, read or not.
    let sizes: [String: Int]

    init(files: [(path: String, size: Int)], rules: QualityRules) {
        var budget = rules.readBudgetBytes
        var read: [String] = []
        for file in files.sorted(by: { ($0.size, $0.path) < ($1.size, $1.path) }) where file.size <= rules.readFileBytes && file.size <= budget {
            read.append(file.path)
            budget -= file.size
        }
        self.read = read.sorted()
        self.sizes = Dictionary(files.map { ($0.path, $0.size) }, uniquingKeysWith: { first, _ in first })
    }
}
