using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bot.Connectors.Storage.Migrations;

/// <summary>
/// The PostgreSQL migration set's context: the same model as <see cref="BotDbContext"/>, a type of its own so its
/// migrations (in <c>Migrations/Postgres</c>) are kept apart from SQLite's, whose column types differ.
/// </summary>
public sealed class PostgresMigrationContext(DbContextOptions<PostgresMigrationContext> options) : BotDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the context; scaffolding a migration never connects.</summary>
public sealed class PostgresMigrationContextFactory : IDesignTimeDbContextFactory<PostgresMigrationContext>
{
    public PostgresMigrationContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMigrationContext>().UseNpgsql("Host=localhost;Database=neighbourhood_design_time").Options);
}
