using Bot.TestSupport.Postgres;
using Bot.TestSupport.Redis;

namespace Bot.Benchmarks;

/// <summary>
/// The shared services of the cluster mode: PostgreSQL and Redis through the test fixtures, so a private
/// server (initdb into a temp directory, redis-server on a free port) is started and removed exactly as in the
/// tests, or the ones named by <c>BOT_TEST_POSTGRES</c> / <c>BOT_TEST_REDIS</c> are used and left running.
/// </summary>
public sealed class ClusterInfrastructure : IAsyncDisposable
{
    private readonly PostgresServerFixture _postgres = new();
    private readonly RedisServerFixture _redis = new();

    private ClusterInfrastructure()
    {
    }

    public RedisServerFixture Redis => _redis;

    /// <summary>Where the servers come from, for the report.</summary>
    public static string Description =>
        $"PostgreSQL: {Source(PostgresServerFixture.EnvironmentVariable, "private initdb cluster")}, " +
        $"Redis: {Source(RedisServerFixture.EnvironmentVariable, "private redis-server")}";

    public static async Task<ClusterInfrastructure> StartAsync(CancellationToken cancellationToken)
    {
        var infrastructure = new ClusterInfrastructure();
        try
        {
            await infrastructure._postgres.StartAsync(cancellationToken);
            await infrastructure._redis.StartAsync(cancellationToken);
            return infrastructure;
        }
        catch (InvalidOperationException ex)
        {
            await infrastructure.DisposeAsync();
            throw new BenchmarkFailedException($"could not start PostgreSQL or Redis: {ex.Message}");
        }
        catch
        {
            await infrastructure.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database on the shared server (the fixture's own one stays unused after the first).</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken) => _postgres.CreateDatabaseAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Each stops only what it started; a server named in the environment is left alone.
        await _redis.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    private static string Source(string variable, string fallback) =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)) ? fallback : variable;
}
