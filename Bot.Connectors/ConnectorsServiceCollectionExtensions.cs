using Bot.Connectors.Cluster;
using Bot.Connectors.DependencyInjection;
using Bot.Connectors.Language.Prompts;
using Bot.Connectors.Outbox;
using Bot.Connectors.WeChat;
using Bot.Connectors.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>Storage, conversation state, the WeChat and WeCom channels, the language model and the outbox plumbing.</summary>
    public static IServiceCollection AddBotConnectors(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddBotStorage(configuration, contentRoot);
        services.AddConversationState();
        services.AddClusterCoordination();
        services.AddWeChatApi();
        services.AddWeCom();
        services.AddComplaintClassification(contentRoot);
        services.AddPromptCatalog(contentRoot);
        services.AddLanguageModel();
        services.AddSingleton<IOutboundSender, WeChatOutboundSender>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Bot.Skills.Complaints.IResidentNotifier, OutboxResidentNotifier>();
        services.AddSingleton<Bot.Skills.Mediation.IReminderOutbox, ReminderOutbox>();
        services.AddOptions<Grid.GridAlertOptions>().BindConfiguration(Grid.GridAlertOptions.SectionName);
        services.AddSingleton<Bot.Skills.Complaints.IGridAlerter, Grid.OutboxGridAlerter>();
        services.AddSingleton<IOutboundSender, Grid.WeComRobotOutboundSender>();
        services.AddSingleton<Bot.Skills.Dispatch.IStaffNotifier, Grid.OutboxStaffNotifier>();
        services.AddSingleton<IOutboundSender, Grid.WeComAppOutboundSender>();
        services.Replace(ServiceDescriptor.Singleton<WeCom.IWeComLateReply, Grid.OutboxWeComLateReply>());

        // Staff commands replace the help-only default that AddWeCom registers.
        services.Replace(ServiceDescriptor.Singleton<WeCom.IWeComMessageHandler, Grid.WeComWorkerCommandAdapter>());
        return services;
    }
}
