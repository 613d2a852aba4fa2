using System.Text.Json.Nodes;

namespace Bot.TestSupport.WeChat;

/// <summary>Access-token bookkeeping, following WeChat's documented behaviour of the two token endpoints.</summary>
public sealed partial class FakeWeChatApi
{
    /// <summary>stable_token hands out a new token in ordinary mode once less than this is left.</summary>
    private static readonly TimeSpan StableRenewalWindow = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, DateTimeOffset> _validTokens = new(StringComparer.Ordinal);
    private string? _currentToken;
    private int _issued;

    /// <summary>expires_in of issued tokens; 7200 s like WeChat.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>When set, token requests with another appid are refused with 40013.</summary>
    public string? ExpectedAppId { get; set; }

    /// <summary>When set, token requests with another secret are refused with 40125.</summary>
    public string? ExpectedSecret { get; set; }

    /// <summary>Calls to /cgi-bin/stable_token and /cgi-bin/token, including those that failed.</summary>
    public int TokenFetches => CallsTo(StableTokenPath).Count + CallsTo(TokenPath).Count;

    /// <summary>stable_token calls with force_refresh=true.</summary>
    public int ForcedTokenFetches =>
        CallsTo(StableTokenPath).Count(call => call.Json?["force_refresh"]?.GetValue<bool>() == true);

    public string? CurrentToken
    {
        get
        {
            lock (_gate)
            {
                return _currentToken;
            }
        }
    }

    /// <summary>Makes every token issued so far invalid: calls with them get 42001, as after expiry.</summary>
    public void ExpireTokens()
    {
        lock (_gate)
        {
            foreach (var token in _validTokens.Keys.ToList())
            {
                _validTokens[token] = DateTimeOffset.MinValue;
            }
        }
    }

    private JsonObject IssueToken(string? appId, string? secret, bool stable, bool forceRefresh)
    {
        if (ExpectedAppId is not null && appId != ExpectedAppId)
        {
            return Error(40013, "invalid appid");
        }

        if (ExpectedSecret is not null && secret != ExpectedSecret)
        {
            return Error(40125, "invalid appsecret");
        }

        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (stable && !forceRefresh && _currentToken is not null
                && _validTokens[_currentToken] - now > StableRenewalWindow)
            {
                // Ordinary stable_token calls return the same token with its remaining life.
                return TokenAnswer(_currentToken, _validTokens[_currentToken] - now);
            }

            if (forceRefresh)
            {
                // A forced refresh makes the previous tokens stop working at once.
                _validTokens.Clear();
            }

            _currentToken = $"token-{++_issued}";
            _validTokens[_currentToken] = now + TokenLifetime;
            return TokenAnswer(_currentToken, TokenLifetime);
        }
    }

    /// <returns>0 when the token may be used, else the errcode WeChat would answer.</returns>
    private int CheckToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 41001;
        }

        lock (_gate)
        {
            if (!_validTokens.TryGetValue(token, out var expiresAt))
            {
                return 40001;
            }

            return expiresAt <= _clock.GetUtcNow() ? 42001 : 0;
        }
    }

    private static JsonObject TokenAnswer(string token, TimeSpan left) =>
        new() { ["access_token"] = token, ["expires_in"] = (int)left.TotalSeconds };
}
