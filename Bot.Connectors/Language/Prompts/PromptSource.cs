using Bot.Connectors.Storage.Prompts;

namespace Bot.Connectors.Language.Prompts;

/// <summary>
/// The prompt a model call runs: the active version, read from the database on every call (one indexed query),
/// so an activation on one instance is what every instance runs next, without a restart; or a given version.
/// </summary>
public sealed class PromptSource(PromptFiles files, PromptVersionStore store) : IPromptSource
{
    public async ValueTask<PromptText?> GetAsync(string promptId, int? version, CancellationToken cancellationToken)
    {
        if (files.Find(promptId) is not { } file || version < 0)
        {
            return null;
        }

        if (version is null)
        {
            var active = await store.GetActiveAsync(promptId, cancellationToken).ConfigureAwait(false);
            return active is { Version: > 0, Content: { } stored }
                ? new PromptText(promptId, active.Version, stored)
                : new PromptText(promptId, 0, file.Content);
        }

        if (version == 0)
        {
            return new PromptText(promptId, 0, file.Content);
        }

        var content = await store.GetContentAsync(promptId, version.Value, cancellationToken).ConfigureAwait(false);
        return content is null ? null : new PromptText(promptId, version.Value, content);
    }
}
