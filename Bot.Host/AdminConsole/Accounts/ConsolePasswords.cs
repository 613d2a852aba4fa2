using Microsoft.AspNetCore.Identity;

namespace Bot.Host.AdminConsole.Accounts;

/// <summary>PBKDF2 (HMAC-SHA512, per-user salt, ASP.NET Core Identity v3 format) for console passwords.</summary>
public static class ConsolePasswords
{
    private static readonly PasswordHasher<string> Hasher = new();

    public static string Hash(string username, string password) => Hasher.HashPassword(username, password);

    public static bool Verify(string username, string hash, string password) =>
        Hasher.VerifyHashedPassword(username, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
