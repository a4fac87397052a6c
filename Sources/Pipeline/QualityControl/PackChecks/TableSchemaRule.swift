import Foundation

/// A pack check: a CSV against its Frictionless Table Schema (in `datapackage.json`): header equals the fields, one
/// value per field in every row, each of the field's type, required fields filled.
struct TableSchemaRule: QCRule {
    let name = "pack:table-schema"
    /// The CSV file, relative to the task folder.
    let csv: String
    /// The data package file, relative to the task folder.
    let schema: String

    /// A field of the schema.
    struct Field {
        var name: String
        var type: String
        var format: String
        var required: Bool
    }

    func evaluate(_ input: QCInput) -> QCRuleResult {
        let csvPath = input.folder + "/" + csv
        let schemaPath = input.folder + "/" + schema
        guard let csvData = input.files[csvPath], let schemaData = input.files[schemaPath] else {
            let missing = input.files[csvPath] == nil ? csvPath : schemaPath
            return fail("\(missing) is missing", QCAnnotation(path: missing, line: 1, level: .failure, message: "\(missing) is missing; restore it from the template."))
        }
        guard let fields = Self.fields(schemaData, csv: csv) else {
            return fail("the schema cannot be read", QCAnnotation(path: schemaPath, line: 1, level: .failure,
                        message: "\(schema) is not a data package with a resource for \(csv) whose schema lists fields; fix the JSON."))
        }
        let table = CSVTable(String(decoding: csvData, as: UTF8.self))
        let names = fields.map(\.name)
        guard table.header == names else {
            return fail("header differs from the schema", QCAnnotation(path: csvPath, line: 1, level: .failure,
                        message: "the header is \(table.header.joined(separator: ",")) but the schema lists \(names.joined(separator: ",")); make them equal."))
        }
        var problems: [QCAnnotation] = []
        for row in table.rows {
            guard row.fields.count == fields.count else {
                problems.append(QCAnnotation(path: csvPath, line: row.line, level: .failure, message: "this row has \(row.fields.count) values; the schema has \(fields.count) fields."))
                continue
            }
            for (field, value) in zip(fields, row.fields) {
                if let problem = Self.problem(value, field) {
                    problems.append(QCAnnotation(path: csvPath, line: row.line, level: .failure, message: "\(field.name): \(problem)"))
                }
            }
        }
        let summary = problems.isEmpty ? "\(table.rows.count) rows match the schema" : "\(problems.count) value(s) do not match the schema"
        return QCRuleResult(rule: name, passed: problems.isEmpty, summary: summary, annotations: Array(problems.prefix(50)))
    }

    private func fail(_ summary: String, _ annotation: QCAnnotation) -> QCRuleResult {
        QCRuleResult(rule: name, passed: false, summary: summary, annotations: [annotation])
    }

    /// The fields of the resource whose path is `csv` (or the only resource, or a top-level `schema`).
    static func fields(_ data: Data, csv: String) -> [Field]? {
        guard let package = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        let resources = package["resources"] as? [[String: Any]] ?? []
        let resource = resources.first { ($0["path"] as? String) == csv } ?? (resources.count == 1 ? resources.first : nil)
        guard let schema = (resource?["schema"] ?? package["schema"]) as? [String: Any], let list = schema["fields"] as? [[String: Any]], !list.isEmpty else { return nil }
        return list.compactMap { field in
            guard let name = field["name"] as? String else { return nil }
            let constraints = field["constraints"] as? [String: Any]
            return Field(name: name, type: field["type"] as? String ?? "string", format: field["format"] as? String ?? "default",
                         required: constraints?["required"] as? Bool ?? false)
        }
    }

    /// What is wrong with a value for a field, or `nil`.
    static func problem(_ value: String, _ field: Field) -> String? {
        if value.isEmpty { return field.required ? "is required; fill it in." : nil }
        switch field.type {
        case "integer": return Int(value) == nil ? "\(value.debugDescription) is not an integer." : nil
        case "number": return Double(value) == nil ? "\(value.debugDescription) is not a number." : nil
        case "boolean": return ["true", "false", "True", "False", "TRUE", "FALSE", "1", "0"].contains(value) ? nil : "\(value.debugDescription) is not true or false."
        case "date":
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.date(from: value) == nil ? "\(value.debugDescription) is not a date (YYYY-MM-DD)." : nil
        default:
            if field.format == "uri", !SourceURLsRule.isURL(value) { return "\(value.debugDescription) is not a URL." }
            return nil
        }
    }
}
