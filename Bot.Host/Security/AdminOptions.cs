namespace Bot.Host.Security;

public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Bearer key for <c>/api/*</c>. Empty: generated on first start and kept in <see cref="KeyFile"/>.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Where a generated key is kept, relative to the content root.</summary>
    public string KeyFile { get; set; } = "data/admin-key";
}
