namespace Bot.Connectors.WeCom.Callback;

/// <summary>What the endpoint answers: a status with a body, or for refusals the reason (never echoed input).</summary>
public sealed record WeComCallbackResult(int Status, string Body, string ContentType)
{
    public bool IsRefusal => Status >= 400;

    public static WeComCallbackResult Ok(string body, string contentType = "text/plain; charset=utf-8") => new(200, body, contentType);

    public static WeComCallbackResult Refuse(int status, string reason) => new(status, reason, "text/plain; charset=utf-8");
}
