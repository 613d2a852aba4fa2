using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Connectors.Storage.Tickets;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Endpoints;

/// <summary>The AI bot through the real endpoint with encrypted payloads: mentions, chat types, dedupe, scope.</summary>
public sealed class WeComBotEndpointsTests : IDisposable
{
    private readonly BotHostFactory _host = WeComBotRequests.Configure(new BotHostFactory());
    private readonly WeComBotRequests _requests;

    public WeComBotEndpointsTests() => _requests = new WeComBotRequests(_host.Clock.GetUtcNow());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Get_UrlVerification_AnswersDecryptedEchoStr()
    {
        var response = await _host.CreateClient().GetAsync(_requests.VerifyUrl("echo-8861", out _));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo-8861", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_ForgedSignature_Returns401()
    {
        var url = _requests.VerifyUrl("echo", out var signature).Replace(signature, new string('0', 40), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Post_NotConfigured_Returns403()
    {
        using var bare = new BotHostFactory();
        var response = await bare.CreateClient().SendAsync(new WeComBotRequests(bare.Clock.GetUtcNow()).Post(WeComBotRequests.Ask("你好")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_CipherForAReceiveId_Returns400()
    {
        var response = await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask("你好"), receiveId: "wx5823bf96d3bd56c7"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"msgtype\":\"text\",\"from\":{\"userid\":\"u\"}}")]
    [InlineData("{\"msgid\":\"1\",\"msgtype\":\"text\"}")]
    [InlineData("[1,2,3]")]
    public async Task Post_MalformedPlaintext_Returns400(string plaintext)
    {
        var encrypt = new Bot.Connectors.WeChat.Crypto.WeChatMessageCrypto(WeComBotRequests.AesKey).Encrypt(plaintext, string.Empty);

        var response = await _host.CreateClient().SendAsync(_requests.PostRaw(encrypt));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Returns413()
    {
        var request = _requests.PostRaw(new string('A', 70_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _host.CreateClient().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Post_StaleTimestamp_Returns401()
    {
        _requests.Timestamp -= 3600;

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask("你好")))).StatusCode);
    }

    [Fact]
    public async Task Post_GroupMessageMentioningBot_RepliesEncryptedMarkdown()
    {
        var response = await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask("社区办公时间是几点？")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = WeComBotRequests.OpenReply(await response.Content.ReadAsStringAsync());
        Assert.Equal("markdown", reply["msgtype"]!.GetValue<string>());
        var content = reply["markdown"]!["content"]!.GetValue<string>();
        Assert.Contains("办公时间", content);
        Assert.Contains("0571-88886666", content);
    }

    [Fact]
    public async Task Post_GroupMessageWithoutMention_SaysNothing()
    {
        var response = await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Text("社区办公时间是几点？")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_SingleChatWithoutMention_AnsweredByTheConversationEngine()
    {
        var response = await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Text("你好", chatId: null)));

        var content = await WeComBotRequests.ContentAsync(response);
        Assert.Contains("回复数字", content);
        Assert.Equal(1, await _host.QueryAsync(db => db.Inbox.CountAsync(m => m.Channel == "wecom-bot")));
    }

    [Fact]
    public async Task Post_SameMsgIdTwice_AnsweredOnce()
    {
        var client = _host.CreateClient();
        var first = await client.SendAsync(_requests.Post(WeComBotRequests.Ask("社区电话多少", msgId: "dup-1")));
        var second = await client.SendAsync(_requests.Post(WeComBotRequests.Ask("社区电话多少", msgId: "dup-1")));

        Assert.Contains("0571-88886666", await WeComBotRequests.ContentAsync(first));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(string.Empty, await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_PublicMatterInCompoundGroup_AnswersForThatCompoundOnly()
    {
        var roster = _host.Services.GetRequiredService<IGridRoster>();
        var happy = await roster.UpsertCompoundAsync(new Compound(0, "幸福里小区", null), CancellationToken.None);
        var other = await roster.UpsertCompoundAsync(new Compound(0, "和平苑", null), CancellationToken.None);
        var admin = _host.CreateAdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/groups", new { chatId = "wrkHappy", name = "幸福里业主群", scope = "compound", compoundId = happy.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/groups", new { chatId = "wrkPeace", name = "和平苑群", scope = "compound", compoundId = other.Id })).StatusCode);
        await _host.QueryAsync(async db =>
        {
            db.Tickets.Add(new TicketRow
            {
                Number = "2026-000042", Channel = "wechat", UserId = "o-resident", Category = "facilities", Department = "城管",
                Text = "我是3栋201的王芳，13812345678，门口路灯坏了", Place = "幸福里小区3栋", Grid = "幸福里小区", Origin = "text", Reasons = "",
                State = 2, CreatedAtMs = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds(), UpdatedAtMs = _host.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            return await db.SaveChangesAsync();
        });
        var publish = await admin.PutAsJsonAsync("/api/tickets/2026-000042/public", new { @public = true, title = "3栋门口路灯维修" });
        Assert.Equal(HttpStatusCode.NoContent, publish.StatusCode);

        var here = await WeComBotRequests.ContentAsync(await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask("3栋路灯修了吗", chatId: "wrkHappy"))));
        var there = await WeComBotRequests.ContentAsync(await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask("3栋路灯修了吗", chatId: "wrkPeace"))));

        Assert.Contains("幸福里小区公开事项进度", here);
        Assert.Contains("3栋门口路灯维修：处置中", here);
        Assert.DoesNotContain("王芳", here);
        Assert.DoesNotContain("2026-000042", here);
        Assert.Contains("暂未查到和平苑", there);
    }

    [Fact]
    public async Task Post_VenueQuestion_AnswersOpeningHours()
    {
        var admin = _host.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/api/venues", new
        {
            name = "睦邻茶室", address = "党群服务中心一楼", openingHours = "每天 09:00-12:00；每天 14:00-20:00", capacity = 8, kinds = new[] { "mediation" },
        });
        Assert.True(created.IsSuccessStatusCode);

        var content = await WeComBotRequests.ContentAsync(await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask("茶室几点开门？"))));

        Assert.Contains("睦邻茶室（党群服务中心一楼）开放时间：每天 09:00-12:00；每天 14:00-20:00", content);
    }

    [Fact]
    public async Task PostGroup_UnknownCompound_Returns400()
    {
        var response = await _host.CreateAdminClient().PostAsJsonAsync("/api/groups", new { chatId = "wrkX", name = "X", scope = "compound", compoundId = 999 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("compoundId", problem.GetProperty("detail").GetString());
    }
}
