namespace Bot.Host.AdminConsole.Accounts;

/// <summary>A console account as the host uses it (the hash stays in the store).</summary>
public sealed record ConsoleAccount(
    long Id, string Username, string Role, long? GridCompoundId, int FailedCount, DateTimeOffset? LockedUntil,
    bool Disabled, string Stamp, DateTimeOffset CreatedAt);

/// <summary>What an admin may change on an account; null leaves it as it is.</summary>
public sealed record ConsoleAccountChange(string? Role, long? GridCompoundId, string? Password, bool? Disabled);
