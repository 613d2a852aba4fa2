using Bot.Connectors.Outbox;
using Bot.Connectors.Redis;
using Bot.Connectors.WeChat.Api;
using Bot.Connectors.WeChat.Crypto;
using Bot.Connectors.WeCom;
using Bot.Connectors.WeCom.AiBot;
using Bot.Connectors.WeCom.Api;
using Bot.Connectors.WeCom.Callback;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.DependencyInjection;

public static class WeComServiceCollectionExtensions
{
    private static readonly TimeSpan HttpTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Registers <see cref="WeComOptions"/> (validated on start), the callback processor with the help-text
    /// handler unless another <see cref="IWeComMessageHandler"/> is registered, the access-token provider
    /// (sharing the WeChat token cache) and the paced <see cref="IWeComApiClient"/>.
    /// </summary>
    public static IServiceCollection AddWeCom(this IServiceCollection services)
    {
        services.AddOptions<WeComOptions>().BindConfiguration(WeComOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>());
        services.AddRedisConnection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource>(SecureRandomSource.Instance);

        services.TryAddSingleton<IWeComMessageHandler, WeComHelpHandler>();
        services.TryAddSingleton<IWeComMessageLog, WeComMessageDeduplicator>();
        services.TryAddSingleton<IWeComLateReply, LoggedLateReply>();
        services.TryAddSingleton<WeComMessageRunner>();
        services.TryAddSingleton<WeComCallbackProcessor>();

        // The AI bot (智能机器人) of /wecom/bot: its own token and key, the same crypto and dedupe log.
        services.AddOptions<WeComBotOptions>().BindConfiguration(WeComBotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WeComBotOptions>, WeComBotOptionsValidator>());
        services.TryAddSingleton<IWeComBotHandler, SilentWeComBotHandler>();
        services.TryAddSingleton<InFlightLimiter>();
        services.TryAddSingleton<WeComBotRunner>();
        services.TryAddSingleton<WeComBotCallbackProcessor>();

        services.AddTokenCache();
        services.AddHttpClient(WeComAccessTokenProvider.HttpClientName, client => client.Timeout = HttpTimeout);
        services.TryAddSingleton<IWeComAccessTokenProvider, WeComAccessTokenProvider>();
        services.TryAddSingleton<WeComRateGates>();
        services.TryAddTransient<SendTimeoutHandler>();
        services.AddHttpClient<IWeComApiClient, WeComApiClient>(client => client.Timeout = HttpTimeout)
            .AddHttpMessageHandler<SendTimeoutHandler>();
        return services;
    }
}
