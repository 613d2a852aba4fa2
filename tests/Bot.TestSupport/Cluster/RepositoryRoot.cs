namespace Bot.TestSupport.Cluster;

/// <summary>The repository root (where Neighbourhood.slnx is), found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Neighbourhood.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Neighbourhood.slnx above {AppContext.BaseDirectory}.");
    }
}
