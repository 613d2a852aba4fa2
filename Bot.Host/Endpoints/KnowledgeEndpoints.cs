using System.Text.Json;
using Bot.Connectors.Storage.Knowledge;
using Bot.Host.AdminConsole.Auth;
using Bot.Host.Security;
using Bot.Skills.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Host.Endpoints;

public static class KnowledgeEndpoints
{
    private const string KeyActor = "admin-api";

    private const int MaxBodyChars = 16_000;

    /// <summary>The knowledge base for admins: list, read, write (JSON or Markdown), delete, and a search to test questions.</summary>
    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/knowledge").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("", async (KnowledgeStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(ct)).Select(KnowledgeEntryDto.From).ToList()));
        api.MapGet("/{id}", GetAsync);
        api.MapPut("/{id}", PutAsync);
        api.MapDelete("/{id}", DeleteAsync);
        api.MapPost("/search", SearchAsync);
        return app;
    }

    private static async Task<Results<Ok<KnowledgeEntryDto>, NotFound>> GetAsync(string id, KnowledgeStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } stored ? TypedResults.Ok(KnowledgeEntryDto.From(stored)) : TypedResults.NotFound();

    private static async Task<Results<Ok<KnowledgeEntryDto>, Created<KnowledgeEntryDto>, ProblemHttpResult>> PutAsync(
        string id, HttpRequest request, HttpContext http, KnowledgeStore store, CancellationToken cancellationToken)
    {
        if (!KnowledgeRequests.IsValidId(id))
        {
            return Problem("条目ID只能包含字母、数字、汉字、“-”和“_”，最长 64 个字符。");
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBodyChars + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (read > MaxBodyChars)
        {
            return Problem($"请求体太长（超过 {MaxBodyChars} 个字符）。");
        }

        var body = new string(buffer, 0, read);
        string error;
        KnowledgeEntry? entry;
        if (request.ContentType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true)
        {
            entry = KnowledgeRequests.FromMarkdown(id, body, out error);
        }
        else
        {
            KnowledgeEntryRequest? json;
            try
            {
                json = JsonSerializer.Deserialize<KnowledgeEntryRequest>(body, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                return Problem("请求体不是有效的 JSON；也可以用 Content-Type: text/markdown 提交知识条目格式。");
            }

            entry = KnowledgeRequests.FromJson(id, json, out error);
        }

        if (entry is null)
        {
            return Problem(error);
        }

        var (stored, created) = await store.SaveAsync(entry, Actor(http), cancellationToken);
        var dto = KnowledgeEntryDto.From(stored);
        return created ? TypedResults.Created($"/api/knowledge/{Uri.EscapeDataString(id)}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string id, HttpContext http, KnowledgeStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(id, Actor(http), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<KnowledgeSearchResponse>, ProblemHttpResult>> SearchAsync(
        KnowledgeSearchRequest? request, KnowledgeRetriever retriever, ConsultationAnswerer answerer, IOptions<KnowledgeOptions> options, CancellationToken cancellationToken)
    {
        if (request?.Question is not { } question || string.IsNullOrWhiteSpace(question) || question.Length > KnowledgeRequests.MaxAnswerChars)
        {
            return Problem($"question 不能为空，且不超过 {KnowledgeRequests.MaxAnswerChars} 个字符。");
        }

        var matches = await retriever.FindAsync(question.Trim(), Math.Max(5, options.Value.ModelEntries), cancellationToken);
        var answer = await answerer.AnswerAsync(question.Trim(), cancellationToken);
        return TypedResults.Ok(new KnowledgeSearchResponse(
            matches.Select(KnowledgeSearchHit.From).ToList(), answer.Text, answer.Answered, answer.Cited.Select(m => m.Entry.Id).ToList()));
    }

    /// <summary>The signed-in account's name; the admin key stays "admin-api".</summary>
    private static string Actor(HttpContext http) => ConsoleUser.Current(http) is { IsKey: false } user ? user.Username : KeyActor;

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(title: "知识条目有误", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
