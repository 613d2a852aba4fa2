using System.Collections.Concurrent;
using System.Net;

namespace Bot.Host.AdminConsole.Endpoints;

/// <summary>The console's pages, scripts and styles, compiled into the assembly (Chart.js is copied in at build time).</summary>
internal static class ConsoleAssets
{
    private const string Prefix = "Bot.Host.AdminConsole.Pages.";
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static byte[]? Find(string name) => Cache.GetOrAdd(name, static n =>
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(Prefix + n);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };

    /// <summary>A page with its placeholders filled in (values HTML-encoded).</summary>
    public static IResult Page(string name, IReadOnlyDictionary<string, string> values, int status = StatusCodes.Status200OK)
    {
        var html = System.Text.Encoding.UTF8.GetString(Find(name) ?? throw new InvalidOperationException($"Console page {name} is missing."));
        foreach (var (key, value) in values)
        {
            html = html.Replace(key, WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
