using Bot.Connectors.DependencyInjection;
using Bot.Connectors.WeCom.Api;
using Bot.TestSupport.WeCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Connectors.Tests.WeCom.Api;

/// <summary>One "host": the real registrations of <c>AddWeCom</c>, pointed at a <see cref="FakeWeComApi"/>.</summary>
internal sealed class WeComApiHarness : IAsyncDisposable
{
    public const string CorpId = "ww-test-corp";
    public const string Secret = "test-secret";
    public const string AgentId = "1000002";

    private WeComApiHarness(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IWeComAccessTokenProvider Tokens => Services.GetRequiredService<IWeComAccessTokenProvider>();

    public IWeComApiClient Client => Services.GetRequiredService<IWeComApiClient>();

    public WeComRateGates Gates => Services.GetRequiredService<WeComRateGates>();

    public static WeComApiHarness Create(FakeWeComApi api, TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WeCom:CorpId"] = CorpId,
                ["WeCom:Secret"] = Secret,
                ["WeCom:AgentId"] = AgentId,
                ["WeCom:ApiBaseUrl"] = api.BaseUrl,
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(clock)
            .AddLogging()
            .AddWeCom()

            // These tests move the fake clock past rate windows while requests are on the wire; the per-request send
            // deadline runs on the same clock and has tests of its own (SendTimeoutHandlerTests).
            .Configure<Bot.Connectors.Outbox.OutboxOptions>(o => o.SendTimeoutMs = 0)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new WeComApiHarness(services);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
