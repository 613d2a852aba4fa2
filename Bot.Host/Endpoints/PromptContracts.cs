using Bot.Connectors.Language.Prompts;
using Bot.Connectors.Storage.Prompts;
using Bot.Skills.Language;

namespace Bot.Host.Endpoints;

public sealed record PromptVariableDto(string Name, string? Description, bool IsRequired);

/// <param name="Id">"skill/name", the file <c>prompts/skill/name.yaml</c>.</param>
/// <param name="ActiveVersion">0 when the file runs.</param>
/// <param name="Versions">How many versions admins saved (the file not counted).</param>
public sealed record PromptSummaryDto(
    string Id, string Skill, string Name, string? Description, int ActiveVersion, int Versions, IReadOnlyList<PromptVariableDto> InputVariables)
{
    public static PromptSummaryDto From(PromptDefault prompt, PromptVersionSummary? summary) => new(
        prompt.Id, prompt.Skill, prompt.Name, prompt.Config.Description, summary?.ActiveVersion ?? 0, summary?.StoredVersions ?? 0,
        prompt.Config.InputVariables.Select(v => new PromptVariableDto(v.Name, v.Description, v.IsRequired)).ToList());
}

public sealed record PromptVersionDto(int Version, string Author, string? Note, DateTimeOffset CreatedAt, bool Active);

/// <param name="DefaultContent">The file (version 0).</param>
public sealed record PromptDetailDto(PromptSummaryDto Prompt, string DefaultContent, IReadOnlyList<PromptVersionDto> StoredVersions);

public sealed record PromptContentDto(string Id, int Version, string Content);

/// <param name="Author">Who wrote it; "admin" when left out.</param>
/// <param name="Activate">True makes the new version active at once.</param>
public sealed record PromptVersionRequest(string? Content, string? Note, string? Author, bool? Activate);

public sealed record PromptVersionCreatedDto(string Id, int Version, bool Active);

public sealed record PromptActivateRequest(string? Author);

public sealed record PromptActivatedDto(string Id, int ActiveVersion);

/// <param name="Version">The stored version to run; null runs the active one.</param>
/// <param name="Samples">1–20 residents' messages, each at most 500 characters.</param>
public sealed record PromptPreviewRequest(int? Version, IReadOnlyList<string>? Samples)
{
    public const int MaxSamples = 20;

    public const int MaxSampleLength = 500;

    /// <returns>Null when the samples are acceptable, else the reason.</returns>
    public string? Problem() => Samples switch
    {
        null or { Count: 0 } => "samples 至少需要 1 条。",
        { Count: > MaxSamples } => $"samples 最多 {MaxSamples} 条。",
        _ when Samples.Any(string.IsNullOrWhiteSpace) => "samples 中不能有空白内容。",
        _ when Samples.Any(s => s.Length > MaxSampleLength) => $"每条 sample 最多 {MaxSampleLength} 个字符。",
        _ => null,
    };
}

/// <param name="Outcome">answered, disabled, timeout, failed, invalidOutput or circuitOpen.</param>
public sealed record PromptPreviewDto(string Sample, string Offline, string? Model, string? Raw, string Outcome, string? Detail)
{
    public static PromptPreviewDto From(PromptPreview preview) => new(
        preview.Sample, preview.Offline, preview.Model, preview.Raw, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(preview.Outcome.ToString()), preview.Detail);
}
