namespace Bot.Skills.Language;

/// <summary>
/// Shows what one prompt would decide for a sample message beside what the offline engine decides, so an admin
/// can judge a version before activating it. Each skill that uses a prompt registers one.
/// </summary>
public interface IPromptPreviewer
{
    /// <summary>"skill/name", as in <see cref="PromptCall.PromptId"/>.</summary>
    string PromptId { get; }

    /// <param name="version">The stored version to run; null runs the active one.</param>
    Task<PromptPreview> PreviewAsync(string sample, int? version, CancellationToken cancellationToken);
}

/// <param name="Offline">The offline engine's decision, in a short readable form.</param>
/// <param name="Model">What the skill would take from the model (after validation), or null when it falls back.</param>
/// <param name="Raw">The model's raw text, for the admin to read.</param>
public sealed record PromptPreview(string Sample, string Offline, string? Model, string? Raw, ModelOutcome Outcome, string? Detail);
