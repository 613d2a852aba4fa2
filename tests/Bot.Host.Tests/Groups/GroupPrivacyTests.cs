using System.Net;
using Bot.Connectors.WeCom.AiBot;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Groups;

/// <summary>Nothing personal is said, asked for or filed in a group; private matters continue in private.</summary>
public sealed class GroupPrivacyTests : IDisposable
{
    private readonly BotHostFactory _host = WeComBotRequests.Configure(new BotHostFactory());
    private readonly WeComBotRequests _requests;

    public GroupPrivacyTests() => _requests = new WeComBotRequests(_host.Clock.GetUtcNow());

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("我是3栋201的张伟，电话13812345678，楼上天天半夜装修", new[] { "13812345678", "201", "张伟", "5678" })]
    [InlineData("我叫李小红，身份证330102199001011234，想问补贴", new[] { "李小红", "330102199001011234", "1234" })]
    [InlineData("幸福里5单元302王先生家漏水到我家了", new[] { "302", "王先生" })]
    [InlineData("帮我查一下工单2026-000123", new[] { "2026-000123", "000123" })]
    [InlineData("我的预约B2026-00017能改期吗", new[] { "B2026-00017", "00017" })]
    [InlineData("电话 138 1234 5678 联系我", new[] { "138 1234 5678", "5678" })]
    public async Task Post_PersonalDataInGroup_RedirectedWithoutEchoAndNothingFiled(string question, string[] personal)
    {
        var content = await AskAsync(question);

        Assert.Contains("私聊", content);
        Assert.Contains("公众号“幸福社区”", content);
        Assert.All(personal, fragment => Assert.DoesNotContain(fragment, content));
        Assert.True(_host.Services.GetRequiredService<GroupReplyGuard>().IsSafe(content));
        Assert.Equal(0, await _host.QueryAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await _host.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task Post_ComplaintInGroup_NotFiledAndSentToAPrivateChannel()
    {
        var content = await AskAsync("小区门口垃圾堆了好几天没人清理，臭死了");

        Assert.Equal("收到。具体情况请私聊我或在公众号“幸福社区”里详细说明（地点、时间、照片），我们会登记处理。为保护隐私，请不要在群里留电话、门牌号。", content);
        Assert.Equal(0, await _host.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Post_PresentDangerInGroup_SafetyAdviceAtOnceButNoTicketInTheGroup()
    {
        var content = await AskAsync("3栋楼道里煤气味很浓");

        Assert.Contains("119", content);
        Assert.Contains("私聊", content);
        Assert.Equal(0, await _host.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Post_ComplaintInGroupThenPrivateChat_OnlyThePrivateMessageFilesATicket()
    {
        await AskAsync("小区门口垃圾堆了好几天没人清理");

        var reply = await WeComBotRequests.ContentAsync(await _host.CreateClient().SendAsync(
            _requests.Post(WeComBotRequests.Text("3栋楼道里煤气味很浓", chatId: null))));

        Assert.Contains("119", reply);
        var ticket = await _host.QueryAsync(db => db.Tickets.SingleAsync());
        Assert.Equal("wecom-bot", ticket.Channel);
        Assert.Equal("zhangsan", ticket.UserId);
    }

    [Fact]
    public async Task Post_EveryGroupAnswer_PassesTheGuard()
    {
        string[] questions =
        [
            "", "你好", "社区电话多少", "怎么反映问题？", "办居住证需要什么材料", "路灯修了吗", "明天的夜市在哪", "茶室几点开门",
            "我的诉求办得怎么样了", "帮我预约调解", "楼上漏水", "转人工", "12栋1202室的刘阿姨走丢了", "业主王建国说电梯坏了",
        ];
        var guard = _host.Services.GetRequiredService<GroupReplyGuard>();

        foreach (var question in questions)
        {
            var content = await AskAsync(question);
            Assert.False(string.IsNullOrWhiteSpace(content), question);
            Assert.True(guard.IsSafe(content, ["zhangsan"]), $"{question} → {content}");
            Assert.True(content.Length <= 300, question);
        }

        Assert.Equal(0, await _host.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Post_SourceThatLeaksPersonalData_ReplacedByThePrivateHint()
    {
        using var host = WeComBotRequests.Configure(new BotHostFactory())
            .WithServices(s => s.AddSingleton<IGroupAnswerSource>(new LeakySource()));

        var response = await host.CreateClient().SendAsync(new WeComBotRequests(host.Clock.GetUtcNow()).Post(WeComBotRequests.Ask("夜市在哪")));
        var content = await WeComBotRequests.ContentAsync(response);

        Assert.StartsWith("涉及个人信息的事项请不要在群里发", content);
        Assert.DoesNotContain("13812345678", content);
    }

    [Fact]
    public async Task Post_FourthMessageWhileThreeInFlight_AnsweredBusy()
    {
        var handler = new GatedHandler();
        using var host = WeComBotRequests.Configure(new BotHostFactory()).WithServices(s => s.AddSingleton<IWeComBotHandler>(handler));
        var requests = new WeComBotRequests(host.Clock.GetUtcNow());
        var client = host.CreateClient();

        var first = Enumerable.Range(0, 3).Select(i => client.SendAsync(requests.Post(WeComBotRequests.Ask($"问题{i}")))).ToList();
        await handler.Entered(3).WaitAsync(TimeSpan.FromSeconds(20));
        var fourth = await client.SendAsync(requests.Post(WeComBotRequests.Ask("问题3")));
        var otherMember = client.SendAsync(requests.Post(WeComBotRequests.Ask("别人的问题", user: "lisi")));
        await handler.Entered(4).WaitAsync(TimeSpan.FromSeconds(20));
        handler.Release();

        Assert.Equal(WeComBotRunner.Busy, await WeComBotRequests.ContentAsync(fourth));
        foreach (var answer in await Task.WhenAll(first))
        {
            Assert.Equal("好的", await WeComBotRequests.ContentAsync(answer));
        }

        Assert.Equal("好的", await WeComBotRequests.ContentAsync(await otherMember));
        Assert.Equal(4, handler.Calls);
    }

    private async Task<string> AskAsync(string question)
    {
        var response = await _host.CreateClient().SendAsync(_requests.Post(WeComBotRequests.Ask(question)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WeComBotRequests.ContentAsync(response);
    }

    private sealed class LeakySource : IGroupAnswerSource
    {
        public int Order => 0;

        public ValueTask<string?> AnswerAsync(GroupQuestion question, CancellationToken cancellationToken) =>
            ValueTask.FromResult<string?>("夜市联系人王芳，电话13812345678");
    }

    private sealed class GatedHandler : IWeComBotHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task Entered(int count)
        {
            lock (_gate)
            {
                if (_calls >= count)
                {
                    return Task.CompletedTask;
                }

                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((count, signal));
                return signal.Task;
            }
        }

        public void Release() => _release.TrySetResult();

        public async Task<string?> HandleAsync(WeComBotMessage message, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                _calls++;
                foreach (var waiter in _waiters.Where(w => _calls >= w.Count).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Signal.TrySetResult();
                }
            }

            await _release.Task.WaitAsync(cancellationToken);
            return "好的";
        }
    }
}
