using Bot.TestSupport.WeChat;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport;

/// <summary>
/// Requests a fake API accepts and never answers, to drill client timeouts. A hung request is recorded as a call
/// but never counted as delivered: the fake cannot know whether the real API would have delivered it.
/// </summary>
internal sealed class HungRequests : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(string Path, Func<FakeApiCall, bool> Matches)> _pending = [];
    private readonly CancellationTokenSource _released = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private int _hung;

    /// <summary>Requests that were held without an answer so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _hung;
            }
        }
    }

    /// <param name="matches">Which calls to hold; null for any call to <paramref name="path"/>.</param>
    public void HangNext(string path, int count, Func<FakeApiCall, bool>? matches = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _pending.Add((path, matches ?? (static _ => true)));
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> requests are being (or were) held.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_hung >= count)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }

        await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
    }

    /// <summary>
    /// True when this request was held until the client gave up (or the fake stopped): send nothing. Checked before
    /// any queued failure, which a held request leaves for the next one; <paramref name="record"/> logs the call.
    /// </summary>
    public async Task<bool> HoldIfDueAsync(FakeApiCall call, HttpContext context, Action record)
    {
        lock (_gate)
        {
            var index = _pending.FindIndex(p => p.Path == call.Path && p.Matches(call));
            if (index < 0)
            {
                return false;
            }

            _pending.RemoveAt(index);
            record();
            _hung++;
            foreach (var waiter in _waiters.Where(w => _hung >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _released.Token);
        await Task.Delay(Timeout.InfiniteTimeSpan, either.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        context.Abort();
        return true;
    }

    /// <summary>Lets go of requests still held, so the server can stop.</summary>
    public void Dispose()
    {
        _released.Cancel();
        _released.Dispose();
    }
}
