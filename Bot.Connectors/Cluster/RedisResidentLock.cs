using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Bot.Connectors.Cluster;

/// <summary>
/// The resident lock in Redis: <c>SET NX PX</c> with a random token, renewed while the turn runs and
/// released by compare-and-delete, so a host only ever extends or frees its own lease. Throws
/// <see cref="RedisUnavailableException"/> when Redis fails while acquiring; the caller falls back.
/// </summary>
public sealed partial class RedisResidentLock(
    RedisConnection redis,
    IOptions<IntakeOptions> options,
    TimeProvider clock,
    ILogger<RedisResidentLock> logger)
{
    private readonly TimeProvider _clock = clock;

    private const string ReleaseScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    private const string RenewScript =
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

    public static string KeyFor(ResidentKey resident) => $"bot:lock:{resident.Channel}:{resident.UserId}";

    public async Task<IAsyncDisposable?> TryAcquireAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = KeyFor(resident);
        var token = Guid.NewGuid().ToString("N");
        var deadline = _clock.GetUtcNow() + settings.TurnLockWait;
        while (true)
        {
            if (await redis.RunAsync(db => db.StringSetAsync(key, token, settings.TurnLockLease, When.NotExists), cancellationToken).ConfigureAwait(false))
            {
                return new Lease(this, key, token, settings.TurnLockLease);
            }

            if (_clock.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(settings.TurnLockPoll, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunScriptAsync(string script, RedisKey key, RedisValue[] arguments)
    {
        try
        {
            await redis.RunAsync(db => db.ScriptEvaluateAsync(script, [key], arguments), CancellationToken.None).ConfigureAwait(false);
        }
        catch (RedisUnavailableException ex)
        {
            LogLeaseLost(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew or release a resident lock in Redis; its lease expires by itself")]
    private partial void LogLeaseLost(Exception exception);

    /// <summary>A held lock; a timer renews it every third of the lease until it is disposed.</summary>
    private sealed class Lease : IAsyncDisposable
    {
        private readonly RedisResidentLock _owner;
        private readonly RedisKey _key;
        private readonly string _token;
        private readonly ITimer _renewal;

        public Lease(RedisResidentLock owner, RedisKey key, string token, TimeSpan lease)
        {
            _owner = owner;
            _key = key;
            _token = token;
            var leaseMs = (long)lease.TotalMilliseconds;
            var period = lease / 3;
            _renewal = owner._clock.CreateTimer(_ => _ = owner.RunScriptAsync(RenewScript, key, [token, leaseMs]), null, period, period);
        }

        public async ValueTask DisposeAsync()
        {
            await _renewal.DisposeAsync().ConfigureAwait(false);
            await _owner.RunScriptAsync(ReleaseScript, _key, [_token]).ConfigureAwait(false);
        }
    }
}
