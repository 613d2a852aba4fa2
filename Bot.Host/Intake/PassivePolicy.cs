using Bot.Connectors.Storage;
using Bot.Skills.Engine;

namespace Bot.Host.Intake;

/// <summary>How a channel carries replies: which go in the HTTP response, and how long one outbound text may be.</summary>
/// <param name="MaxReplies">WeChat takes one passive reply; the simulator takes them all.</param>
/// <param name="Fits">Whether one reply may go passively (WeChat: text up to 2048 bytes).</param>
/// <param name="MaxTextBytes">Longer texts sent through the API are split at line ends; 0 = no limit.</param>
public sealed record PassivePolicy(int MaxReplies, Func<Reply, bool> Fits, int MaxTextBytes = 0)
{
    public static readonly PassivePolicy All = new(int.MaxValue, static _ => true);

    /// <summary>Marks the replies that go out in the response; the rest go through the outbox, in order.</summary>
    /// <param name="passiveAllowed">False when the request stopped waiting: everything goes to the outbox.</param>
    public IReadOnlyList<OutboundRecord> Split(IReadOnlyList<Reply> replies, bool passiveAllowed)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var records = new List<OutboundRecord>(replies.Count);
        var passive = 0;
        var blocked = !passiveAllowed;
        foreach (var reply in replies)
        {
            // Once one reply must wait for the outbox, later ones wait too so the resident reads them in order.
            var goesNow = !blocked && passive < MaxReplies && Fits(reply);
            blocked |= !goesNow;
            if (goesNow)
            {
                passive++;
                records.Add(new OutboundRecord(reply, Passive: true));
                continue;
            }

            records.AddRange(Chunk(reply).Select(part => new OutboundRecord(part, Passive: false)));
        }

        return records;
    }

    private IEnumerable<Reply> Chunk(Reply reply) =>
        reply.Kind == ReplyKind.Text && MaxTextBytes > 0
            ? TextChunker.Split(reply.Text, MaxTextBytes).Select(Reply.FromText)
            : [reply];
}
