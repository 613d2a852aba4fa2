namespace Bot.Connectors.WeChat.Api;

/// <summary>An access token with the moments it should be renewed and stops working.</summary>
public sealed record CachedAccessToken(string Value, DateTimeOffset RenewAt, DateTimeOffset ExpiresAt)
{
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Renewal starts when less than 5 minutes or 10% of the lifetime is left, but never in the first half
    /// of the lifetime: WeChat may hand back the same token with its short remaining life, and renewing that
    /// at once again would turn every call into a token fetch.
    /// </summary>
    public static CachedAccessToken Create(string value, DateTimeOffset obtainedAt, TimeSpan lifetime)
    {
        var margin = TimeSpan.FromTicks(Math.Max(MinimumMargin.Ticks, lifetime.Ticks / 10));
        margin = TimeSpan.FromTicks(Math.Min(margin.Ticks, lifetime.Ticks / 2));
        return new CachedAccessToken(value, obtainedAt + lifetime - margin, obtainedAt + lifetime);
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool NeedsRenewal(DateTimeOffset now) => now >= RenewAt;
}
