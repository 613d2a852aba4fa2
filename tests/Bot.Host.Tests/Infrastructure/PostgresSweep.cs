using System.Collections.Concurrent;
using Bot.TestSupport.Postgres;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>
/// With <c>BOT_TEST_STORAGE_PROVIDER=Postgres</c> every <see cref="BotHostFactory"/> runs on PostgreSQL: one database per
/// data directory (hosts sharing a directory share the database), on one server for the whole run. The whole host
/// suite then doubles as a PostgreSQL suite: <c>BOT_TEST_STORAGE_PROVIDER=Postgres dotnet test tests/Bot.Host.Tests</c>.
/// </summary>
internal static class PostgresSweep
{
    public const string EnvironmentVariable = "BOT_TEST_STORAGE_PROVIDER";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Databases = new(StringComparer.Ordinal);

    private static readonly Lazy<PostgresServerFixture> Server = new(() =>
    {
        var fixture = new PostgresServerFixture();
        fixture.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => fixture.DisposeAsync().GetAwaiter().GetResult();
        return fixture;
    });

    public static bool Enabled =>
        string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of the database for <paramref name="dataDirectory"/>, created on first use.</summary>
    public static string DatabaseFor(string dataDirectory) =>
        Databases.GetOrAdd(Path.GetFullPath(dataDirectory), _ => new Lazy<string>(() => Server.Value.CreateDatabaseAsync().GetAwaiter().GetResult())).Value;
}
