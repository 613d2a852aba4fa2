using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.TestSupport.Language;

/// <summary>
/// An OpenAI-compatible chat completions endpoint on a real loopback port: <c>POST /v1/chat/completions</c>
/// (and <c>/chat/completions</c>). Records every request and answers from a queue of scripted responses, then
/// from <see cref="DefaultResponder"/>; with neither, it answers HTTP 500 "no scripted response".
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<FakeOpenAiRequest> _requests = [];
    private readonly Queue<FakeOpenAiResponse> _script = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _aborted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _abortedCount;

    private FakeOpenAiServer()
    {
    }

    /// <summary>The API base for Llm:Endpoint, e.g. http://127.0.0.1:41234/v1.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Answers when the script is empty.</summary>
    public Func<FakeOpenAiRequest, FakeOpenAiResponse>? DefaultResponder { get; set; }

    public IReadOnlyList<FakeOpenAiRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Requests whose client went away before the answer (a cancelled hang or delay).</summary>
    public int AbortedCount => Volatile.Read(ref _abortedCount);

    /// <summary>Completes when the first request is aborted by its client.</summary>
    public Task FirstAbort => _aborted.Task;

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeOpenAiServer();
        (server._app, var root) = await LoopbackApiServer.StartAsync(server.HandleAsync, cancellationToken).ConfigureAwait(false);
        server.BaseUrl = root + "/v1";
        return server;
    }

    public void Enqueue(params FakeOpenAiResponse[] responses)
    {
        lock (_gate)
        {
            foreach (var response in responses)
            {
                _script.Enqueue(response);
            }
        }
    }

    /// <summary>Completes when <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count = 1)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed.TrySetResult();
        await LoopbackApiServer.StopAsync(_app).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsPost(context.Request.Method) || path is not ("/v1/chat/completions" or "/chat/completions"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new FakeOpenAiRequest(path, body, headers);
        var response = Record(request);
        try
        {
            await WaitAsync(response, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _abortedCount);
            _aborted.TrySetResult();
            return;
        }

        await WriteAsync(context, request, response).ConfigureAwait(false);
    }

    private FakeOpenAiResponse Record(FakeOpenAiRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }

            if (_script.TryDequeue(out var scripted))
            {
                return scripted;
            }
        }

        return DefaultResponder?.Invoke(request) ?? FakeOpenAiResponse.Status(500, "FakeOpenAiServer: no scripted response");
    }

    private async Task WaitAsync(FakeOpenAiResponse response, CancellationToken aborted)
    {
        if (response.Hangs)
        {
            await _disposed.Task.WaitAsync(aborted).ConfigureAwait(false);
        }
        else if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, aborted).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, FakeOpenAiRequest request, FakeOpenAiResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = response.RawBody ?? Completion(request, response.ContentText ?? string.Empty);
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static string Completion(FakeOpenAiRequest request, string content) => new JsonObject
    {
        ["id"] = "chatcmpl-fake-" + Guid.NewGuid().ToString("N")[..12],
        ["object"] = "chat.completion",
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["model"] = request.Model ?? "fake-model",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 20, ["completion_tokens"] = 10, ["total_tokens"] = 30 },
    }.ToJsonString();
}
