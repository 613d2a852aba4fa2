namespace Bot.Connectors.Storage;

/// <summary>A notice queued under a key (a booking reminder), so it is queued once whoever fires it how often.</summary>
public sealed class SentNoticeRow
{
    public required string Key { get; set; }

    public long SentAtMs { get; set; }
}
