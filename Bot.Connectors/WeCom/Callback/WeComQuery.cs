using System.Globalization;

namespace Bot.Connectors.WeCom.Callback;

/// <summary>
/// The signed query of a WeCom callback, as the web framework decoded it (exactly once). echostr is the
/// encrypted string on URL verification.
/// </summary>
public sealed record WeComQuery(string? MsgSignature, string? Timestamp, string? Nonce, string? EchoStr)
{
    public bool TryGetTimestamp(out long seconds) =>
        long.TryParse(Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
}
