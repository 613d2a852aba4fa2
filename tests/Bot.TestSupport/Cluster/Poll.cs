using System.Diagnostics;

namespace Bot.TestSupport.Cluster;

/// <summary>Waiting on real processes: ask again every 100 ms until the condition holds or the deadline passes.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> failure)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(failure);
        var elapsed = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (elapsed.Elapsed > timeout)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds:0} s: {failure()}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }
}
