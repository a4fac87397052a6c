import PFBotCore

/// Every job handler of the pipeline, for a ``JobRunner``.
public enum PipelineHandlers {
    /// The handlers, sharing one context. `notifier` sends the outbound notification of new tasks, if configured.
    public static func all(_ context: PipelineContext, notifier: (any TaskNotifier)? = nil) -> [any JobHandler] {
        [PipelineJobDispatcher([
            WebhookHandler(context: context),
            AnnounceHandler(context: context, notifier: notifier),
            AcceptHandler(context: context),
            StartWorkHandler(context: context),
            QualityControlHandler(context: context),
            StepsHandler(context: context),
            SubmitHandler(context: context),
            TaskEventHandler(context: context),
        ])]
    }
}
