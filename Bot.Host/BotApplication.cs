using Bot.Connectors;
using Bot.Host.AdminConsole;
using Bot.Host.Endpoints;
using Bot.Host.Health;
using Bot.Host.Jobs;
using Bot.Host.Telemetry;
using Bot.Skills.Engine;

namespace Bot.Host;

/// <summary>The composition root, shared by Program, the tests and the benchmark.</summary>
public static class BotApplication
{
    public const string DefaultUrl = "http://localhost:5080";

    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.Find(Directory.GetCurrentDirectory()),
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddBotSkills();
        builder.Services.AddBotConnectors(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddBotHost();
        builder.Services.AddBotJobs(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddBotConsole();
        builder.Services.AddBotTelemetry(builder.Configuration);
        builder.Services.AddBotHealthChecks(builder.Configuration);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapHealth();
        app.MapReadiness();
        app.MapWeChatCallback();
        app.MapWeComCallback();
        app.MapWeComBot();
        app.MapSimulator();
        app.MapTickets();
        app.MapRoster();
        app.MapVenues();
        app.MapBookings();
        app.MapBookingCalendar();
        app.MapEvents();
        app.MapClassify();
        app.MapGroups();
        app.MapPromptEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapBotConsole();
        app.MapGet("/", () => Results.Redirect("/simulator")).ExcludeFromDescription();
        return app;
    }
}
