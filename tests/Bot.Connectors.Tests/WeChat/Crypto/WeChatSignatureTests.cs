using Bot.Connectors.WeChat.Crypto;

namespace Bot.Connectors.Tests.WeChat.Crypto;

public sealed class WeChatSignatureTests
{
    [Fact]
    public void Compute_V4GetVerify_MatchesOfficialSignature() =>
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatSignature.Compute("AAAAA", "1714036504", "1514711492"));

    [Fact]
    public void Compute_V4PlainPost_MatchesOfficialSignature() =>
        Assert.Equal("899cf89e464efb63f54ddac96b0a0a235f53aa78", WeChatSignature.Compute("AAAAA", "1714037059", "486452656"));

    [Fact]
    public void Compute_V4SafePostWithoutEncrypt_GivesTheUrlSignatureNotMsgSignature() =>
        Assert.Equal("6c5c811b55cc85e0e1b54100749188c20beb3f5d", WeChatSignature.Compute("AAAAA", "1714112445", "415670741"));

    [Fact]
    public void Compute_PartOrder_DoesNotMatter() =>
        Assert.Equal(WeChatSignature.Compute("b", "A", "1"), WeChatSignature.Compute("1", "b", "A"));

    [Fact]
    public void Compute_MixedCaseParts_SortsOrdinally()
    {
        // Ordinal puts "B" (0x42) before "a" (0x61); a culture-aware sort would put "a" first.
        var expected = WeChatSignature.Compute("Ba");
        Assert.Equal(expected, WeChatSignature.Compute("a", "B"));
    }

    [Fact]
    public void Matches_CorrectSignature_ReturnsTrue() =>
        Assert.True(WeChatSignature.Matches("f464b24fc39322e44b38aa78f5edd27bd1441696", "AAAAA", "1714036504", "1514711492"));

    [Fact]
    public void Matches_UpperCaseHex_ReturnsTrue() =>
        Assert.True(WeChatSignature.Matches("F464B24FC39322E44B38AA78F5EDD27BD1441696", "AAAAA", "1714036504", "1514711492"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("f464b24fc39322e44b38aa78f5edd27bd1441697")]
    [InlineData("f464b24f")]
    public void Matches_WrongOrMissingSignature_ReturnsFalse(string? signature) =>
        Assert.False(WeChatSignature.Matches(signature, "AAAAA", "1714036504", "1514711492"));
}
