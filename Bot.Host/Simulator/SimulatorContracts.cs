using Bot.Skills.Engine;

namespace Bot.Host.Simulator;

/// <param name="Id">Optional: a client-chosen id; sending the same id twice is processed once.</param>
public sealed record SimulatorMessageRequest(string? User, string? Text, string? Id);

public sealed record SimulatorReplyDto(string Text, IReadOnlyList<NewsArticle>? Articles)
{
    public static SimulatorReplyDto From(Reply reply) =>
        new(reply.Kind == ReplyKind.Text ? reply.Text : string.Join("\n", reply.Articles.Select(a => a.Title)),
            reply.Kind == ReplyKind.News ? reply.Articles : null);
}

/// <param name="Pending">True when the turn is still running; its replies arrive through polling.</param>
/// <param name="Cursor">Pass as <c>after</c> to fetch replies that arrive later.</param>
public sealed record SimulatorMessageResponse(IReadOnlyList<SimulatorReplyDto> Replies, string Intent, bool Pending, bool Duplicate, long Cursor);

public sealed record SimulatorPollResponse(IReadOnlyList<SimulatorReplyDto> Replies, long Cursor);
