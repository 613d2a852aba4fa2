using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Bot.Connectors.WeChat.Crypto;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Endpoints;

public sealed class WeChatCallbackEndpointsTests : IDisposable
{
    private readonly BotHostFactory _host = new BotHostFactory().With("WeChat:PreviousEncodingAESKey", BotHostFactory.PreviousAesKey);

    public void Dispose() => _host.Dispose();

    private WeChatRequests Requests => new(_host.Clock.GetUtcNow());

    [Fact]
    public async Task Get_SignedEchostr_ReturnsEchostr()
    {
        var ts = _host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(BotHostFactory.Token, ts, "42");

        var body = await _host.CreateClient().GetStringAsync($"/wechat?signature={signature}&timestamp={ts}&nonce=42&echostr=4375120948345356249");

        Assert.Equal("4375120948345356249", body);
    }

    [Fact]
    public async Task Get_BadSignature_Returns401()
    {
        var response = await _host.CreateClient().GetAsync("/wechat?signature=0000&timestamp=1&nonce=42&echostr=abc");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_PlainText_RepliesWithPassiveTextXml()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Plain(WeChatRequests.TextXml("o-plain", "你好", WeChatRequests.NextMsgId())));

        var reply = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("o-plain", reply.Element("ToUserName")!.Value);
        Assert.Equal("gh_account", reply.Element("FromUserName")!.Value);
        Assert.Equal("text", reply.Element("MsgType")!.Value);
        Assert.Contains("社区信息与联系方式", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task Post_SafeMode_RepliesEncryptedAndSigned()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Safe(WeChatRequests.TextXml("o-safe", "你好", WeChatRequests.NextMsgId())));

        var reply = XElement.Parse(WeChatRequests.OpenReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("o-safe", reply.Element("ToUserName")!.Value);
        Assert.Contains("回复数字", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task Post_CompatibleMode_TrustsCipherAndRepliesEncrypted()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Safe(WeChatRequests.TextXml("o-compat", "你好", WeChatRequests.NextMsgId()), compatible: true));

        var reply = XElement.Parse(WeChatRequests.OpenReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("o-compat", reply.Element("ToUserName")!.Value);
    }

    [Fact]
    public async Task Post_PreviousKey_DecryptsAndRepliesWithThatKey()
    {
        var request = Requests.Safe(WeChatRequests.TextXml("o-rotated", "你好", WeChatRequests.NextMsgId()), key: BotHostFactory.PreviousAesKey);

        var response = await _host.CreateClient().SendAsync(request);

        var reply = XElement.Parse(WeChatRequests.OpenReply(await response.Content.ReadAsStringAsync(), BotHostFactory.PreviousAesKey));
        Assert.Equal("o-rotated", reply.Element("ToUserName")!.Value);
    }

    [Fact]
    public async Task Post_TimestampOutsideReplayWindow_Returns401AndProcessesNothing()
    {
        var requests = Requests;
        requests.Timestamp -= 301;

        var response = await _host.CreateClient().SendAsync(requests.Safe(WeChatRequests.TextXml("o-old", "你好", WeChatRequests.NextMsgId())));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => Task.FromResult(db.Inbox.Count())));
    }

    [Fact]
    public async Task Post_Subscribe_WelcomesWithMenu()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Plain(WeChatRequests.EventXml("o-new", "subscribe")));

        var reply = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("欢迎关注", reply.Element("Content")!.Value);
        Assert.Contains("5. 社区信息与联系方式", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task Post_ClickMenuKey_RoutesToSkill()
    {
        var response = await _host.CreateClient().SendAsync(Requests.Plain(WeChatRequests.EventXml("o-click", "CLICK", "community_info")));

        var reply = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("办公时间", reply.Element("Content")!.Value);
    }

    [Theory]
    [InlineData("unsubscribe", null)]
    [InlineData("VIEW", "https://example.org/")]
    [InlineData("LOCATION", null)]
    [InlineData("SomethingNew", null)]
    public async Task Post_SilentEvents_AnswerSuccess(string eventName, string? key)
    {
        var extra = eventName == "LOCATION" ? "<Latitude>31.2304</Latitude><Longitude>121.4737</Longitude><Precision>30</Precision>" : string.Empty;

        var response = await _host.CreateClient().SendAsync(Requests.Plain(WeChatRequests.EventXml("o-silent", eventName, key, extra: extra)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_TemplateSendJobFinish_RecordsDelivery()
    {
        var xml = WeChatRequests.EventXml("o-tpl", "TEMPLATESENDJOBFINISH", extra: "<MsgID>200163836</MsgID><Status><![CDATA[failed:user block]]></Status>");

        var response = await _host.CreateClient().SendAsync(Requests.Plain(xml));

        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        var delivery = await _host.QueryAsync(db => Task.FromResult(db.TemplateDeliveries.Single()));
        Assert.Equal("200163836", delivery.TemplateMsgId);
        Assert.Equal("failed:user block", delivery.Status);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o-img</FromUserName><CreateTime>1</CreateTime><MsgType>image</MsgType><PicUrl>http://x/y.jpg</PicUrl><MediaId>m</MediaId><MsgId>91</MsgId></xml>", "图片")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o-voice</FromUserName><CreateTime>1</CreateTime><MsgType>voice</MsgType><MediaId>m</MediaId><Format>amr</Format><Recognition>你好</Recognition><MsgId>92</MsgId></xml>", "回复数字")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o-loc</FromUserName><CreateTime>1</CreateTime><MsgType>location</MsgType><Location_X>31.2</Location_X><Location_Y>121.4</Location_Y><Scale>15</Scale><Label>某路</Label><MsgId>93</MsgId></xml>", "位置")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o-link</FromUserName><CreateTime>1</CreateTime><MsgType>link</MsgType><Title>t</Title><Url>http://x</Url><MsgId>94</MsgId></xml>", "链接")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>o-odd</FromUserName><CreateTime>1</CreateTime><MsgType>hologram</MsgType><MsgId>95</MsgId></xml>", "换个说法")]
    public async Task Post_OtherMessageTypes_GetPoliteAnswers(string xml, string expected)
    {
        var response = await _host.CreateClient().SendAsync(Requests.Plain(xml));

        var reply = XElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, reply.Element("Content")!.Value);
    }
}
