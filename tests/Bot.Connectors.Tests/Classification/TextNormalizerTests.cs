using Bot.Connectors.Classification;

namespace Bot.Connectors.Tests.Classification;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("小区　噪音 \t太吵\n", "小区噪音太吵")]
    [InlineData("WiFi坏了！", "wifi坏了!")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_Text_IsFoldedToCanonicalForm(string? input, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(input));
    }

    [Fact]
    public void Normalize_FoldDigits_MapsEveryDigitToZero()
    {
        Assert.Equal("0栋00号", TextNormalizer.Normalize("3栋１2号", foldDigits: true));
    }
}
