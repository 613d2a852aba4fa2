namespace Bot.Host;

/// <summary>
/// Pages compiled into the assembly, so they are found whatever directory the host starts from.
/// </summary>
internal static class EmbeddedPages
{
    public static readonly string Simulator = Load("simulator.html");

    private static string Load(string name)
    {
        using var stream = typeof(EmbeddedPages).Assembly.GetManifestResourceStream($"Bot.Host.Pages.{name}")
            ?? throw new InvalidOperationException($"Embedded page {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
