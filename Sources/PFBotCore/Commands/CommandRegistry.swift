/// Every `/pf` verb, in the order `/pf help` lists them. The one list of verbs.
public enum CommandRegistry {
    public static let verbs: [any CommandVerb.Type] = [
        HelpVerb.self, StatusVerb.self, AcceptVerb.self, RefuseVerb.self, CancelVerb.self, StartVerb.self, QualityControlVerb.self,
        RunVerb.self, SubmitVerb.self, VerifyVerb.self, PriorityVerb.self, EstimateVerb.self, RequestVerb.self,
    ]

    /// The verb named `name` (case-insensitive), if there is one.
    public static func verb(named name: String) -> (any CommandVerb.Type)? {
        let lowered = name.lowercased()
        return verbs.first { $0.name == lowered }
    }

    /// Every verb's name.
    public static var names: [String] { verbs.map { $0.name } }
}
