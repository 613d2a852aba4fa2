using Bot.Connectors.Storage;
using Bot.Skills.Engine;

namespace Bot.Host.Intake;

/// <summary>Which replies a channel can carry in the HTTP response to the resident's own message.</summary>
/// <param name="MaxReplies">WeChat takes one passive reply; the simulator takes them all.</param>
/// <param name="Fits">Whether one reply may go passively (WeChat: text up to 2048 bytes).</param>
public sealed record PassivePolicy(int MaxReplies, Func<Reply, bool> Fits)
{
    public static readonly PassivePolicy All = new(int.MaxValue, static _ => true);

    /// <summary>Marks the replies that go out in the response; the rest go through the outbox, in order.</summary>
    public IReadOnlyList<OutboundRecord> Split(IReadOnlyList<Reply> replies)
    {
        var records = new List<OutboundRecord>(replies.Count);
        var passive = 0;
        var blocked = false;
        foreach (var reply in replies)
        {
            // Once one reply must wait for the outbox, later ones wait too so the resident reads them in order.
            var goesNow = !blocked && passive < MaxReplies && Fits(reply);
            blocked |= !goesNow;
            passive += goesNow ? 1 : 0;
            records.Add(new OutboundRecord(reply, goesNow));
        }

        return records;
    }
}
