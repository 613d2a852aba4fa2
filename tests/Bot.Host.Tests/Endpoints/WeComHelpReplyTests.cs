using System.Net;
using System.Xml.Linq;
using Bot.Connectors.WeCom;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Endpoints;

/// <summary>Until the dispatch slice lands, the default handler answers staff with the command list.</summary>
public sealed class WeComHelpReplyTests : IDisposable
{
    private readonly BotHostFactory _host = WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Post_TextWithDefaultHandler_RepliesHelpText()
    {
        var requests = new WeComRequests(_host.Clock.GetUtcNow());

        var response = await _host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("lisi", "你好", 11)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("lisi", reply.Element("ToUserName")!.Value);
        Assert.Equal(WeComHelpHandler.HelpText, reply.Element("Content")!.Value);
    }
}
