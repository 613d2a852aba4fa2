namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// The fallback prompt source: the files under <c>&lt;contentRoot&gt;/prompts/&lt;skill&gt;/&lt;name&gt;.yaml</c>, as
/// version 0 only. The database-backed source replaces it when registered.
/// </summary>
public sealed class FilePromptSource(string contentRoot) : IPromptSource
{
    public async ValueTask<PromptText?> GetAsync(string promptId, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(promptId);
        if (version is not (null or 0) || !IsSafeId(promptId))
        {
            return null;
        }

        var path = Path.Combine(contentRoot, "prompts", promptId.Replace('/', Path.DirectorySeparatorChar) + ".yaml");
        if (!File.Exists(path))
        {
            return null;
        }

        var content = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return new PromptText(promptId, 0, content);
    }

    /// <summary>"skill/name" with letters, digits, '-' and '_' only: no path escapes the folder.</summary>
    private static bool IsSafeId(string promptId)
    {
        var parts = promptId.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
    }
}
