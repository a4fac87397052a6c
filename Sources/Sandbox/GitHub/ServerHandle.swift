import Foundation

/// Holds the running server task.
actor ServerHandle {
    private var task: Task<Void, Never>?

    func set(_ task: Task<Void, Never>) { self.task = task }

    func cancel() async {
        task?.cancel()
        await task?.value
        task = nil
    }
}
