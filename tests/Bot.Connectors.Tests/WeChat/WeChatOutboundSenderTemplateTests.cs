using Bot.Connectors.Outbox;
using Bot.Connectors.Storage;
using Bot.Connectors.Tests.Storage;
using Bot.Connectors.WeChat;
using Bot.Connectors.WeChat.Api;
using Bot.Skills.Engine;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.WeChat;

/// <summary>Notices outside the 48-hour window go as the configured template message instead of waiting.</summary>
public sealed class WeChatOutboundSenderTemplateTests : IDisposable
{
    private static readonly ResidentKey Resident = new(Channels.WeChat, "openid-template");
    private readonly StorageTestDatabase _db = new();
    private readonly RecordingApi _api = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task SendAsync_UnpromptedNoticeOutsideWindow_SendsTemplateWithFilledFields()
    {
        await ResidentWroteAsync(hoursAgo: 49);

        var outcome = await Sender(Template()).SendAsync(Notice("网格员赵六回复（工单 2026-000001）：明早八点上门维修楼道灯，请家里留人"), CancellationToken.None);

        Assert.Equal(SendResult.Sent, outcome.Result);
        Assert.Empty(_api.Custom);
        var (openId, templateId, data) = Assert.Single(_api.Templates);
        Assert.Equal((Resident.UserId, "tmpl-notice"), (openId, templateId));
        Assert.StartsWith("网格员赵六回复（工单", data["thing1"]);
        Assert.DoesNotContain("明早", data["thing1"]);
        Assert.Equal(20, data["thing2"].Length);
        Assert.EndsWith("…", data["thing2"]);
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$", data["time3"]);
    }

    [Fact]
    public async Task SendAsync_NoTemplateConfigured_DefersUntilResidentWrites()
    {
        await ResidentWroteAsync(hoursAgo: 49);

        var outcome = await Sender(new NoticeTemplateOptions()).SendAsync(Notice("请为本次服务评分"), CancellationToken.None);

        Assert.Equal(SendResult.Deferred, outcome.Result);
        Assert.Empty(_api.Templates);
    }

    [Fact]
    public async Task SendAsync_AnswerToResidentsMessageOutsideWindow_DefersEvenWithTemplate()
    {
        await ResidentWroteAsync(hoursAgo: 49);
        var answer = new OutboxItem(1, Resident, Reply.FromText("已为您登记"), 0, _db.Clock.GetUtcNow(), Unprompted: false);

        var outcome = await Sender(Template()).SendAsync(answer, CancellationToken.None);

        Assert.Equal(SendResult.Deferred, outcome.Result);
        Assert.Empty(_api.Templates);
    }

    [Fact]
    public async Task SendAsync_WeChatSays45015InsideWindow_FallsBackToTemplate()
    {
        await ResidentWroteAsync(hoursAgo: 1);
        _api.CustomErrCode = 45015;

        var outcome = await Sender(Template()).SendAsync(Notice("工单 2026-000002 已办结"), CancellationToken.None);

        Assert.Equal(SendResult.Sent, outcome.Result);
        Assert.Single(_api.Custom);
        Assert.Single(_api.Templates);
    }

    [Fact]
    public async Task SendAsync_TemplateRefusedAsUnsubscribed_Fails()
    {
        await ResidentWroteAsync(hoursAgo: 49);
        _api.TemplateErrCode = 43004;

        var outcome = await Sender(Template()).SendAsync(Notice("工单已办结"), CancellationToken.None);

        Assert.Equal(SendResult.Failed, outcome.Result);
    }

    private static NoticeTemplateOptions Template() => new()
    {
        TemplateId = "tmpl-notice",
        Fields = new(StringComparer.Ordinal) { ["thing1"] = "{title}", ["thing2"] = "{content}", ["time3"] = "{time}" },
    };

    private WeChatOutboundSender Sender(NoticeTemplateOptions template) =>
        new(_api, _db.Outbox, Options.Create(new WeChatOptions { NoticeTemplate = template }), _db.Clock);

    private OutboxItem Notice(string text) => new(1, Resident, Reply.FromText(text), 0, _db.Clock.GetUtcNow(), Unprompted: true);

    private async Task ResidentWroteAsync(int hoursAgo)
    {
        await _db.Inbox.AcceptAsync(new InboundMessage(Resident.Channel, Resident.UserId, "m1", InboundKind.Text, _db.Clock.GetUtcNow(), "你好"), CancellationToken.None);
        _db.Clock.Advance(TimeSpan.FromHours(hoursAgo));
    }

    private sealed class RecordingApi : IWeChatApiClient
    {
        public List<Reply> Custom { get; } = [];

        public List<(string OpenId, string TemplateId, IReadOnlyDictionary<string, string> Data)> Templates { get; } = [];

        public int CustomErrCode { get; set; }

        public int TemplateErrCode { get; set; }

        public Task<WeChatApiResult> SendCustomMessageAsync(string openId, Reply reply, CancellationToken cancellationToken)
        {
            Custom.Add(reply);
            return Task.FromResult(new WeChatApiResult(CustomErrCode, "x"));
        }

        public Task<WeChatApiResult> SendTemplateMessageAsync(
            string openId, string templateId, IReadOnlyDictionary<string, string> data, string? url, CancellationToken cancellationToken)
        {
            Templates.Add((openId, templateId, data));
            return Task.FromResult(new WeChatApiResult(TemplateErrCode, "x"));
        }
    }
}
