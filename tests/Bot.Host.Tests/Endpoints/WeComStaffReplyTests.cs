using System.Net;
using System.Xml.Linq;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Dispatch;

namespace Bot.Host.Tests.Endpoints;

/// <summary>The host answers staff with the worker-command handler, not the help-only default.</summary>
public sealed class WeComStaffReplyTests : IDisposable
{
    private readonly BotHostFactory _host = WeComRequests.Configure(new BotHostFactory(), replayWindowSeconds: 300);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Post_TextFromMemberNotOnRoster_RepliesNotOnRoster()
    {
        var requests = new WeComRequests(_host.Clock.GetUtcNow());

        var response = await _host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("lisi", "你好", 11)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync()));
        Assert.Equal("lisi", reply.Element("ToUserName")!.Value);
        Assert.Equal(WorkerCommandHandler.NotOnRoster, reply.Element("Content")!.Value);
    }
}
