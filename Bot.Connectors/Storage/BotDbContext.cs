using Bot.Connectors.Storage.Bookings;
using Bot.Connectors.Storage.ConsoleAccounts;
using Bot.Connectors.Storage.Events;
using Bot.Connectors.Storage.Grid;
using Bot.Connectors.Storage.Groups;
using Bot.Connectors.Storage.Handoff;
using Bot.Connectors.Storage.Prompts;
using Bot.Connectors.Storage.Knowledge;
using Bot.Connectors.Storage.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

/// <summary>
/// The one model the host uses. Not sealed only so the design-time migration contexts (one per provider, see
/// <c>Storage/Migrations</c>) can reuse it: they add nothing, and the runtime never sees them.
/// </summary>
public class BotDbContext : DbContext
{
    public BotDbContext(DbContextOptions<BotDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the migration contexts, whose options are typed to themselves.</summary>
    protected BotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<TemplateDelivery> TemplateDeliveries => Set<TemplateDelivery>();

    public DbSet<TicketRow> Tickets => Set<TicketRow>();

    public DbSet<TicketHistoryRow> TicketHistory => Set<TicketHistoryRow>();

    public DbSet<TicketCounter> TicketCounters => Set<TicketCounter>();

    public DbSet<CompoundRow> Compounds => Set<CompoundRow>();

    public DbSet<BuildingRow> Buildings => Set<BuildingRow>();

    public DbSet<PersonRow> People => Set<PersonRow>();

    public DbSet<PersonBuildingRow> PersonBuildings => Set<PersonBuildingRow>();

    public DbSet<ResidentBuildingRow> ResidentBuildings => Set<ResidentBuildingRow>();

    public DbSet<WeComMessageRow> WeComMessages => Set<WeComMessageRow>();

    public DbSet<HandoffSessionRow> HandoffSessions => Set<HandoffSessionRow>();

    public DbSet<GroupChatRow> GroupChats => Set<GroupChatRow>();

    public DbSet<GroupNoticeRow> GroupNotices => Set<GroupNoticeRow>();

    public DbSet<GroupNoticeDeliveryRow> GroupNoticeDeliveries => Set<GroupNoticeDeliveryRow>();

    public DbSet<PromptVersionRow> PromptVersions => Set<PromptVersionRow>();

    public DbSet<PromptActiveRow> PromptActive => Set<PromptActiveRow>();

    public DbSet<KnowledgeEntryRow> KnowledgeEntries => Set<KnowledgeEntryRow>();

    public DbSet<ConsoleAccountRow> ConsoleAccounts => Set<ConsoleAccountRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasIndex(m => new { m.Channel, m.MessageKey }).IsUnique();
            inbox.HasIndex(m => new { m.Status, m.Id });
            inbox.HasIndex(m => new { m.Status, m.LeaseUntilMs });
            inbox.HasIndex(m => new { m.Channel, m.UserId, m.Id });
        });
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox");
            outbox.HasIndex(m => new { m.Status, m.NextAttemptAtMs });
            outbox.HasIndex(m => new { m.Channel, m.UserId, m.Id });

            // Every accepted message re-arms its resident's deferred rows; this keeps that a single probe.
            outbox.HasIndex(m => new { m.Channel, m.UserId, m.Status });
        });
        modelBuilder.Entity<TemplateDelivery>(delivery =>
        {
            delivery.ToTable("template_deliveries");
            delivery.HasIndex(d => d.MessageKey).IsUnique();
        });
        modelBuilder.Entity<TicketRow>(ticket =>
        {
            ticket.ToTable("tickets");
            ticket.HasIndex(t => t.Number).IsUnique();
            ticket.HasIndex(t => new { t.Channel, t.UserId, t.Id });
            ticket.HasIndex(t => t.CreatedAtMs);

            // The SLA sweep looks only at tickets nobody has answered yet.
            ticket.HasIndex(t => new { t.RespondedAtMs, t.State });
        });
        modelBuilder.Entity<TicketHistoryRow>(history =>
        {
            history.ToTable("ticket_history");
            history.HasIndex(h => new { h.TicketId, h.Id });
        });
        modelBuilder.Entity<TicketCounter>(counter =>
        {
            counter.ToTable("ticket_counters");
            counter.HasKey(c => c.Year);
            counter.Property(c => c.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<WeComMessageRow>(message =>
        {
            message.ToTable("wecom_messages");
            message.HasKey(m => m.MessageKey);
            message.HasIndex(m => m.SeenAtMs);
        });
        modelBuilder.ConfigureGrid(Database.IsNpgsql());
        modelBuilder.ConfigureBookings();
        modelBuilder.ConfigureEvents();
        modelBuilder.Entity<SentNoticeRow>(notice =>
        {
            notice.ToTable("sent_notices");
            notice.HasKey(n => n.Key);
        });
        modelBuilder.ConfigureHandoff();
        modelBuilder.ConfigureGroups();
        modelBuilder.ConfigurePrompts();
        modelBuilder.ConfigureKnowledge();
        modelBuilder.ConfigureConsole();
    }
}
