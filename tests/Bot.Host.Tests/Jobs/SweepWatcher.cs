using Bot.Host.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Bot.Host.Tests.Jobs;

/// <summary>
/// Drives the host's real Quartz scheduler with the fake clock: Quartz waits through the container's TimeProvider,
/// so advancing the clock releases the SLA trigger. A job listener records the (fake) time each sweep started at
/// and when it finished, so a test can wait for a sweep that saw a given time — no sleeps for time passing.
/// </summary>
internal sealed class SweepWatcher : IJobListener
{
    private readonly FakeTimeProvider _clock;
    private readonly List<DateTimeOffset> _finished = [];
    private readonly Dictionary<string, DateTimeOffset> _started = [];

    private SweepWatcher(FakeTimeProvider clock) => _clock = clock;

    public string Name => "sla-sweep-watcher";

    public static async Task<SweepWatcher> AttachAsync(IServiceProvider services, FakeTimeProvider clock)
    {
        var watcher = new SweepWatcher(clock);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddJobListener(watcher, [GroupMatcher<JobKey>.GroupEquals(SlaSweepJob.Key.Group)]);
        return watcher;
    }

    /// <summary>
    /// Moves the clock to <paramref name="at"/>, then on in small steps until a sweep that started at or after it has
    /// finished. The steps are needed because a trigger that fell far behind is rescheduled (misfire policy: the next
    /// slot after now), and that slot only comes when the clock reaches it.
    /// </summary>
    public async Task SweepAtAsync(DateTimeOffset at, TimeSpan? step = null)
    {
        if (_clock.GetUtcNow() < at)
        {
            _clock.SetUtcNow(at);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Finished(at))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No SLA sweep ran at or after {at:O} (clock {_clock.GetUtcNow():O}).");
            if (!await WaitAsync(() => Finished(at), TimeSpan.FromMilliseconds(500)))
            {
                _clock.Advance(step ?? TimeSpan.FromSeconds(30));
            }
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        lock (_finished)
        {
            _started[context.FireInstanceId] = _clock.GetUtcNow();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        lock (_finished)
        {
            if (_started.Remove(context.FireInstanceId, out var started))
            {
                _finished.Add(started);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    private bool Finished(DateTimeOffset at)
    {
        lock (_finished)
        {
            return _finished.Any(started => started >= at);
        }
    }

    private static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow >= until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
