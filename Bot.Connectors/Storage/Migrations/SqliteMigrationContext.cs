using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Bot.Connectors.Storage.Migrations;

/// <summary>
/// The SQLite migration set's context: the same model as <see cref="BotDbContext"/>, a type of its own so its
/// migrations (in <c>Migrations/Sqlite</c>) are kept apart from PostgreSQL's, whose column types differ.
/// </summary>
public sealed class SqliteMigrationContext(DbContextOptions<SqliteMigrationContext> options) : BotDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add</c> build the context; it never opens the database.</summary>
public sealed class SqliteMigrationContextFactory : IDesignTimeDbContextFactory<SqliteMigrationContext>
{
    public SqliteMigrationContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMigrationContext>().UseSqlite("Data Source=design-time.db").Options);
}
