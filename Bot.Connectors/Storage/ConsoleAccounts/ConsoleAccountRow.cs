using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.ConsoleAccounts;

/// <summary>One person who may sign in to the admin console (table <c>console_accounts</c>).</summary>
public sealed class ConsoleAccountRow
{
    public long Id { get; set; }

    public string Username { get; set; } = string.Empty;

    /// <summary>PBKDF2 hash with a per-user salt (ASP.NET Core Identity's format); never the password.</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary><c>admin</c>, <c>staff</c> or <c>grid_leader</c>.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>For grid leaders: the roster compound id whose tickets they see.</summary>
    public long? GridCompoundId { get; set; }

    public int FailedCount { get; set; }

    public long? LockedUntilMs { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Changes when the password, role or scope changes, so older sign-ins end.</summary>
    public string Stamp { get; set; } = string.Empty;

    public long CreatedAtMs { get; set; }
}

public static class ConsoleModel
{
    public static void ConfigureConsole(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<ConsoleAccountRow>(account =>
        {
            account.ToTable("console_accounts");
            account.HasIndex(a => a.Username).IsUnique();
        });
    }
}
