using Bot.Skills.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Storage.Knowledge;

/// <summary>
/// On start, after the schema exists: when <c>knowledge_entries</c> has never held a row, writes the default entries
/// from the repository folder (<see cref="KnowledgeOptions.Folder"/>, one <c>*.md</c> file per entry, id = file
/// name). A file that does not parse is skipped with a warning; the admin API edits the rest from then on.
/// </summary>
internal sealed partial class KnowledgeSeeder(
    KnowledgeStore store, IOptions<KnowledgeOptions> options, KnowledgeFolder folder, ILogger<KnowledgeSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = folder.Resolve(options.Value.Folder);
        if (!Directory.Exists(path))
        {
            LogNoFolder(path);
            return;
        }

        var entries = new List<KnowledgeEntry>();
        foreach (var file in Directory.EnumerateFiles(path, "*.md").Order(StringComparer.Ordinal))
        {
            var parsed = KnowledgeMarkdown.Parse(Path.GetFileNameWithoutExtension(file), await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            if (parsed.Entry is { } entry)
            {
                entries.Add(entry);
            }
            else
            {
                LogSkipped(Path.GetFileName(file), parsed.Error ?? string.Empty);
            }
        }

        var written = await store.SeedAsync(entries, cancellationToken).ConfigureAwait(false);
        if (written > 0)
        {
            LogSeeded(written, path);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge base seeded with {Count} entries from {Folder}")]
    private partial void LogSeeded(int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge file {File} skipped: {Reason}")]
    private partial void LogSkipped(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "No knowledge folder at {Folder}; nothing seeded")]
    private partial void LogNoFolder(string folder);
}

/// <summary>Resolves the knowledge folder against the content root the connectors were given.</summary>
public sealed class KnowledgeFolder(string contentRoot)
{
    public string Resolve(string folder) => Path.GetFullPath(Path.Combine(contentRoot, folder));
}
