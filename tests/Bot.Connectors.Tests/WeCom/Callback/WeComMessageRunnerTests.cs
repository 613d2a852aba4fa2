using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.Callback;
using Bot.Skills.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeCom.Callback;

public sealed class WeComMessageRunnerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly GatedHandler _handler = new();
    private readonly RecordingLateReply _late = new();

    [Fact]
    public async Task RunAsync_AnswerWithinBudget_ReturnsIt()
    {
        var runner = Runner();
        var run = runner.RunAsync(Inbound("k1"), CancellationToken.None);

        _handler.Answer("已接单");

        Assert.Equal("已接单", await run);
        Assert.Empty(_late.Sent);
    }

    [Fact]
    public async Task RunAsync_AnswerAfterBudget_RepliesEmptyThenSendsAnswerAsAppMessage()
    {
        var runner = Runner();
        var run = runner.RunAsync(Inbound("k2"), CancellationToken.None);
        await _handler.Started.Task;

        _clock.Advance(TimeSpan.FromMilliseconds(4000));
        Assert.Null(await run);
        Assert.Empty(_late.Sent);

        _handler.Answer("已办结上报");
        var sent = await _late.Next.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(("zhaoliu", "已办结上报"), sent);
    }

    [Fact]
    public async Task RunAsync_SameKeyTwice_HandledOnce()
    {
        var runner = Runner();
        _handler.Answer("好");

        Assert.Equal("好", await runner.RunAsync(Inbound("k3"), CancellationToken.None));
        Assert.Null(await runner.RunAsync(Inbound("k3"), CancellationToken.None));
        Assert.Equal(1, _handler.Calls);
    }

    [Fact]
    public async Task RunAsync_HandlerFails_KeyForgottenSoTheRetryIsHandled()
    {
        var runner = Runner();
        _handler.Fail(new InvalidOperationException("database down"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => runner.RunAsync(Inbound("k4"), CancellationToken.None));

        _handler.Reset();
        _handler.Answer("好");
        Assert.Equal("好", await runner.RunAsync(Inbound("k4"), CancellationToken.None));
    }

    private WeComMessageRunner Runner() => new(
        _handler,
        new WeComMessageDeduplicator(_clock),
        _late,
        Options.Create(new WeComOptions { ReplyBudgetMs = 4000 }),
        _clock,
        NullLogger<WeComMessageRunner>.Instance);

    private WeComInbound Inbound(string key) => new(
        new InboundMessage(Channels.WeCom, "zhaoliu", key, InboundKind.Text, _clock.GetUtcNow(), "接单 2026-000001"),
        "zhaoliu", "corp", "text", "接单 2026-000001", key, 0, "1000002", null, null, new Dictionary<string, string>());

    private sealed class GatedHandler : IWeComMessageHandler
    {
        private TaskCompletionSource<string?> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public void Answer(string text) => _answer.TrySetResult(text);

        public void Fail(Exception exception) => _answer.TrySetException(exception);

        public void Reset() => _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string?> HandleAsync(WeComInbound inbound, CancellationToken cancellationToken)
        {
            Calls++;
            Started.TrySetResult();
            return _answer.Task;
        }
    }

    private sealed class RecordingLateReply : IWeComLateReply
    {
        public List<(string, string)> Sent { get; } = [];

        public TaskCompletionSource<(string, string)> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SendAsync(string weComUserId, string text, CancellationToken cancellationToken)
        {
            Sent.Add((weComUserId, text));
            Next.TrySetResult((weComUserId, text));
            return Task.CompletedTask;
        }
    }
}
