using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Benchmarks;

/// <summary>
/// The baseline: Kestrel and a minimal endpoint that answers every POST with a constant, and nothing else.
/// Whatever the full bot path costs above this is the bot's own work.
/// </summary>
public static class BareServer
{
    public const string Mode = "bare";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/wechat", () => "success");
        await app.RunAsync();
    }
}
