using Microsoft.Extensions.Options;

namespace Bot.Connectors.WeChat;

/// <summary>Checks what data annotations cannot: the shape of the AES keys and the API root.</summary>
public sealed class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public const int AesKeyLength = 43;

    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAesKey(nameof(WeChatOptions.EncodingAESKey), options.EncodingAESKey, failures);
        CheckAesKey(nameof(WeChatOptions.PreviousEncodingAESKey), options.PreviousEncodingAESKey, failures);

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var root)
            || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{WeChatOptions.SectionName}:{nameof(WeChatOptions.ApiBaseUrl)} must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <returns>The 32-byte AES key, or null when <paramref name="encodingAesKey"/> is not a valid key.</returns>
    public static byte[]? DecodeAesKey(string encodingAesKey)
    {
        if (encodingAesKey is not { Length: AesKeyLength })
        {
            return null;
        }

        // WeChat hands out the key without base64's trailing padding.
        var buffer = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", buffer, out var written) && written == 32
            ? buffer[..32]
            : null;
    }

    private static void CheckAesKey(string key, string value, List<string> failures)
    {
        if (value.Length > 0 && DecodeAesKey(value) is null)
        {
            failures.Add($"{WeChatOptions.SectionName}:{key} must be empty or 43 base64 characters that decode to 32 bytes.");
        }
    }
}
