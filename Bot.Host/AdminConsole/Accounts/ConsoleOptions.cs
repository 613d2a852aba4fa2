using System.ComponentModel.DataAnnotations;

namespace Bot.Host.AdminConsole.Accounts;

public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>Failed sign-ins in a row before the account is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A session ends after this long without a request (sliding).</summary>
    [Range(1, 720)]
    public int SessionHours { get; set; } = 8;

    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 8;
}
