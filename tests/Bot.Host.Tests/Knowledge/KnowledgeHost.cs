namespace Bot.Host.Tests.Knowledge;

/// <summary>Knowledge folders for host tests: the repository's defaults, or an empty one.</summary>
internal static class KnowledgeHost
{
    public static string RepositoryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Neighbourhood.slnx")))
            {
                return Path.Combine(dir.FullName, "knowledge");
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }

    public static string EmptyFolder() => Directory.CreateTempSubdirectory("bot-knowledge-").FullName;
}
