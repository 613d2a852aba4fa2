using Bot.Connectors.Storage.Migrations;
using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Tests.Storage.Migrations;

/// <summary>Fails whenever the model changes without a migration for both providers.</summary>
public sealed class MigrationModelTests
{
    [Fact]
    public void SqliteMigrations_CurrentModel_HaveNoPendingModelChanges()
    {
        using var db = new SqliteMigrationContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: see README, Schema migrations.");
    }

    [Fact]
    public void PostgresMigrations_CurrentModel_HaveNoPendingModelChanges()
    {
        using var db = new PostgresMigrationContextFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a migration: see README, Schema migrations.");
    }

    [Fact]
    public void GetMigrations_BothProviders_HaveTheSameMigrationsInTheSameOrder()
    {
        using var sqlite = new SqliteMigrationContextFactory().CreateDbContext([]);
        using var postgres = new PostgresMigrationContextFactory().CreateDbContext([]);

        // Ids are "<timestamp>_<Name>"; the timestamps differ because each set is scaffolded separately.
        Assert.Equal(NamesOf(sqlite), NamesOf(postgres));
        Assert.Equal("InitialCreate", NamesOf(sqlite)[0]);
    }

    private static List<string> NamesOf(DbContext db) =>
        db.Database.GetMigrations().Select(id => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..]).ToList();
}
