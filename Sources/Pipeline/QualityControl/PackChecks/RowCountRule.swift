/// A pack check: the CSV has at least the number of data rows the task asks for.
struct RowCountRule: QCRule {
    let name = "pack:row-count"
    /// The CSV file, relative to the task folder.
    let csv: String
    /// The least number of rows.
    let minimum: Int

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let path = input.folder + "/" + csv
        guard let data = input.files[path] else {
            return QCRuleResult(rule: name, passed: false, summary: "\(csv) is missing",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "\(path) is missing; restore it from the template.")])
        }
        let rows = CSVTable(String(decoding: data, as: UTF8.self)).rows.count
        guard rows >= minimum else {
            return QCRuleResult(rule: name, passed: false, summary: "\(rows) of \(minimum) rows",
                                annotations: [QCAnnotation(path: path, line: 1, level: .failure, message: "\(csv) has \(rows) data row(s); the task asks for at least \(minimum). Add rows.")])
        }
        return QCRuleResult(rule: name, passed: true, summary: "\(rows) rows (at least \(minimum) asked)")
    }
}
