using System.Globalization;
using StackExchange.Redis;

namespace Bot.Benchmarks;

/// <summary>
/// Reads Redis's own counters around a phase: <c>INFO</c> total_commands_processed and used_memory, and
/// <c>MEMORY USAGE</c> of one conversation key. The counters are server-wide, so the probe's own commands
/// between two snapshots are measured (two snapshots back to back) and subtracted.
/// </summary>
public sealed class RedisProbe : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private long _ownCommandsPerSnapshot = -1;

    private RedisProbe(ConnectionMultiplexer connection) => _connection = connection;

    /// <summary>Connects with admin commands allowed (INFO), which the hosts' and the fixture's connections never need.</summary>
    public static async Task<RedisProbe> ConnectAsync(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AllowAdmin = true;
        return new RedisProbe(await ConnectionMultiplexer.ConnectAsync(options));
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>Commands one snapshot adds to the counter (normally 2: INFO stats and INFO memory).</summary>
    public long OwnCommandsPerSnapshot => _ownCommandsPerSnapshot;

    public async Task CalibrateAsync()
    {
        // Back to back, with the hosts idle or stopped: what is left between them is the snapshot itself.
        var first = await SnapshotAsync();
        var second = await SnapshotAsync();
        _ownCommandsPerSnapshot = Math.Max(0, second.Commands - first.Commands);
    }

    public async Task<RedisSnapshot> SnapshotAsync()
    {
        var server = Server();
        var stats = await server.InfoAsync("stats");
        var memory = await server.InfoAsync("memory");
        return new RedisSnapshot(Field(stats, "total_commands_processed"), Field(memory, "used_memory"));
    }

    /// <summary>Commands the hosts sent between two snapshots, without the probe's own.</summary>
    public long CommandsBetween(RedisSnapshot before, RedisSnapshot after) =>
        after.Commands - before.Commands - Math.Max(0, _ownCommandsPerSnapshot);

    /// <summary>A conversation key of the given residents and its <c>MEMORY USAGE</c> in bytes, or null if none exists.</summary>
    public async Task<(string Key, long Bytes)?> SampleConversationAsync(string keyPattern)
    {
        var database = _connection.GetDatabase();
        await foreach (var key in Server().KeysAsync(pattern: keyPattern, pageSize: 1000))
        {
            var usage = await database.ExecuteAsync("MEMORY", "USAGE", key.ToString());
            return usage.IsNull ? null : (key.ToString(), (long)usage);
        }

        return null;
    }

    private IServer Server() => _connection.GetServers().FirstOrDefault(s => s.IsConnected)
        ?? throw new BenchmarkFailedException("no connected Redis server to probe.");

    private static long Field(IGrouping<string, KeyValuePair<string, string>>[] info, string name) =>
        info.SelectMany(section => section).Where(pair => pair.Key == name)
            .Select(pair => long.Parse(pair.Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).First() is var value and >= 0
            ? value
            : throw new BenchmarkFailedException($"Redis INFO has no {name}.");
}

/// <summary>Redis's counters at one moment.</summary>
public sealed record RedisSnapshot(long Commands, long UsedMemoryBytes);
