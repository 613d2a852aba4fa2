using Bot.Connectors.DependencyInjection;
using Bot.Connectors.State;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Api;
using Bot.Skills.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.DependencyInjection;

public sealed class WeChatApiServiceCollectionExtensionsTests
{
    // Nothing listens here; resolving must not connect, so these tests pass without Redis.
    private const string UnusedRedis = "127.0.0.1:1";

    [Fact]
    public void AddConversationState_RedisNotConfigured_UsesInMemoryStore() =>
        Assert.IsType<InMemoryConversationStateStore>(Build().GetRequiredService<IConversationStateStore>());

    [Fact]
    public void AddConversationState_RedisConfigured_UsesRedisStoreWithoutConnecting() =>
        Assert.IsType<RedisConversationStateStore>(Build(redis: UnusedRedis).GetRequiredService<IConversationStateStore>());

    [Fact]
    public void AddWeChatApi_RedisNotConfigured_UsesInMemoryTokenCache() =>
        Assert.IsType<InMemoryTokenCache>(Build().GetRequiredService<ITokenCache>());

    [Fact]
    public void AddWeChatApi_RedisConfigured_UsesRedisTokenCache() =>
        Assert.IsType<RedisTokenCache>(Build(redis: UnusedRedis).GetRequiredService<ITokenCache>());

    [Fact]
    public void AddWeChatApi_Defaults_BindsContractDefaults()
    {
        var options = Build().GetRequiredService<IOptions<WeChatOptions>>().Value;

        Assert.Equal("https://api.weixin.qq.com", options.ApiBaseUrl);
        Assert.Equal(300, options.ReplayWindowSeconds);
        Assert.Equal(4000, options.ReplyBudgetMs);
        Assert.Equal(65536, options.MaxBodyBytes);
        Assert.IsType<WeChatApiClient>(Build().GetRequiredService<IWeChatApiClient>());
    }

    [Theory]
    [InlineData("WeChat:EncodingAESKey", "too-short")]
    [InlineData("WeChat:ApiBaseUrl", "api.weixin.qq.com")]
    [InlineData("WeChat:ReplyBudgetMs", "6000")]
    public void AddWeChatApi_InvalidSetting_FailsValidation(string key, string value)
    {
        var services = Build(settings: new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WeChatOptions>>().Value);
    }

    private static ServiceProvider Build(string? redis = null, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? []) { ["Redis:Configuration"] = redis };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddWeChatApi()
            .AddConversationState()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
