using Bot.Connectors.Language.Prompts;
using Bot.Host.AdminConsole.Auth;
using Bot.Host.Security;
using Bot.Skills.Language;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class PromptEndpoints
{
    /// <summary>The prompts admins tune: files as defaults, stored versions, activation (= rollback) and previews.</summary>
    public static IEndpointRouteBuilder MapPromptEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prompts").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{skill}/{name}", GetAsync);
        api.MapGet("/{skill}/{name}/versions/{version:int}", GetVersionAsync);
        api.MapPost("/{skill}/{name}/versions", SaveAsync);
        api.MapPost("/{skill}/{name}/versions/{version:int}/activate", ActivateAsync);
        api.MapPost("/{skill}/{name}/preview", PreviewAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PromptSummaryDto>>> ListAsync(PromptCatalog catalog, CancellationToken cancellationToken)
    {
        var summaries = await catalog.SummarizeAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PromptSummaryDto>>(catalog.Defaults
            .Select(p => PromptSummaryDto.From(p, summaries.GetValueOrDefault(p.Id))).ToList());
    }

    private static async Task<Results<Ok<PromptDetailDto>, ProblemHttpResult>> GetAsync(
        string skill, string name, PromptCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Find(skill, name) is not { } prompt)
        {
            return UnknownPrompt(skill, name);
        }

        var active = await catalog.GetActiveAsync(prompt, cancellationToken);
        var versions = await catalog.ListVersionsAsync(prompt, cancellationToken);
        var summary = PromptSummaryDto.From(prompt, new(active.Version, versions.Count));
        return TypedResults.Ok(new PromptDetailDto(summary, prompt.Content,
            versions.Select(v => new PromptVersionDto(v.Version, v.Author, v.Note, v.CreatedAt, v.Version == active.Version)).ToList()));
    }

    private static async Task<Results<Ok<PromptContentDto>, ProblemHttpResult>> GetVersionAsync(
        string skill, string name, int version, PromptCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Find(skill, name) is not { } prompt)
        {
            return UnknownPrompt(skill, name);
        }

        return await catalog.GetContentAsync(prompt, version, cancellationToken) is { } content
            ? TypedResults.Ok(new PromptContentDto(prompt.Id, version, content))
            : UnknownVersion(prompt, version);
    }

    private static async Task<Results<Created<PromptVersionCreatedDto>, ProblemHttpResult>> SaveAsync(
        string skill, string name, PromptVersionRequest? request, HttpContext http, PromptCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Find(skill, name) is not { } prompt)
        {
            return UnknownPrompt(skill, name);
        }

        var user = ConsoleUser.Current(http);
        if (request?.Activate == true && !user.IsAdmin)
        {
            return NotAllowedToActivate();
        }

        if (string.IsNullOrWhiteSpace(request?.Content))
        {
            return Problem(StatusCodes.Status400BadRequest, "需要 content（完整的提示词 YAML）。");
        }

        try
        {
            var activate = request.Activate == true;
            var version = await catalog.SaveAsync(prompt, request.Content, AuthorOf(user, request.Author), request.Note, activate, cancellationToken);
            return TypedResults.Created($"/api/prompts/{prompt.Id}/versions/{version}", new PromptVersionCreatedDto(prompt.Id, version, activate));
        }
        catch (PromptFormatException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, ex.Message);
        }
    }

    private static async Task<Results<Ok<PromptActivatedDto>, ProblemHttpResult>> ActivateAsync(
        string skill, string name, int version, PromptActivateRequest? request, HttpContext http, PromptCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Find(skill, name) is not { } prompt)
        {
            return UnknownPrompt(skill, name);
        }

        var user = ConsoleUser.Current(http);
        if (!user.IsAdmin)
        {
            return NotAllowedToActivate();
        }

        return await catalog.ActivateAsync(prompt, version, AuthorOf(user, request?.Author), cancellationToken)
            ? TypedResults.Ok(new PromptActivatedDto(prompt.Id, version))
            : UnknownVersion(prompt, version);
    }

    private static async Task<Results<Ok<IReadOnlyList<PromptPreviewDto>>, ProblemHttpResult>> PreviewAsync(
        string skill, string name, PromptPreviewRequest? request, PromptCatalog catalog, IEnumerable<IPromptPreviewer> previewers, CancellationToken cancellationToken)
    {
        var id = $"{skill}/{name}";
        if (catalog.Find(skill, name) is not { } prompt || previewers.FirstOrDefault(p => p.PromptId == id) is not { } previewer)
        {
            return Problem(StatusCodes.Status404NotFound, $"提示词 {id} 没有可用的预览。");
        }

        var reason = request is null ? "需要 samples。" : request.Problem();
        if (request is null || reason is not null)
        {
            return Problem(StatusCodes.Status400BadRequest, reason ?? "需要 samples。");
        }

        if (request.Version is { } version && await catalog.GetContentAsync(prompt, version, cancellationToken) is null)
        {
            return UnknownVersion(prompt, version);
        }

        var results = new List<PromptPreviewDto>(request.Samples!.Count);
        foreach (var sample in request.Samples)
        {
            results.Add(PromptPreviewDto.From(await previewer.PreviewAsync(sample, request.Version, cancellationToken)));
        }

        return TypedResults.Ok<IReadOnlyList<PromptPreviewDto>>(results);
    }

    /// <summary>The admin key may name the author (machines act for someone); a signed-in account is the author itself.</summary>
    private static string? AuthorOf(ConsoleUser user, string? requested) => user.IsKey ? requested : user.Username;

    private static ProblemHttpResult NotAllowedToActivate() =>
        Problem(StatusCodes.Status403Forbidden, "工作人员可以保存和预览提示词，但不能启用版本；请保存后请管理员启用。");

    private static ProblemHttpResult UnknownPrompt(string skill, string name) =>
        Problem(StatusCodes.Status404NotFound, $"没有提示词 {skill}/{name}。");

    private static ProblemHttpResult UnknownVersion(PromptDefault prompt, int version) =>
        Problem(StatusCodes.Status404NotFound, $"提示词 {prompt.Id} 没有版本 {version}。");

    private static ProblemHttpResult Problem(int status, string detail) =>
        TypedResults.Problem(title: "提示词操作失败", detail: detail, statusCode: status);
}
