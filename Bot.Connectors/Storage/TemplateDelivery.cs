namespace Bot.Connectors.Storage;

/// <summary>WeChat's report (TEMPLATESENDJOBFINISH) of whether a template message reached the resident.</summary>
public sealed class TemplateDelivery
{
    public long Id { get; set; }

    public required string MessageKey { get; set; }

    public required string UserId { get; set; }

    public required string TemplateMsgId { get; set; }

    /// <summary>success, failed:user block, failed: system failed …</summary>
    public required string Status { get; set; }

    public long ReceivedAtMs { get; set; }
}
