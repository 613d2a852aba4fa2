using Bot.Connectors.Storage.Prompts;

namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// The admins' view of the prompts: the files (version 0) and the stored versions. Saving checks the text first
/// (<see cref="PromptCheck"/>) and stores nothing when it fails; activating any version, 0 included, is a rollback.
/// </summary>
public sealed class PromptCatalog(PromptFiles files, PromptVersionStore store)
{
    public const string DefaultAuthor = "admin";

    public IReadOnlyCollection<PromptDefault> Defaults => files.All;

    public PromptDefault? Find(string skill, string name) => files.Find($"{skill}/{name}");

    public Task<IReadOnlyDictionary<string, PromptVersionSummary>> SummarizeAsync(CancellationToken cancellationToken) =>
        store.SummarizeAsync(cancellationToken);

    public Task<ActivePrompt> GetActiveAsync(PromptDefault prompt, CancellationToken cancellationToken) =>
        store.GetActiveAsync(Id(prompt), cancellationToken);

    public Task<IReadOnlyList<PromptVersionInfo>> ListVersionsAsync(PromptDefault prompt, CancellationToken cancellationToken) =>
        store.ListAsync(Id(prompt), cancellationToken);

    /// <returns>The content of <paramref name="version"/> (0 is the file), or null when there is no such version.</returns>
    public async Task<string?> GetContentAsync(PromptDefault prompt, int version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return version switch
        {
            0 => prompt.Content,
            < 0 => null,
            _ => await store.GetContentAsync(prompt.Id, version, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <exception cref="PromptFormatException">The content is not a usable prompt; nothing was stored.</exception>
    /// <returns>The new version number.</returns>
    public Task<int> SaveAsync(PromptDefault prompt, string content, string? author, string? note, bool activate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(content);
        PromptCheck.Validate(content, PromptCheck.DeclaredNames(prompt.Config));
        return store.AddAsync(prompt.Id, content, AuthorOrDefault(author), string.IsNullOrWhiteSpace(note) ? null : note.Trim(), activate, cancellationToken);
    }

    /// <returns>False when there is no such version.</returns>
    public Task<bool> ActivateAsync(PromptDefault prompt, int version, string? author, CancellationToken cancellationToken) =>
        version < 0 ? Task.FromResult(false) : store.ActivateAsync(Id(prompt), version, AuthorOrDefault(author), cancellationToken);

    private static string AuthorOrDefault(string? author) => string.IsNullOrWhiteSpace(author) ? DefaultAuthor : author.Trim();

    private static string Id(PromptDefault prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return prompt.Id;
    }
}
