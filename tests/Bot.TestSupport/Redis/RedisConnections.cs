using Bot.Connectors.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.TestSupport.Redis;

/// <summary>A <see cref="RedisConnection"/> with its circuit, for tests that use the connectors directly.</summary>
public static class RedisConnections
{
    public static RedisConnection Create(string configuration, TimeProvider? clock = null, int retryAfterMs = 5000)
    {
        var options = Options.Create(new RedisOptions { Configuration = configuration, RetryAfterMs = retryAfterMs });
        return new RedisConnection(options, new RedisCircuit(options, clock ?? TimeProvider.System), NullLogger<RedisConnection>.Instance);
    }
}
