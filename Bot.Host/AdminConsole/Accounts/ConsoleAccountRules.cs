using System.Text.RegularExpressions;

namespace Bot.Host.AdminConsole.Accounts;

/// <summary>What a username and password must look like; null when fine, else the Chinese reason.</summary>
public static partial class ConsoleAccountRules
{
    public static string? Check(string? username, string? password, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (username is null || !UsernamePattern().IsMatch(username))
        {
            return "用户名须为 2–32 位字母、数字、_ . - 或汉字。";
        }

        return CheckPassword(password, options);
    }

    public static string? CheckPassword(string? password, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return password is null || password.Length < options.MinPasswordLength || password.Length > 128
            ? $"密码至少 {options.MinPasswordLength} 位。"
            : null;
    }

    [GeneratedRegex(@"^[\p{L}\p{Nd}_.\-]{2,32}$")]
    private static partial Regex UsernamePattern();
}
