using System.Text.Json.Nodes;

namespace Bot.TestSupport.WeCom;

/// <summary>gettoken and the token check of message/send, as WeCom documents them.</summary>
public sealed partial class FakeWeComApi
{
    private readonly Dictionary<string, DateTimeOffset> _validTokens = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>expires_in of issued tokens; 7200 s like WeCom.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>When set, gettoken with another corpid is refused with 40013.</summary>
    public string? ExpectedCorpId { get; set; }

    /// <summary>When set, gettoken with another secret is refused with 40001.</summary>
    public string? ExpectedSecret { get; set; }

    /// <summary>Calls to gettoken, including failed ones.</summary>
    public int TokenFetches => CallsTo(TokenPath).Count;

    /// <summary>Makes every token issued so far answer 42001, as after expiry.</summary>
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

    private JsonObject IssueToken(string? corpId, string? secret)
    {
        if (ExpectedCorpId is not null && corpId != ExpectedCorpId)
        {
            return Error(40013, "invalid corpid");
        }

        if (ExpectedSecret is not null && secret != ExpectedSecret)
        {
            return Error(40001, "invalid credential");
        }

        lock (_gate)
        {
            var token = $"wecom-token-{++_issued}";
            _validTokens[token] = _clock.GetUtcNow() + TokenLifetime;
            return new JsonObject
            {
                ["errcode"] = 0,
                ["errmsg"] = "ok",
                ["access_token"] = token,
                ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            };
        }
    }

    /// <returns>0 when the token may be used, else WeCom's errcode.</returns>
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
                return 40014;
            }

            return expiresAt <= _clock.GetUtcNow() ? 42001 : 0;
        }
    }
}
