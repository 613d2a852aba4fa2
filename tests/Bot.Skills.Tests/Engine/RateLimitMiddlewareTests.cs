using Bot.Skills.Engine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Skills.Tests.Engine;

public sealed class RateLimitMiddlewareTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private int _nextCalls;

    [Fact]
    public async Task InvokeAsync_OverLimit_RepliesTooFastWithoutRunningTheRest()
    {
        var middleware = Create(maxPerMinute: 2);

        await InvokeAsync(middleware);
        await InvokeAsync(middleware);
        var third = await InvokeAsync(middleware);

        Assert.Equal(2, _nextCalls);
        Assert.Equal(Intents.RateLimited, third.Intent);
        Assert.StartsWith("您发送得太频繁了，请稍后再试。", Assert.Single(third.Replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_AfterTheMinute_RunsTheTurnAgain()
    {
        var middleware = Create(maxPerMinute: 1);
        await InvokeAsync(middleware);
        await InvokeAsync(middleware);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var result = await InvokeAsync(middleware);

        Assert.Equal("next", result.Intent);
        Assert.Equal(2, _nextCalls);
    }

    [Fact]
    public async Task InvokeAsync_LimitZero_NeverLimits()
    {
        var middleware = Create(maxPerMinute: 0);

        for (var i = 0; i < 50; i++)
        {
            await InvokeAsync(middleware);
        }

        Assert.Equal(50, _nextCalls);
    }

    [Fact]
    public async Task InvokeAsync_Replay_NotCountedNorRefused()
    {
        var middleware = Create(maxPerMinute: 1);
        await InvokeAsync(middleware);

        var replay = await InvokeAsync(middleware, fresh: false);
        var fresh = await InvokeAsync(middleware);

        Assert.Equal("next", replay.Intent);
        Assert.Equal(Intents.RateLimited, fresh.Intent);
    }

    private RateLimitMiddleware Create(int maxPerMinute) =>
        new(new InProcessRateLimiter(_clock), Options.Create(new IntakeOptions { MaxMessagesPerMinute = maxPerMinute }));

    private Task<TurnResult> InvokeAsync(RateLimitMiddleware middleware, bool fresh = true)
    {
        var message = new InboundMessage(Channels.WeChat, "o-flood", Guid.NewGuid().ToString("N"), InboundKind.Text, _clock.GetUtcNow(), "你好");
        return middleware.InvokeAsync(new TurnContext(message) { FreshlyAccepted = fresh }, (_, _) =>
        {
            _nextCalls++;
            return Task.FromResult(TurnResult.Silent("next"));
        }, CancellationToken.None);
    }
}
