using Bot.Connectors.Storage;
using Bot.Connectors.Storage.ConsoleAccounts;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.AdminConsole.Accounts;

/// <summary>Console accounts in the database; writes go through the write gate.</summary>
public sealed class ConsoleAccountStore(IDbContextFactory<BotDbContext> contexts, DatabaseWriteGate gate, TimeProvider clock)
{
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConsoleAccounts.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ConsoleAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ConsoleAccounts.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        return rows.Select(ToAccount).ToList();
    }

    public async Task<ConsoleAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ConsoleAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Username == username, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    /// <exception cref="InvalidOperationException">The username is taken.</exception>
    public Task<ConsoleAccount> CreateAsync(string username, string password, string role, long? gridCompoundId, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.ConsoleAccounts.AnyAsync(a => a.Username == username, cancellationToken))
            {
                throw new InvalidOperationException($"账号 {username} 已存在。");
            }

            var row = new ConsoleAccountRow
            {
                Username = username, PasswordHash = ConsolePasswords.Hash(username, password), Role = role,
                GridCompoundId = role == ConsoleRoles.GridLeader ? gridCompoundId : null,
                Stamp = Guid.NewGuid().ToString("N"), CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            };
            db.ConsoleAccounts.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return ToAccount(row);
        }, cancellationToken);

    /// <exception cref="KeyNotFoundException">No such account.</exception>
    public Task<ConsoleAccount> UpdateAsync(string username, ConsoleAccountChange change, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.ConsoleAccounts.SingleOrDefaultAsync(a => a.Username == username, cancellationToken)
                ?? throw new KeyNotFoundException($"没有账号 {username}。");
            row.Role = change.Role ?? row.Role;
            row.GridCompoundId = row.Role == ConsoleRoles.GridLeader ? change.GridCompoundId ?? row.GridCompoundId : null;
            row.Disabled = change.Disabled ?? row.Disabled;
            if (change.Password is { } password)
            {
                row.PasswordHash = ConsolePasswords.Hash(username, password);
                (row.FailedCount, row.LockedUntilMs) = (0, null);
            }

            row.Stamp = Guid.NewGuid().ToString("N");
            await db.SaveChangesAsync(cancellationToken);
            return ToAccount(row);
        }, cancellationToken);

    /// <summary>Checks a password and keeps the failure count: the account locks after too many failures in a row.</summary>
    public Task<SignInOutcome> SignInAsync(string username, string password, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken) =>
        gate.RunAsync(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.ConsoleAccounts.SingleOrDefaultAsync(a => a.Username == username, cancellationToken);
            if (row is null)
            {
                ConsolePasswords.Verify(username, ConsolePasswords.Hash(username, "-"), password); // same work as a real check
                return new SignInOutcome(SignInStatus.Invalid, null, null);
            }

            var now = clock.GetUtcNow();
            if (row.LockedUntilMs is { } until && until > now.ToUnixTimeMilliseconds())
            {
                return new SignInOutcome(SignInStatus.LockedOut, null, DateTimeOffset.FromUnixTimeMilliseconds(until));
            }

            if (!ConsolePasswords.Verify(username, row.PasswordHash, password))
            {
                row.FailedCount = row.LockedUntilMs is not null ? 1 : row.FailedCount + 1;
                row.LockedUntilMs = row.FailedCount >= maxFailures ? now.Add(lockout).ToUnixTimeMilliseconds() : null;
                await db.SaveChangesAsync(cancellationToken);
                return row.LockedUntilMs is { } locked
                    ? new SignInOutcome(SignInStatus.LockedOut, null, DateTimeOffset.FromUnixTimeMilliseconds(locked))
                    : new SignInOutcome(SignInStatus.Invalid, null, null);
            }

            (row.FailedCount, row.LockedUntilMs) = (0, null);
            await db.SaveChangesAsync(cancellationToken);
            return row.Disabled ? new SignInOutcome(SignInStatus.Disabled, null, null) : new SignInOutcome(SignInStatus.Succeeded, ToAccount(row), null);
        }, cancellationToken);

    private static ConsoleAccount ToAccount(ConsoleAccountRow row) => new(
        row.Id, row.Username, row.Role, row.GridCompoundId, row.FailedCount,
        row.LockedUntilMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        row.Disabled, row.Stamp, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
}

public enum SignInStatus
{
    Succeeded,
    Invalid,
    LockedOut,
    Disabled,
}

public sealed record SignInOutcome(SignInStatus Status, ConsoleAccount? Account, DateTimeOffset? LockedUntil);
