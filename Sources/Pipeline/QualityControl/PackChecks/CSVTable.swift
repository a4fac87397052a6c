/// A CSV file read per RFC 4180 (quoted fields, doubled quotes, commas and newlines inside quotes); blank lines are
/// skipped. Each record keeps the line it starts on, for annotations.
struct CSVTable {
    /// The header's fields.
    let header: [String]
    /// The data records with the line each starts on.
    let rows: [(line: Int, fields: [String])]

    init(_ text: String) {
        var records: [(Int, [String])] = []
        var field = ""
        var fields: [String] = []
        var quoted = false
        var line = 1
        var start = 1
        var iterator = Array(text).makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { records.append((start, fields)) }
            fields = []
            field = ""
        }
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": fields.append(field); field = ""
            case "\r\n", "\n":
                endRecord()
                line += 1
                start = line
            case "\r": continue
            default: field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        header = records.first?.1.map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        rows = records.dropFirst().map { ($0.0, $0.1) }
    }
}
