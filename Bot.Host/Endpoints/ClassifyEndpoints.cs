using Bot.Host.Security;
using Bot.Skills.Complaints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class ClassifyEndpoints
{
    private const int MaxTextLength = 2000;

    /// <summary>Maps <c>POST /api/classify</c>: the complaint assessment of one text, for staff tools and checks.</summary>
    public static IEndpointRouteBuilder MapClassify(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/classify").AddEndpointFilter<AdminAuthorization>().MapPost("", PostAsync);
        return app;
    }

    private static async Task<Results<Ok<ClassifyResponse>, ProblemHttpResult>> PostAsync(
        ClassifyRequest? request, IComplaintClassifier classifier, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxTextLength)
        {
            return TypedResults.Problem(
                title: "请求有误", detail: $"text 不能为空，且不超过 {MaxTextLength} 个字符。", statusCode: StatusCodes.Status400BadRequest);
        }

        var assessment = await classifier.AssessAsync(request.Text.Trim(), cancellationToken);
        return TypedResults.Ok(ClassifyResponse.From(assessment));
    }
}

public sealed record ClassifyRequest(string? Text);

/// <param name="Confidence">0–1, how sure the category is (rounded to 4 decimals).</param>
/// <param name="Alert">Present danger: what to tell the resident first; null otherwise.</param>
public sealed record ClassifyResponse(
    string Category,
    string Colour,
    double Confidence,
    string Department,
    IReadOnlyList<string> Reasons,
    string CategoryName,
    ClassifyAlert? Alert)
{
    public static ClassifyResponse From(ComplaintAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new(
            assessment.Category,
            assessment.Colour.Code(),
            Math.Round(Math.Clamp(assessment.Confidence, 0, 1), 4),
            assessment.Department,
            assessment.Reasons,
            ComplaintCategories.ChineseName(assessment.Category),
            assessment.Alert is { } alert ? new ClassifyAlert(alert.Hazard, alert.EmergencyNumber, alert.Advice) : null);
    }
}

public sealed record ClassifyAlert(string Hazard, string EmergencyNumber, string Advice);
