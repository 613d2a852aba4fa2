using Bot.Connectors.Redis;
using Bot.Skills.Engine;
using Bot.Skills.Privacy;
using Microsoft.Extensions.Logging;

namespace Bot.Connectors.Cluster;

/// <summary>
/// Picks the resident lock: Redis while it answers; when it does not, PostgreSQL's advisory lock on a shared
/// database, or nothing beyond the in-process queue on a single SQLite host.
/// </summary>
/// <remarks>
/// During the switch-over a turn holding the Redis lock and a turn holding the advisory lock can overlap;
/// the window is one turn long and only at the moment Redis fails.
/// </remarks>
public sealed partial class ClusterResidentLock(
    RedisConnection redis,
    RedisResidentLock redisLock,
    PostgresResidentLock? postgresLock,
    ILogger<ClusterResidentLock> logger) : IResidentLock
{
    private static readonly InProcessResidentLock InProcess = new();

    public async Task<IAsyncDisposable?> TryAcquireAsync(ResidentKey resident, CancellationToken cancellationToken)
    {
        if (redis.IsAvailable)
        {
            try
            {
                return await redisLock.TryAcquireAsync(resident, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisUnavailableException)
            {
                LogFallback(PersonalDataMasker.MaskId(resident.UserId), postgresLock is null ? "in-process" : "PostgreSQL");
            }
        }

        return postgresLock is null
            ? await InProcess.TryAcquireAsync(resident, cancellationToken).ConfigureAwait(false)
            : await postgresLock.TryAcquireAsync(resident, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed while locking the turn of {User}; using the {Fallback} lock")]
    private partial void LogFallback(string user, string fallback);
}
