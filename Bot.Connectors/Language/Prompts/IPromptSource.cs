namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// Where the language model gets a prompt's text: the active version (an admin's edit stored in the database,
/// or the file under <c>prompts/</c> when none was made) or a given version for previews. Read on every call,
/// so an activation shows on every instance at once.
/// </summary>
public interface IPromptSource
{
    /// <returns>Null when there is no such prompt or version.</returns>
    ValueTask<PromptText?> GetAsync(string promptId, int? version, CancellationToken cancellationToken);
}

/// <param name="Version">0 for the file default, 1… for stored versions.</param>
/// <param name="Content">The whole prompt file (YAML), see <see cref="PromptFile"/>.</param>
public sealed record PromptText(string PromptId, int Version, string Content);
