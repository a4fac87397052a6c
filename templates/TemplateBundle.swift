import Foundation

/// pfbot's built-in template packs: the folders beside this file (`common/` for every task, one pack per folder), copied
/// into the `pfbot_TemplateBundle` resource bundle that ships beside the binary.
public enum TemplateBundle {
    /// The folder holding one subfolder per template set, or `nil` when the resource bundle was not installed.
    public static var root: URL? {
        Bundle.module.resourceURL
    }
}
