using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace Bot.Connectors.Language.Prompts;

/// <summary>A prompt file under <c>prompts/</c>: the default, version 0.</summary>
public sealed record PromptDefault(string Id, string Skill, string Name, string Content, PromptTemplateConfig Config);

/// <summary>
/// The prompt files, read once: <c>prompts/&lt;skill&gt;/&lt;name&gt;.yaml</c> is the prompt "skill/name". A file that
/// does not parse or whose variables disagree is logged and left out, so its skill runs offline.
/// </summary>
public sealed partial class PromptFiles
{
    private readonly Lazy<IReadOnlyDictionary<string, PromptDefault>> _files;

    public PromptFiles(IOptions<PromptOptions> options, string contentRoot, ILogger<PromptFiles> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Folder = Path.GetFullPath(Path.Combine(contentRoot, options.Value.Folder));
        _files = new(() => Load(Folder, logger));
    }

    public string Folder { get; }

    public IReadOnlyCollection<PromptDefault> All => _files.Value.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();

    public PromptDefault? Find(string promptId) => _files.Value.GetValueOrDefault(promptId);

    /// <summary>"skill/name" with lower-case letters, digits, '-' and '_' in each part.</summary>
    public static bool IsValidId(string? promptId) => promptId is not null && IdPattern().IsMatch(promptId);

    /// <summary>Every <c>*.yaml</c> one level under <paramref name="folder"/>, as (id, path).</summary>
    public static IEnumerable<(string Id, string Path)> Enumerate(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var skill in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(skill, "*.yaml").Order(StringComparer.Ordinal))
            {
                yield return ($"{Path.GetFileName(skill)}/{Path.GetFileNameWithoutExtension(file)}", file);
            }
        }
    }

    private static Dictionary<string, PromptDefault> Load(string folder, ILogger logger)
    {
        var files = new Dictionary<string, PromptDefault>(StringComparer.Ordinal);
        foreach (var (id, path) in Enumerate(folder))
        {
            if (!IsValidId(id))
            {
                LogSkipped(logger, path, "文件夹和文件名只可用小写字母、数字、- 和 _");
                continue;
            }

            var content = File.ReadAllText(path);
            try
            {
                var config = PromptCheck.Validate(content, declared: null);
                var slash = id.IndexOf('/', StringComparison.Ordinal);
                files[id] = new PromptDefault(id, id[..slash], id[(slash + 1)..], content, config);
            }
            catch (PromptFormatException ex)
            {
                LogSkipped(logger, path, ex.Message);
            }
        }

        return files;
    }

    [GeneratedRegex("^[a-z0-9_-]+/[a-z0-9_-]+$")]
    private static partial Regex IdPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prompt file {Path} is left out: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);
}
