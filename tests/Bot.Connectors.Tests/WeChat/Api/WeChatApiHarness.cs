using Bot.Connectors.DependencyInjection;
using Bot.Connectors.WeChat.Api;
using Bot.TestSupport.WeChat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Connectors.Tests.WeChat.Api;

/// <summary>One "host": the real DI registrations of <c>AddWeChatApi</c>, pointed at a <see cref="FakeWeChatApi"/>.</summary>
internal sealed class WeChatApiHarness : IAsyncDisposable
{
    public const string AppId = "wx-test-app";
    public const string AppSecret = "test-secret";

    private WeChatApiHarness(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IWeChatAccessTokenProvider Tokens => Services.GetRequiredService<IWeChatAccessTokenProvider>();

    public IWeChatApiClient Client => Services.GetRequiredService<IWeChatApiClient>();

    public static WeChatApiHarness Create(FakeWeChatApi api, TimeProvider clock, string? redis = null, string appId = AppId)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WeChat:AppId"] = appId,
                ["WeChat:AppSecret"] = AppSecret,
                ["WeChat:ApiBaseUrl"] = api.BaseUrl,
                ["Redis:Configuration"] = redis,
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddLogging()
            .AddWeChatApi()

            // Tests here move the fake clock while requests are on the wire (token expiry, refresh locks); the
            // per-request send deadline runs on the same clock and has tests of its own (SendTimeoutHandlerTests).
            .Configure<Bot.Connectors.Outbox.OutboxOptions>(o => o.SendTimeoutMs = 0)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new WeChatApiHarness(services);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
