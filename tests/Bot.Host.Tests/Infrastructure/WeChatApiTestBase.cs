using Bot.TestSupport.WeChat;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>A fake WeChat API per test, for host tests that check what the bot sent through it.</summary>
public abstract class WeChatApiTestBase : IAsyncLifetime
{
    protected FakeWeChatApi Api { get; private set; } = null!;

    public async Task InitializeAsync() => Api = await FakeWeChatApi.StartAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
