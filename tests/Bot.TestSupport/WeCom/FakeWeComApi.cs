using System.Text.Json.Nodes;
using Bot.TestSupport.WeChat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.WeCom;

/// <summary>
/// The WeCom API on a real loopback port: gettoken (tokens wecom-token-1, -2, …), message/send (checks the
/// token) and webhook/send. Records every call, fails on demand with errcodes, and signals deliveries.
/// </summary>
public sealed partial class FakeWeComApi : IAsyncDisposable
{
    public const string TokenPath = "/cgi-bin/gettoken";
    public const string AppSendPath = "/cgi-bin/message/send";
    public const string RobotSendPath = "/cgi-bin/webhook/send";

    private readonly Lock _gate = new();
    private readonly List<FakeApiCall> _calls = [];
    private readonly Dictionary<string, Queue<(int ErrCode, string ErrMsg)>> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _accepted = new(StringComparer.Ordinal);
    private readonly List<(string Path, int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly Dictionary<string, Queue<int>> _httpFailures = new(StringComparer.Ordinal);
    private readonly HungRequests _hung = new();
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private long _responseDelayTicks;

    private FakeWeComApi(TimeProvider clock) => _clock = clock;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Added before every answer (real time: this is a network server).</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _responseDelayTicks));
        set => Interlocked.Exchange(ref _responseDelayTicks, value.Ticks);
    }

    public IReadOnlyList<FakeApiCall> Calls => Locked(() => _calls.ToList());

    /// <summary>App messages accepted (errcode 0), bodies in arrival order.</summary>
    public IReadOnlyList<JsonObject> AppSends => Accepted(AppSendPath);

    /// <summary>Robot messages accepted, bodies in arrival order; the key is in <see cref="CallsTo"/>.</summary>
    public IReadOnlyList<JsonObject> RobotSends => Accepted(RobotSendPath);

    /// <param name="clock">Decides token expiry; pass the test's FakeTimeProvider.</param>
    public static async Task<FakeWeComApi> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var fake = new FakeWeComApi(clock ?? TimeProvider.System);
        (fake._app, fake.BaseUrl) = await LoopbackApiServer.StartAsync(fake.HandleAsync, cancellationToken).ConfigureAwait(false);
        return fake;
    }

    public IReadOnlyList<FakeApiCall> CallsTo(string path) => Locked(() => _calls.Where(c => c.Path == path).ToList());

    /// <summary>The next <paramref name="count"/> calls to <paramref name="path"/> answer <paramref name="errCode"/>.</summary>
    public void FailNext(string path, int errCode, int count = 1, string errMsg = "fake failure")
    {
        lock (_gate)
        {
            var queue = _failures.TryGetValue(path, out var existing) ? existing : _failures[path] = new();
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue((errCode, errMsg));
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="path"/> answer with an HTTP error status.</summary>
    public void FailNextWithHttp(string path, int statusCode, int count = 1)
    {
        lock (_gate)
        {
            var queue = _httpFailures.TryGetValue(path, out var existing) ? existing : _httpFailures[path] = new Queue<int>();
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(statusCode);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> calls to <paramref name="path"/> are accepted and never answered.</summary>
    public void HangNext(string path, int count = 1) => _hung.HangNext(path, count);

    /// <summary>Calls held without an answer so far (never counted as accepted).</summary>
    public int HungCalls => _hung.Count;

    /// <summary>Completes once at least <paramref name="count"/> calls are being held without an answer.</summary>
    public Task WaitForHungCallsAsync(int count, TimeSpan timeout) => _hung.WaitForAsync(count, timeout);

    /// <summary>Completes once at least <paramref name="count"/> messages to <paramref name="path"/> were accepted.</summary>
    public async Task WaitForSendsAsync(string path, int count, TimeSpan timeout)
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (AcceptedCount(path) >= count)
            {
                return;
            }

            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((path, count, signal));
        }

        try
        {
            await signal.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} accepted calls to {path} within {timeout}, got {Locked(() => AcceptedCount(path))}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _hung.Dispose();
        await LoopbackApiServer.StopAsync(_app).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var call = await LoopbackApiServer.ReadCallAsync(context).ConfigureAwait(false);
        if (await _hung.HoldIfDueAsync(call, context, () => Record(call)).ConfigureAwait(false))
        {
            return;
        }

        int? httpFailure;
        lock (_gate)
        {
            _calls.Add(call);
            httpFailure = _httpFailures.TryGetValue(call.Path, out var failures) && failures.Count > 0 ? failures.Dequeue() : null;
        }

        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (httpFailure is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        var answer = Answer(call);
        await LoopbackApiServer.WriteJsonAsync(context, answer).ConfigureAwait(false);
    }

    private void Record(FakeApiCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private JsonObject Answer(FakeApiCall call)
    {
        if (call.Path == TokenPath)
        {
            return IssueToken(call.Query.GetValueOrDefault("corpid"), call.Query.GetValueOrDefault("corpsecret"));
        }

        lock (_gate)
        {
            if (_failures.TryGetValue(call.Path, out var failures) && failures.TryDequeue(out var failure))
            {
                return Error(failure.ErrCode, failure.ErrMsg);
            }
        }

        return call.Path switch
        {
            AppSendPath => Accept(call, CheckToken(call.AccessToken)),
            RobotSendPath => Accept(call, string.IsNullOrEmpty(call.Query.GetValueOrDefault("key")) ? 93000 : 0),
            _ => Error(0, "ok"),
        };
    }

    private JsonObject Accept(FakeApiCall call, int errCode)
    {
        if (errCode != 0)
        {
            return Error(errCode, "refused by the fake");
        }

        if (call.Json is not JsonObject body)
        {
            return Error(40035, "invalid json");
        }

        lock (_gate)
        {
            (_accepted.TryGetValue(call.Path, out var list) ? list : _accepted[call.Path] = []).Add(body);
            foreach (var waiter in _waiters.Where(w => AcceptedCount(w.Path) >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }

        return Error(0, "ok");
    }

    private int AcceptedCount(string path) => _accepted.TryGetValue(path, out var list) ? list.Count : 0;

    private IReadOnlyList<JsonObject> Accepted(string path) => Locked(() => _accepted.TryGetValue(path, out var list) ? list.ToList() : []);

    private static JsonObject Error(int errCode, string errMsg) => new() { ["errcode"] = errCode, ["errmsg"] = errMsg };

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
