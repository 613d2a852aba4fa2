using System.ComponentModel.DataAnnotations;
using Bot.Connectors.WeChat;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom.AiBot;

/// <summary>The WeCom AI bot (智能机器人) behind <c>/wecom/bot</c>: residents @-mention it in groups or chat with it.</summary>
public sealed class WeComBotOptions
{
    public const string SectionName = "WeCom:Bot";

    /// <summary>Callback token used in msg_signature.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>43 characters of base64; the bot's ciphers carry an empty receiveid.</summary>
    public string EncodingAESKey { get; set; } = string.Empty;

    /// <summary>The bot's display name: a group message is answered only when it contains "@" and this name.</summary>
    [Required]
    public string Name { get; set; } = "睦邻助手";

    /// <summary>How passive replies are shaped: <c>markdown</c>, <c>text</c>, or <c>stream</c> (one finished frame).</summary>
    [RegularExpression("^(markdown|text|stream)$")]
    public string ReplyFormat { get; set; } = "markdown";

    [Range(0, 24 * 60 * 60)]
    public int ReplayWindowSeconds { get; set; } = 300;

    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 65536;

    /// <summary>How long a callback waits for its answer; WeCom gives up on a passive reply after 5 s.</summary>
    [Range(100, 4800)]
    public int ReplyBudgetMs { get; set; } = 4000;

    /// <summary>Messages of one member being answered at once; more get a short "please wait".</summary>
    [Range(1, 20)]
    public int MaxInFlightPerUser { get; set; } = 3;

    public bool HasCallbackSettings => Token.Length > 0 && EncodingAESKey.Length > 0;
}

/// <summary>The AES key must decode; data annotations cannot say so.</summary>
public sealed class WeComBotOptionsValidator : IValidateOptions<WeComBotOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.EncodingAESKey.Length > 0 && WeChatOptionsValidator.DecodeAesKey(options.EncodingAESKey) is null
            ? ValidateOptionsResult.Fail($"{WeComBotOptions.SectionName}:{nameof(WeComBotOptions.EncodingAESKey)} must be empty or 43 base64 characters that decode to 32 bytes.")
            : ValidateOptionsResult.Success;
    }
}
