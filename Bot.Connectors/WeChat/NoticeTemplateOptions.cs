namespace Bot.Connectors.WeChat;

/// <summary>
/// Section <c>WeChat:NoticeTemplate</c>: the Official Account template (模板消息) used for notices that fall
/// outside the 48-hour customer-service window. Empty <see cref="TemplateId"/> means no template: such notices
/// wait for the resident's next message instead.
/// </summary>
public sealed class NoticeTemplateOptions
{
    /// <summary>The template id from the Official Account's template library.</summary>
    public string TemplateId { get; set; } = string.Empty;

    /// <summary>Opened when the resident taps the notice; optional.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>
    /// Template field → value, with placeholders {title} (the notice's first clause), {content} (the whole text)
    /// and {time} (when it was sent, China time), e.g. thing1 = "{title}", thing2 = "{content}", time3 = "{time}".
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>WeChat's "thing" fields take 20 characters; longer values are cut with an ellipsis.</summary>
    public int MaxFieldLength { get; set; } = 20;

    public bool IsConfigured => TemplateId.Length > 0 && Fields.Count > 0;
}
