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

    [Fact]
    public async Task Post_SameMessageToTwoHostsSharingOneDatabase_HandledOnce()
    {
        // A retry that a load balancer sends to another host is still a retry: the dedupe log is in the database.
        using var other = WeComRequests.Configure(new BotHostFactory(dataDirectory: _host.DataDirectory), replayWindowSeconds: 300);
        var requests = new WeComRequests(_host.Clock.GetUtcNow());
        _ = _host.CreateClient();

        var first = await _host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("lisi", "你好", 12)));
        var retry = await other.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("lisi", "你好", 12)));

        Assert.NotEmpty(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty(await retry.Content.ReadAsStringAsync());
    }
}
