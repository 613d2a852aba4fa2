using Bot.Connectors.Outbox;
using Bot.Connectors.Redis;
using Bot.Connectors.State;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Api;
using Bot.Skills.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.DependencyInjection;

public static class WeChatApiServiceCollectionExtensions
{
    /// <summary>A backstop in real time; sends have their own, shorter deadline (<see cref="SendTimeoutHandler"/>).</summary>
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="WeChatOptions"/> (validated on start), the access-token provider with a token
    /// cache in Redis when <c>Redis:Configuration</c> is set and in memory otherwise, and the typed
    /// <see cref="IWeChatApiClient"/>.
    /// </summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>());
        services.AddTokenCache();
        services.AddHttpClient(WeChatAccessTokenProvider.HttpClientName, client => client.Timeout = HttpTimeout);
        services.TryAddSingleton<IWeChatAccessTokenProvider, WeChatAccessTokenProvider>();
        services.TryAddTransient<SendTimeoutHandler>();
        services.AddHttpClient<IWeChatApiClient, WeChatApiClient>(client => client.Timeout = HttpTimeout)
            .AddHttpMessageHandler<SendTimeoutHandler>();
        return services;
    }

    /// <summary>
    /// Registers the <see cref="IConversationStateStore"/>: Redis when <c>Redis:Configuration</c> is set,
    /// in process otherwise.
    /// </summary>
    public static IServiceCollection AddConversationState(this IServiceCollection services)
    {
        services.AddRedisConnection();
        services.TryAddSingleton<IConversationStateStore>(sp => sp.GetRequiredService<RedisConnection>().IsConfigured
            ? new RedisConversationStateStore(sp.GetRequiredService<RedisConnection>())
            : new InMemoryConversationStateStore(sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// The access-token cache every Tencent API client shares: in Redis (with a fetch lock) when
    /// <c>Redis:Configuration</c> is set, in process otherwise — and in process while Redis is down.
    /// </summary>
    public static IServiceCollection AddTokenCache(this IServiceCollection services)
    {
        services.AddRedisConnection();
        services.TryAddSingleton<ITokenCache>(sp => sp.GetRequiredService<RedisConnection>().IsConfigured
            ? new RedisTokenCache(
                sp.GetRequiredService<RedisConnection>(),
                new InMemoryTokenCache(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<RedisTokenCache>>())
            : new InMemoryTokenCache());
        return services;
    }

    /// <summary>Registers <see cref="RedisOptions"/> and the lazily connecting <see cref="RedisConnection"/>.</summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(RedisConnection)))
        {
            // Both AddWeChatApi and AddConversationState call this; bind the section once.
            return services;
        }

        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName);
        services.AddOptions<RedisOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisCircuit>();
        services.TryAddSingleton<RedisConnection>();
        return services;
    }
}
