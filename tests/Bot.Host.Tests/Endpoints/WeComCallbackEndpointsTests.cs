using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Bot.Connectors.WeCom;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Endpoints;

/// <summary>The published WeCom vectors (V1, V8) and passive replies, through the real endpoint.</summary>
public sealed class WeComCallbackEndpointsTests : IDisposable
{
    private const string V1Post = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";

    private const string V8Post = """{"tousername":"wx5823bf96d3bd56c7","encrypt":"CZWs4CWRpI4VolQlvn4dlEC1alN2MUEY2VklGehgBVLBrlVF7SyT+SV+Toj43l4ayJ9UMGKphktKKmP7B2j/P1ey67XB8PBgS7Wr5/8+w/yWriZv3Vmoo/MH3/1HsIWZrPQ3N2mJrelStIfI2Y8kLKXA7EhfZgZX4o+ffdkZDM76SEl79Ib9mw7TGjZ9Aw/x/A2VjNbV1E8BtEbRxYYcQippYNw7hr8sFfa3nW1xLdxokt8QkRX83vK3DFP2F6TQFPL2Tu98UwhcUpPvdJBuu1/yiOQIScppV3eOuLWEsko=","agentid":"218"}""";

    private readonly RecordingWeComHandler _handler = new();
    private readonly BotHostFactory _host;

    public WeComCallbackEndpointsTests()
    {
        _host = WeComRequests.Configure(new BotHostFactory())
            .WithServices(services => services.AddSingleton<IWeComMessageHandler>(_handler));
    }

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Get_V1UrlVerification_AnswersDecryptedEchoStr()
    {
        // echostr exactly as in the vector: percent-encoded '/', '+' and '=', decoded once by ASP.NET.
        var response = await _host.CreateClient().GetAsync(
            "/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780" +
            "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_V1WithUnencodedPlusAndSlash_StillAnswersEchoStr()
    {
        // Some proxies pass '+' through unencoded; query decoding turns it into a space, which base64 never has.
        var response = await _host.CreateClient().GetAsync(
            "/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780" +
            "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1616140317555161061", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_V1WithForgedSignature_Returns401()
    {
        var response = await _host.CreateClient().GetAsync(
            "/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4&timestamp=1409659589&nonce=263014780" +
            "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_V1XmlVector_HandsTextToHandlerAndRepliesEncryptedXml()
    {
        var response = await _host.CreateClient().SendAsync(
            WeComRequests.Vector("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", V1Post, "text/xml"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inbound = Assert.Single(_handler.Received);
        AssertVectorMessage(inbound);
        var reply = XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("mycreate", reply.Element("ToUserName")!.Value);
        Assert.Equal(WeComRequests.CorpId, reply.Element("FromUserName")!.Value);
        Assert.Equal("text", reply.Element("MsgType")!.Value);
        Assert.Equal("收到", reply.Element("Content")!.Value);
    }

    [Fact]
    public async Task Post_V8JsonVector_HandsTextToHandlerAndRepliesEncryptedJson()
    {
        var response = await _host.CreateClient().SendAsync(
            WeComRequests.Vector("0623cbc5a8cbee5bcc137c70de99575366fc2af3", "1409659813", "1372623149", V8Post, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertVectorMessage(Assert.Single(_handler.Received));
        var reply = JsonNode.Parse(WeComRequests.OpenJsonReply(await response.Content.ReadAsStringAsync()))!;
        Assert.Equal("mycreate", reply["ToUserName"]!.GetValue<string>());
        Assert.Equal("收到", reply["Content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SameMsgIdTwice_HandlesOnce()
    {
        var client = _host.CreateClient();
        var request = () => WeComRequests.Vector("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", V1Post, "text/xml");

        var first = await client.SendAsync(request());
        var retry = await client.SendAsync(request());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(string.Empty, await retry.Content.ReadAsStringAsync());
        Assert.Single(_handler.Received);
    }

    private static void AssertVectorMessage(WeComInbound inbound)
    {
        Assert.Equal("mycreate", inbound.FromUserName);
        Assert.Equal("text", inbound.MsgType);
        Assert.Equal("hello", inbound.Content);
        Assert.Equal("4561255354251345929", inbound.MsgId);
        Assert.Equal(1409659813, inbound.CreateTime);
        Assert.Equal("218", inbound.AgentId);
        Assert.Equal(Channels.WeCom, inbound.Message.Channel);
        Assert.Equal(InboundKind.Text, inbound.Message.Kind);
        Assert.Equal("hello", inbound.Message.Text);
    }
}
