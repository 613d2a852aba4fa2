using Bot.Connectors.WeCom;

namespace Bot.Connectors.Tests.WeCom;

public sealed class WeComOptionsValidatorTests
{
    private readonly WeComOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new WeComOptions()).Succeeded);
    }

    [Fact]
    public void Validate_V1Settings_Succeeds()
    {
        var options = new WeComOptions { EncodingAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", AgentId = "218" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("short", "218", "https://qyapi.weixin.qq.com")]
    [InlineData("", "agent", "https://qyapi.weixin.qq.com")]
    [InlineData("", "218", "/relative")]
    [InlineData("", "218", "ftp://qyapi.weixin.qq.com")]
    public void Validate_BadKeyAgentOrUrl_Fails(string key, string agentId, string apiBaseUrl)
    {
        var options = new WeComOptions { EncodingAESKey = key, AgentId = agentId, ApiBaseUrl = apiBaseUrl };

        Assert.True(_validator.Validate(null, options).Failed);
    }
}
