using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage;

public sealed class BotDbContext(DbContextOptions<BotDbContext> options) : DbContext(options)
{
    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<TemplateDelivery> TemplateDeliveries => Set<TemplateDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox");
            inbox.HasIndex(m => new { m.Channel, m.MessageKey }).IsUnique();
            inbox.HasIndex(m => new { m.Status, m.Id });
            inbox.HasIndex(m => new { m.Channel, m.UserId, m.Id });
        });
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox");
            outbox.HasIndex(m => new { m.Status, m.NextAttemptAtMs });
            outbox.HasIndex(m => new { m.Channel, m.UserId, m.Id });
        });
        modelBuilder.Entity<TemplateDelivery>(delivery =>
        {
            delivery.ToTable("template_deliveries");
            delivery.HasIndex(d => d.MessageKey).IsUnique();
        });
    }
}
