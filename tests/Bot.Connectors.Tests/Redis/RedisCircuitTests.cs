using Bot.Connectors.Redis;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.Redis;

public sealed class RedisCircuitTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    private RedisCircuit Create() => new(Options.Create(new RedisOptions { RetryAfterMs = 3000 }), _clock);

    [Fact]
    public void IsOpen_Fresh_False() => Assert.False(Create().IsOpen);

    [Fact]
    public void RecordFailure_WithinRetryPause_OpenThenClosesWhenPauseEnds()
    {
        var circuit = Create();

        circuit.RecordFailure();
        _clock.Advance(TimeSpan.FromMilliseconds(2999));
        var openBefore = circuit.IsOpen;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(openBefore);
        Assert.False(circuit.IsOpen);
    }

    [Fact]
    public void RecordSuccess_AfterFailure_ClosesAtOnce()
    {
        var circuit = Create();
        circuit.RecordFailure();

        circuit.RecordSuccess();

        Assert.False(circuit.IsOpen);
    }

    [Fact]
    public void BuildConfiguration_Unset_AppliesFailFastDefaults()
    {
        var options = RedisConnection.BuildConfiguration("127.0.0.1:6390");

        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(2000, options.ConnectTimeout);
        Assert.Equal(1000, options.SyncTimeout);
        Assert.Equal(1000, options.AsyncTimeout);
    }

    [Fact]
    public void BuildConfiguration_Explicit_KeepsOperatorsChoice()
    {
        var options = RedisConnection.BuildConfiguration("127.0.0.1:6390,abortConnect=true,connectTimeout=9000,syncTimeout=7000");

        Assert.True(options.AbortOnConnectFail);
        Assert.Equal(9000, options.ConnectTimeout);
        Assert.Equal(7000, options.SyncTimeout);
    }
}
