using Bot.Connectors.Outbox;
using Bot.Host.Intake;
using Bot.Host.Security;
using Bot.Host.Simulator;
using Bot.Connectors.WeChat.Crypto;
using Bot.Host.WeChat;
using Bot.Host.Workers;

namespace Bot.Host;

public static class HostServiceCollectionExtensions
{
    /// <summary>Intake, background workers, the admin key and the simulator channel.</summary>
    public static IServiceCollection AddBotHost(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminKey>();
        services.AddSingleton<AdminAuthorization>();
        services.AddSingleton<Bookings.BookingLinks>();
        services.AddSingleton<Bot.Skills.Mediation.IBookingLinks>(sp => sp.GetRequiredService<Bookings.BookingLinks>());
        services.AddHostedService<AdminKeyAnnouncer>();

        services.AddSingleton<IRandomSource>(SecureRandomSource.Instance);
        services.AddSingleton<WeChatKeyRing>();
        services.AddSingleton<WeChatCallbackHandler>();
        services.AddSingleton<WeChatReplyRenderer>();

        services.AddSingleton<MessageIntake>();
        services.AddSingleton<Groups.GroupContextResolver>();
        services.AddSingleton<Bot.Connectors.WeCom.AiBot.IWeComBotHandler, Groups.WeComBotHandler>();
        services.AddSingleton<IOutboundSender, SimulatorOutboundSender>();
        services.AddHostedService<InboxRecoveryService>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<HandoffTimeoutService>();
        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
        return services;
    }
}
