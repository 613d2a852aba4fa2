using System.ComponentModel.DataAnnotations;

namespace Bot.Connectors.WeChat;

/// <summary>Official Account settings; see the configuration table in the external contract.</summary>
public sealed class WeChatOptions
{
    public const string SectionName = "WeChat";

    /// <summary>Callback token used for the signature of plain-mode requests.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>Official Account app id; also the receiveid checked in safe mode.</summary>
    public string AppId { get; set; } = string.Empty;

    public string AppSecret { get; set; } = string.Empty;

    /// <summary>43 characters of base64 without padding; empty when only plain mode is used.</summary>
    public string EncodingAESKey { get; set; } = string.Empty;

    /// <summary>Tried when <see cref="EncodingAESKey"/> fails, so callbacks keep working during key rotation.</summary>
    public string PreviousEncodingAESKey { get; set; } = string.Empty;

    /// <summary>Outbound API root; tests point it at a fake server.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.weixin.qq.com";

    /// <summary>Callbacks whose timestamp is further than this from now are rejected; 0 turns the check off.</summary>
    [Range(0, 24 * 60 * 60)]
    public int ReplayWindowSeconds { get; set; } = 300;

    /// <summary>
    /// Time a skill gets before the reply goes out through the customer-service API instead. WeChat gives up
    /// on a callback after 5 seconds, so anything above that would never be answered in time.
    /// </summary>
    [Range(0, 4900)]
    public int ReplyBudgetMs { get; set; } = 4000;

    /// <summary>Callback bodies larger than this are refused before parsing.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 65536;

    /// <summary>The template for notices outside the 48-hour window; see <see cref="NoticeTemplateOptions"/>.</summary>
    public NoticeTemplateOptions NoticeTemplate { get; set; } = new();

    public bool HasCredentials => AppId.Length > 0 && AppSecret.Length > 0;
}
