using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.WeCom;

/// <summary>WeCom (企业微信) self-built app settings; see the configuration table in the external contract.</summary>
public sealed class WeComOptions
{
    public const string SectionName = "WeCom";

    /// <summary>企业ID; also the receiveid inside every encrypted callback.</summary>
    public string CorpId { get; set; } = string.Empty;

    /// <summary>The app's AgentId (digits); app messages are sent as this app.</summary>
    public string AgentId { get; set; } = string.Empty;

    /// <summary>The app's Secret, for access tokens.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Callback token used in msg_signature.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>43 characters of base64 without padding; WeCom callbacks are always encrypted.</summary>
    public string EncodingAESKey { get; set; } = string.Empty;

    /// <summary>Outbound API root; tests point it at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>Callbacks whose timestamp is further than this from now are rejected; 0 turns the check off.</summary>
    [Range(0, 24 * 60 * 60)]
    public int ReplayWindowSeconds { get; set; } = 300;

    /// <summary>Callback bodies larger than this are refused before parsing.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 65536;

    /// <summary>
    /// How long a callback waits for its answer before replying empty; a later answer goes out as an app message.
    /// WeCom gives up on a passive reply after 5 s and retries, so this stays below that.
    /// </summary>
    [Range(100, 4800)]
    public int ReplyBudgetMs { get; set; } = 4000;

    /// <summary>Everything a callback needs: without it the endpoint answers 403.</summary>
    public bool HasCallbackSettings => Token.Length > 0 && CorpId.Length > 0 && EncodingAESKey.Length > 0;

    public bool HasCredentials => CorpId.Length > 0 && Secret.Length > 0;
}
