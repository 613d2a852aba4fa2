using Bot.Connectors.Cluster;
using Bot.Connectors.Storage.Grid;
using Bot.Connectors.Storage.Tickets;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Bot.Skills.Grid;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Connectors.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database (SQLite or PostgreSQL), the inbox and the outbox. A relative SQLite path is resolved against
    /// <paramref name="contentRoot"/> so the host finds the same file wherever it is started from.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        if (IsPostgres(options))
        {
            // PostgreSQL takes concurrent writers itself (row locks, ON CONFLICT): no process-wide write queue.
            services.AddPooledDbContextFactory<BotDbContext>(db => db.UseNpgsql(options.ConnectionString));
            services.AddSingleton(new DatabaseWriteGate(serialise: false));
        }
        else if (string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = ResolveSqlitePath(options.ConnectionString, contentRoot);
            services.AddPooledDbContextFactory<BotDbContext>(db => db
                .UseSqlite(connectionString)
                .AddInterceptors(new SqliteConnectionSetup()));
            services.AddSingleton(new DatabaseWriteGate(serialise: true));
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
        }

        services.AddHostedService<DatabaseInitializer>();
        Knowledge.KnowledgeStorageServiceCollectionExtensions.AddKnowledgeStore(services, contentRoot);
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName);
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<IInboxStore>(sp => sp.GetRequiredService<InboxStore>());
        services.AddSingleton<ITurnLedger>(sp => sp.GetRequiredService<InboxStore>());
        services.AddSingleton<ConversationLog>();
        services.AddSingleton<IOutboxStore, OutboxStore>();
        services.AddSingleton<TemplateDeliveryLog>();
        services.AddSingleton<ITicketLedger, TicketLedger>();
        services.AddSingleton<IGridRoster, GridRoster>();
        services.AddSingleton<Bot.Skills.Mediation.IBookingStore, Bookings.BookingStore>();
        services.AddSingleton<Bot.Skills.Mediation.IVenueCatalog, Bookings.VenueCatalog>();
        services.AddSingleton<Bot.Skills.Events.IEventStore, Events.EventStore>();
        services.AddSingleton<Bot.Connectors.WeCom.Callback.IWeComMessageLog, WeComMessageLogStore>();
        services.AddSingleton<Bot.Skills.Handoff.IHandoffSessionStore, Handoff.HandoffSessionStore>();
        services.AddSingleton<Bot.Skills.Groups.IGroupRegistry, Groups.GroupRegistry>();
        services.AddSingleton<Groups.PublicMatterStore>();
        services.AddSingleton<Bot.Skills.Groups.IPublicMatters>(sp => sp.GetRequiredService<Groups.PublicMatterStore>());
        services.AddSingleton<Bot.Skills.Groups.IGroupNoticeBoard, Groups.OutboxGroupNoticeBoard>();
        return services;
    }

    /// <summary>True when <c>Storage:Provider</c> is <c>Postgres</c>.</summary>
    public static bool IsPostgres(StorageOptions options) =>
        string.Equals(options?.Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
