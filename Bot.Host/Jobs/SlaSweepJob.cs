using Bot.Skills.Escalation;
using Quartz;

namespace Bot.Host.Jobs;

/// <summary>
/// Runs one SLA sweep (reminders and escalations). One at a time: a sweep that overruns its interval is not joined
/// by the next, which would only race it for the same tickets.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SlaSweepJob(SlaMonitor monitor, ILogger<SlaSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("sla-sweep", "sla");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (reminded, escalated) = await monitor.SweepAsync(cancellationToken).ConfigureAwait(false);
        if (reminded + escalated > 0)
        {
            LogSwept(reminded, escalated);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA sweep: {Reminded} reminder(s), {Escalated} escalation(s)")]
    private partial void LogSwept(int reminded, int escalated);
}
