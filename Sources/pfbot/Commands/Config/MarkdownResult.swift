/// The `--json` result of a command whose output is a Markdown document: `{"markdown": "…"}`.
struct MarkdownResult: Encodable {
    var markdown: String
}
