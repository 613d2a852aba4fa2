using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.WeChat;

/// <summary>
/// The WeChat Official Account API on a real loopback port, for tests of code that calls it over HTTP.
/// It issues tokens token-1, token-2, …, checks the access_token of each call, records every call and
/// fails on demand. Unknown paths are recorded and answered with errcode 0.
/// </summary>
public sealed partial class FakeWeChatApi : IAsyncDisposable
{
    public const string StableTokenPath = "/cgi-bin/stable_token";
    public const string TokenPath = "/cgi-bin/token";
    public const string CustomSendPath = "/cgi-bin/message/custom/send";
    public const string TemplateSendPath = "/cgi-bin/message/template/send";

    private readonly Lock _gate = new();
    private readonly List<FakeApiCall> _calls = [];
    private readonly List<FakeCustomSend> _customSends = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _sendWaiters = [];
    private readonly Queue<(int ErrCode, string ErrMsg)> _sendFailures = new();
    private readonly Dictionary<string, Queue<int>> _httpFailures = new(StringComparer.Ordinal);
    private readonly HungRequests _hung = new();
    private readonly TimeProvider _clock;
    private WebApplication? _app;
    private long _responseDelayTicks;

    private FakeWeChatApi(TimeProvider clock) => _clock = clock;

    /// <summary>The API root to use as WeChat:ApiBaseUrl, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Added before every answer (real time: this is a network server).</summary>
    public TimeSpan ResponseDelay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _responseDelayTicks));
        set => Interlocked.Exchange(ref _responseDelayTicks, value.Ticks);
    }

    public IReadOnlyList<FakeApiCall> Calls => Locked(() => _calls.ToList());

    /// <param name="clock">Decides token expiry; pass the test's FakeTimeProvider to move both sides together.</param>
    public static async Task<FakeWeChatApi> StartAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var fake = new FakeWeChatApi(clock ?? TimeProvider.System);
        (fake._app, fake.BaseUrl) = await LoopbackApiServer.StartAsync(fake.HandleAsync, cancellationToken).ConfigureAwait(false);
        return fake;
    }

    public IReadOnlyList<FakeApiCall> CallsTo(string path) => Locked(() => _calls.Where(c => c.Path == path).ToList());

    /// <summary>The next <paramref name="count"/> calls to <paramref name="path"/> answer with an HTTP error status.</summary>
    public void FailNextWithHttp(int statusCode, int count = 1, string path = CustomSendPath)
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
    public void HangNext(int count = 1, string path = CustomSendPath) => _hung.HangNext(path, count);

    /// <summary>The next custom send to <paramref name="openId"/> is accepted and never answered.</summary>
    public void HangNextCustomSendTo(string openId) =>
        _hung.HangNext(CustomSendPath, 1, call => call.Json?["touser"]?.GetValue<string>() == openId);

    /// <summary>Calls held without an answer so far (never counted as accepted sends).</summary>
    public int HungCalls => _hung.Count;

    /// <summary>Completes once at least <paramref name="count"/> calls are being held without an answer.</summary>
    public Task WaitForHungCallsAsync(int count, TimeSpan timeout) => _hung.WaitForAsync(count, timeout);

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
        switch (call.Path)
        {
            case StableTokenPath:
                var json = call.Json;
                return IssueToken(
                    json?["appid"]?.GetValue<string>(),
                    json?["secret"]?.GetValue<string>(),
                    stable: true,
                    forceRefresh: json?["force_refresh"]?.GetValue<bool>() ?? false);
            case TokenPath:
                return IssueToken(call.Query.GetValueOrDefault("appid"), call.Query.GetValueOrDefault("secret"), stable: false, forceRefresh: false);
            case CustomSendPath:
                return AcceptCustomSend(call);
            default:
                return Error(0, "ok");
        }
    }

    private static JsonObject Error(int errCode, string errMsg) => new() { ["errcode"] = errCode, ["errmsg"] = errMsg };

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
