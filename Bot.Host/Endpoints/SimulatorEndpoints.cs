using System.Text.RegularExpressions;
using Bot.Connectors.Storage;
using Bot.Host.Intake;
using Bot.Host.Security;
using Bot.Host.Simulator;
using Bot.Skills.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static partial class SimulatorEndpoints
{
    private const int MaxTextLength = 2000;

    /// <summary>Maps the chat page and <c>/api/simulator/messages</c>, which run through the same engine as WeChat.</summary>
    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder app)
    {
        app.MapGet("/simulator", () => Results.Content(EmbeddedPages.Simulator, "text/html; charset=utf-8")).ExcludeFromDescription();
        var api = app.MapGroup("/api/simulator").AddEndpointFilter<AdminAuthorization>();
        api.MapPost("/messages", PostAsync);
        api.MapGet("/messages", PollAsync);
        return app;
    }

    private static async Task<Results<Ok<SimulatorMessageResponse>, ProblemHttpResult>> PostAsync(
        SimulatorMessageRequest? request,
        MessageIntake intake,
        IOutboxStore outbox,
        IOptions<SimulatorOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request is null || !IsValidUser(request.User))
        {
            return BadRequest("user 必须是 1–64 位字母、数字、- 或 _。");
        }

        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            return BadRequest($"text 不能为空，且不超过 {MaxTextLength} 个字符。");
        }

        if (request.Id is { Length: > 64 })
        {
            return BadRequest("id 不超过 64 个字符。");
        }

        var resident = new ResidentKey(Channels.Simulator, request.User!);
        var cursor = await outbox.LatestIdAsync(resident, cancellationToken);
        var message = new InboundMessage(
            Channels.Simulator, request.User!, request.Id ?? Guid.NewGuid().ToString("N"), InboundKind.Text, clock.GetUtcNow(), request.Text.Trim());
        var result = await intake.SubmitAsync(message, PassivePolicy.All, TimeSpan.FromMilliseconds(options.Value.ReplyBudgetMs), cancellationToken);
        if (result.Outcome == IntakeOutcome.Unavailable)
        {
            return TypedResults.Problem(title: "系统暂时无法受理", detail: "数据库暂时不可用，消息未保存，请稍后重试。", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(new SimulatorMessageResponse(
            result.Replies.Select(SimulatorReplyDto.From).ToList(),
            result.Intent,
            Pending: result.Outcome == IntakeOutcome.Later,
            Duplicate: result.Outcome == IntakeOutcome.Duplicate,
            cursor));
    }

    private static async Task<Results<Ok<SimulatorPollResponse>, ProblemHttpResult>> PollAsync(
        string? user, long? after, IOutboxStore outbox, CancellationToken cancellationToken)
    {
        if (!IsValidUser(user))
        {
            return BadRequest("user 必须是 1–64 位字母、数字、- 或 _。");
        }

        var from = Math.Max(0, after ?? 0);
        var items = await outbox.ListDeliveredAfterAsync(new ResidentKey(Channels.Simulator, user!), from, cancellationToken);
        var cursor = items.Count > 0 ? items[^1].Id : from;
        return TypedResults.Ok(new SimulatorPollResponse(items.Select(i => SimulatorReplyDto.From(i.Reply)).ToList(), cursor));
    }

    private static bool IsValidUser(string? user) => user is not null && UserPattern().IsMatch(user);

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(title: "请求有误", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserPattern();
}
