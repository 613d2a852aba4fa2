using Bot.Connectors.Storage;
using Bot.Host.AdminConsole.Endpoints;
using Bot.Host.Security;
using Bot.Skills.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.AdminConsole.Conversations;

/// <summary><c>GET /api/console/conversations?intent=&amp;from=&amp;to=&amp;limit=</c>: the latest turns, masked, for admins and staff.</summary>
public static class ConsoleConversationEndpoints
{
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapConsoleConversations(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/console").AddEndpointFilter<AdminAuthorization>().MapGet("/conversations", ListAsync);
        return app;
    }

    private static async Task<Results<Ok<ConversationPageDto>, ProblemHttpResult>> ListAsync(
        string? intent, string? from, string? to, int? limit, ConversationLog log, ConversationMasking masking, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = ConsoleDateRange.Today(clock);
        if (limit is < 1 or > MaxLimit || !ConsoleDateRange.TryParse(from, to, today.AddDays(-29), 30, 366, out var start, out var end))
        {
            return TypedResults.Problem(
                title: "对话查询失败", detail: $"from/to 须为 yyyy-MM-dd（跨度不超过 366 天），limit 须为 1–{MaxLimit}。", statusCode: StatusCodes.Status400BadRequest);
        }

        var turns = await log.LatestAsync(string.IsNullOrWhiteSpace(intent) ? null : intent.Trim(), start, end, limit ?? 50, cancellationToken);
        var items = turns.Select(t => new ConversationDto(
            t.Id, masking.Resident(t.Channel, t.UserId), t.Channel, t.Intent, t.ReceivedAt, Message(t),
            t.Replies.Select(ConversationMasking.Text).ToList())).ToList();
        return TypedResults.Ok(new ConversationPageDto(items, await log.IntentsAsync(cancellationToken)));
    }

    private static string Message(ConversationTurn turn) => turn.Kind switch
    {
        InboundKind.Text => ConversationMasking.Text(turn.Text),
        InboundKind.Event => $"［事件：{turn.EventName}］",
        InboundKind.Image => "［图片］",
        InboundKind.Voice => string.IsNullOrEmpty(turn.Text) ? "［语音］" : "［语音］" + ConversationMasking.Text(turn.Text),
        InboundKind.Location => "［位置］",
        _ => $"［{turn.Kind}］",
    };
}

/// <param name="Resident">A short stable hash, never the openid.</param>
public sealed record ConversationDto(
    long Id, string Resident, string Channel, string? Intent, DateTimeOffset ReceivedAt, string Message, IReadOnlyList<string> Replies);

public sealed record ConversationPageDto(IReadOnlyList<ConversationDto> Items, IReadOnlyList<string> Intents);
