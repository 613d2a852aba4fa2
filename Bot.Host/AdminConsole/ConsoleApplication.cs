using Bot.Host.AdminConsole.Auth;
using Bot.Host.AdminConsole.Calendar;
using Bot.Host.AdminConsole.Conversations;
using Bot.Host.AdminConsole.Endpoints;

namespace Bot.Host.AdminConsole;

/// <summary>Wires the admin console (issue 9): services, then the pages and the <c>/api/console</c> endpoints.</summary>
public static class ConsoleApplication
{
    public static IServiceCollection AddBotConsole(this IServiceCollection services)
    {
        services.AddConsole();
        services.AddSingleton<DashboardBuilder>();
        services.AddSingleton<ConsoleTicketActions>();
        services.AddSingleton<ConversationMasking>();
        return services;
    }

    public static WebApplication MapBotConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapConsolePages();
        app.MapConsoleAccounts();
        app.MapConsoleTickets();
        app.MapConsoleCalendar();
        app.MapConsoleConversations();
        return app;
    }
}
