namespace Bot.Connectors.WeCom;

/// <summary>WeCom apps choose XML or JSON callbacks; the reply goes back in the format that came in.</summary>
public enum WeComPayloadFormat
{
    Xml,
    Json,
}
