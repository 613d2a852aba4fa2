using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bot.Connectors.Storage;

/// <summary>Recognises provider errors the code reacts to, whichever database is behind the context.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>True when <paramref name="exception"/> (or an inner one) is a unique or primary key violation.</summary>
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
                case SqliteException sqlite when sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode == SqliteConstraint:
                    // Builds without extended codes report the bare constraint code; only UNIQUE wording counts then.
                    return sqlite.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>
    /// True when the database refused or could not be reached (SQLite busy, PostgreSQL down or its pool exhausted, a
    /// timeout): the work stays where it is and is tried again later.
    /// </summary>
    public static bool IsOutage(Exception exception) => exception is DbException or TimeoutException;
}
