namespace Bot.Host;

/// <summary>
/// The repository root holds appsettings.json and data/. <c>dotnet run --project Bot.Host</c> starts in the
/// root, but the host should find it from a sub-folder too.
/// </summary>
internal static class ContentRoot
{
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "Bot.Host")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
