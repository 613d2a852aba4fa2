using System.Globalization;
using System.Net;
using System.Text;
using Bot.Connectors.WeChat.Crypto;
using Bot.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Tests.Endpoints;

/// <summary>Hostile or broken callbacks: each gets a 4xx, never a 5xx, and nothing is processed.</summary>
public sealed class WeChatMalformedInputTests : IDisposable
{
    private const string Xxe = """<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>o-x</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>""";

    private const string BillionLaughs = """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><FromUserName>o</FromUserName><Content>&lol3;</Content></xml>""";

    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    private WeChatRequests Requests => new(_host.Clock.GetUtcNow());

    public static TheoryData<string> HostileXml => new()
    {
        Xxe,
        BillionLaughs,
        "<xml><ToUserName>gh</ToUserName><FromUserName>o-t</FromUserName><CreateTime>1</Crea",
        "not xml at all",
        "<xml><ToUserName>gh</ToUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>无发送者</Content></xml>",
        "<xml><FromUserName>o-n</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType><Content>x</Content></xml>",
    };

    [Theory]
    [MemberData(nameof(HostileXml))]
    public async Task Post_HostilePlainXml_Returns400(string xml)
    {
        var response = await _host.CreateClient().SendAsync(Requests.Plain(xml));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync());
        await AssertNothingProcessedAsync();
    }

    [Theory]
    [MemberData(nameof(HostileXml))]
    public async Task Post_HostileXmlInsideCipher_Returns400(string xml)
    {
        var response = await _host.CreateClient().SendAsync(Requests.Safe(xml));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_WrongAppIdInsideCipher_Returns400()
    {
        var request = Requests.Safe(WeChatRequests.TextXml("o-w", "你好", 1), receiveId: "wx0000000000000000");

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Theory]
    [InlineData("!!!not-base64!!!")]
    [InlineData("QUJD")]
    [InlineData("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==")]
    public async Task Post_BadCipher_Returns400(string encrypt)
    {
        var ts = _host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var msgSignature = WeChatSignature.Compute(BotHostFactory.Token, ts, "1", encrypt);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/wechat?timestamp={ts}&nonce=1&encrypt_type=aes&msg_signature={msgSignature}")
        {
            Content = new StringContent($"<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"),
        };

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_ForgedMsgSignature_Returns401()
    {
        var request = Requests.Safe(WeChatRequests.TextXml("o-f", "你好", 1));
        request.RequestUri = new Uri(request.RequestUri!.OriginalString.Replace("msg_signature=", "msg_signature=0", StringComparison.Ordinal), UriKind.Relative);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_ForgedPlainSignature_Returns401()
    {
        var request = Requests.Plain(WeChatRequests.TextXml("o-f", "你好", 1));
        request.RequestUri = new Uri(request.RequestUri!.OriginalString.Replace("signature=", "signature=f", StringComparison.Ordinal), UriKind.Relative);

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_TenMegabyteBody_Returns413()
    {
        var request = Requests.Plain("<xml><Content>" + new string('x', 10 * 1024 * 1024) + "</Content></xml>");

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_ChunkedOversizedBody_Returns413()
    {
        var request = Requests.Plain(string.Empty);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string('<', 70_000))));

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Plain(string.Empty));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Theory]
    [InlineData("/wechat?timestamp={ts}&nonce=1")]
    [InlineData("/wechat?signature=abc&nonce=1")]
    [InlineData("/wechat?signature=abc&timestamp={ts}")]
    [InlineData("/wechat?signature=abc&timestamp=yesterday&nonce=1")]
    [InlineData("/wechat?timestamp={ts}&nonce=1&encrypt_type=aes")]
    public async Task Post_MissingQueryParameter_Returns400(string url)
    {
        var ts = _host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url.Replace("{ts}", ts, StringComparison.Ordinal))
        {
            Content = new StringContent(WeChatRequests.TextXml("o-q", "你好", 1)),
        };

        var response = await _host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Get_MissingEchostr_Returns400()
    {
        var response = await _host.CreateClient().GetAsync("/wechat?signature=a&timestamp=1&nonce=2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task AssertNothingProcessedAsync() =>
        Assert.Equal(0, await _host.QueryAsync(db => db.Inbox.CountAsync()));
}
