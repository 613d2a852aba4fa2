using Bot.Connectors.WeChat;

namespace Bot.Connectors.Tests.WeChat;

public sealed class WeChatOptionsValidatorTests
{
    // 43 characters from the WeChat documentation's example.
    private const string ValidKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly WeChatOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(_validator.Validate(null, new WeChatOptions()).Succeeded);

    [Fact]
    public void Validate_ValidKeys_Succeeds() =>
        Assert.True(_validator.Validate(null, new WeChatOptions { EncodingAESKey = ValidKey, PreviousEncodingAESKey = ValidKey }).Succeeded);

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF!")]
    public void Validate_MalformedKey_FailsNamingTheKey(string key)
    {
        var current = _validator.Validate(null, new WeChatOptions { EncodingAESKey = key });
        var previous = _validator.Validate(null, new WeChatOptions { PreviousEncodingAESKey = key });

        Assert.Contains("WeChat:EncodingAESKey", current.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("WeChat:PreviousEncodingAESKey", previous.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/relative")]
    [InlineData("ftp://api.weixin.qq.com")]
    public void Validate_ApiBaseUrlNotAbsoluteHttp_Fails(string url) =>
        Assert.False(_validator.Validate(null, new WeChatOptions { ApiBaseUrl = url }).Succeeded);

    [Fact]
    public void DecodeAesKey_ValidKey_Returns32Bytes() =>
        Assert.Equal(32, WeChatOptionsValidator.DecodeAesKey(ValidKey)!.Length);
}
