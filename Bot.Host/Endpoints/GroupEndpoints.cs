using Bot.Connectors.Storage.Groups;
using Bot.Host.Security;
using Bot.Skills.Grid;
using Bot.Skills.Groups;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class GroupEndpoints
{
    private const int MaxNoticeLength = 2000;

    /// <summary>Group chats and their robots, notices to groups with their delivery log, and public tickets.</summary>
    public static IEndpointRouteBuilder MapGroups(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/groups", async (IGroupRegistry groups, CancellationToken ct) =>
            TypedResults.Ok((await groups.ListAsync(ct)).Select(GroupDto.From).ToList()));
        api.MapPost("/groups", SaveAsync);
        api.MapPost("/groups/notices", PostNoticeAsync);
        api.MapGet("/groups/notices", async (int? max, IGroupNoticeBoard board, CancellationToken ct) =>
            TypedResults.Ok(await board.ListAsync(Math.Clamp(max ?? 20, 1, 200), ct)));
        api.MapPut("/tickets/{number}/public", SetPublicAsync);
        return app;
    }

    private static async Task<Results<Ok<GroupDto>, ProblemHttpResult>> SaveAsync(
        GroupRequest? request, IGroupRegistry groups, IGridRoster roster, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.ChatId) || request.ChatId.Trim().Length > 128)
        {
            return Problem(400, "chatId 不能为空，且不超过 128 个字符。");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 64)
        {
            return Problem(400, "name 不能为空，且不超过 64 个字符。");
        }

        if (!GroupScopes.TryParse(request.Scope, out var scope))
        {
            return Problem(400, "scope 须为 community、compound 或 building。");
        }

        var (compoundId, buildingId) = (request.CompoundId, request.BuildingId);
        if (scope == GroupScopeKind.Building)
        {
            var building = buildingId is { } b ? await roster.GetBuildingAsync(b, cancellationToken) : null;
            if (building is null)
            {
                return Problem(400, "building 群须给出存在的 buildingId。");
            }

            compoundId = building.CompoundId;
        }
        else if (scope == GroupScopeKind.Compound)
        {
            if (compoundId is not { } c || await roster.GetCompoundAsync(c, cancellationToken) is null)
            {
                return Problem(400, "compound 群须给出存在的 compoundId。");
            }

            buildingId = null;
        }
        else
        {
            (compoundId, buildingId) = (null, null);
        }

        var key = string.IsNullOrWhiteSpace(request.WebhookKey) ? null : request.WebhookKey.Trim();
        if (key is { Length: > 128 })
        {
            return Problem(400, "webhookKey 不超过 128 个字符。");
        }

        try
        {
            var saved = await groups.UpsertAsync(
                new GroupChat(request.Id ?? 0, request.ChatId.Trim(), request.Name.Trim(), scope, compoundId, buildingId, key, request.Active ?? true),
                cancellationToken);
            return TypedResults.Ok(GroupDto.From(saved));
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(404, ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Problem(409, ex.Message);
        }
    }

    private static async Task<Results<Created<GroupNoticeRecord>, ProblemHttpResult>> PostNoticeAsync(
        GroupNoticeRequest? request, IGroupNoticeBoard board, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxNoticeLength)
        {
            return Problem(400, $"text 不能为空，且不超过 {MaxNoticeLength} 个字符。");
        }

        try
        {
            var notice = await board.PostAsync(request.Text, new GroupTarget(request.GroupIds ?? [], request.CompoundId, request.BuildingId), cancellationToken);
            return TypedResults.Created($"/api/groups/notices?id={notice.Id}", notice);
        }
        catch (ArgumentException ex)
        {
            return Problem(400, ex.Message.Split(" (Parameter", 2)[0]);
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(404, ex.Message);
        }
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetPublicAsync(
        string number, PublicTicketRequest? request, PublicMatterStore matters, GroupReplyGuard guard, CancellationToken cancellationToken)
    {
        if (request?.Public is not { } isPublic)
        {
            return Problem(400, "须给出 public（true 或 false）。");
        }

        var title = request.Title?.Trim();
        if (isPublic && (title is not { Length: >= 2 and <= 40 } || !guard.IsSafe(title)))
        {
            return Problem(400, "公开事项须有 2–40 字的标题，且不能含电话、门牌号、姓名等个人信息（群里会看到它）。");
        }

        return await matters.SetPublicAsync(number, isPublic, isPublic ? title : null, cancellationToken)
            ? TypedResults.NoContent()
            : Problem(404, $"没有工单 {number}。");
    }

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(title: status == 404 ? "未找到" : status == 409 ? "冲突" : "请求有误", detail: detail, statusCode: status);
}
