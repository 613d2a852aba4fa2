using Bot.Connectors.WeChat;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeCom;

/// <summary>Checks what data annotations cannot: the AES key, the AgentId and the API root.</summary>
public sealed class WeComOptionsValidator : IValidateOptions<WeComOptions>
{
    public ValidateOptionsResult Validate(string? name, WeComOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.EncodingAESKey.Length > 0 && WeChatOptionsValidator.DecodeAesKey(options.EncodingAESKey) is null)
        {
            failures.Add($"{WeComOptions.SectionName}:{nameof(WeComOptions.EncodingAESKey)} must be empty or 43 base64 characters that decode to 32 bytes.");
        }

        if (options.AgentId.Length > 0 && !int.TryParse(options.AgentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            failures.Add($"{WeComOptions.SectionName}:{nameof(WeComOptions.AgentId)} must be empty or a number.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var root)
            || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{WeComOptions.SectionName}:{nameof(WeComOptions.ApiBaseUrl)} must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
