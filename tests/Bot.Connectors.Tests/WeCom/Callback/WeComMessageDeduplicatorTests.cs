using Bot.Connectors.WeCom.Callback;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Connectors.Tests.WeCom.Callback;

public sealed class WeComMessageDeduplicatorTests
{
    [Fact]
    public void TryRegister_SameKeyWithinRetention_FalseThenTrueAfterExpiry()
    {
        var clock = new FakeTimeProvider();
        var dedupe = new WeComMessageDeduplicator(clock);

        Assert.True(dedupe.TryRegister("k"));
        Assert.False(dedupe.TryRegister("k"));
        Assert.True(dedupe.TryRegister("other"));

        clock.Advance(WeComMessageDeduplicator.Retention);
        Assert.True(dedupe.TryRegister("k"));
    }

    [Fact]
    public void Forget_AfterRegister_LetsKeyThroughAgain()
    {
        var dedupe = new WeComMessageDeduplicator(new FakeTimeProvider());
        dedupe.TryRegister("k");

        dedupe.Forget("k");

        Assert.True(dedupe.TryRegister("k"));
    }
}
