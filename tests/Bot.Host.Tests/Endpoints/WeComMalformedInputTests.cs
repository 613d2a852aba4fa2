using System.Net;
using System.Xml.Linq;
using Bot.Connectors.WeCom;
using Bot.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Endpoints;

/// <summary>Forged, stale, broken and oversized WeCom callbacks: each a 4xx, never a 5xx, nothing handled.</summary>
public sealed class WeComMalformedInputTests : IDisposable
{
    private readonly RecordingWeComHandler _handler = new();
    private readonly BotHostFactory _host;

    public WeComMalformedInputTests()
    {
        _host = WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300)
            .WithServices(services => services.AddSingleton<IWeComMessageHandler>(_handler));
    }

    public void Dispose() => _host.Dispose();

    private WeComRequests Requests => new(_host.Clock.GetUtcNow());

    public static TheoryData<string> BrokenInner => new()
    {
        "<xml><FromUserName>u</FromUserName><Content>cut",
        """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><FromUserName>u</FromUserName><Content>&xxe;</Content></xml>""",
        "<xml><MsgType>text</MsgType><Content>无发送者</Content></xml>",
        "<xml><FromUserName>u</FromUserName><CreateTime>soon</CreateTime></xml>",
    };

    [Fact]
    public async Task Post_ValidSignedText_Returns200()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Xml(WeComRequests.TextXml("zhangsan", "接单 A1", 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("接单 A1", Assert.Single(_handler.Received).Content);
    }

    [Fact]
    public async Task Post_ForgedSignature_Returns401()
    {
        var response = await _host.CreateClient().SendAsync(
            Requests.Xml(WeComRequests.TextXml("zhangsan", "x", 2), signature: new string('0', 40)));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_TimestampOutsideReplayWindow_Returns401()
    {
        var requests = Requests;
        requests.Timestamp -= 301;

        var response = await _host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("zhangsan", "x", 3)));

        await AssertRefusedAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(BrokenInner))]
    public async Task Post_BrokenXmlInsideCipher_Returns400(string inner)
    {
        var response = await _host.CreateClient().SendAsync(Requests.Xml(inner));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"FromUserName":"u","CreateTime":""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("""{"MsgType":"text","Content":"无发送者"}""")]
    public async Task Post_BrokenJsonInsideCipher_Returns400(string inner)
    {
        var response = await _host.CreateClient().SendAsync(Requests.Json(inner));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("<xml><ToUserName>x</ToUserName><Encrypt>", "text/xml")]
    [InlineData("""{"tousername":"x","encrypt":""", "application/json")]
    [InlineData("""{"tousername":"x"}""", "application/json")]
    [InlineData("encrypt=abc", "text/plain")]
    [InlineData("", "text/xml")]
    public async Task Post_BrokenEnvelope_Returns400(string body, string contentType)
    {
        var response = await _host.CreateClient().SendAsync(Requests.Raw(body, contentType, "abc"));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("not*base64!")]
    [InlineData("QUJD")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public async Task Post_BadCipher_Returns400(string encrypt)
    {
        var response = await _host.CreateClient().SendAsync(Requests.XmlEnvelope(encrypt));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_WrongCorpIdInsideCipher_Returns400()
    {
        var response = await _host.CreateClient().SendAsync(
            Requests.Xml(WeComRequests.TextXml("zhangsan", "x", 4), receiveId: "wx0000000000000000"));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        var padding = new XElement("Padding", new string('x', 70_000)).ToString();
        var response = await _host.CreateClient().SendAsync(
            Requests.Xml(WeComRequests.TextXml("zhangsan", "x", 5).Replace("</xml>", padding + "</xml>", StringComparison.Ordinal)));

        await AssertRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/wecom?timestamp=1&nonce=2")]
    [InlineData("/wecom?msg_signature=a&timestamp=soon&nonce=2")]
    public async Task Post_MissingParameters_Returns400(string url)
    {
        var response = await _host.CreateClient().PostAsync(url, new StringContent("<xml/>"));

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Get_MissingEchoStr_Returns400()
    {
        var response = await _host.CreateClient().GetAsync($"/wecom?msg_signature=a&timestamp={Requests.Timestamp}&nonce=2");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_NotConfigured_Returns403()
    {
        using var bare = new BotHostFactory();

        var response = await bare.CreateClient().SendAsync(Requests.Xml(WeComRequests.TextXml("zhangsan", "x", 6)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        Assert.Empty(_handler.Received);
    }
}
