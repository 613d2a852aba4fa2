using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Mediation;

/// <summary>The mediator's side in WeCom: confirm, decline (the next mediator is asked), outcome onto the ticket.</summary>
public sealed partial class MediatorCommandTests : IAsyncLifetime
{
    private BookingHost _host = null!;
    private long _msgId = 1000;

    public async Task InitializeAsync() => _host = await BookingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Confirm_ByItsMediator_ResidentToldAndOtherMediatorRefused()
    {
        var number = await BookAsync("qian");

        Assert.Equal($"没有找到由您负责的预约 {number}。", await WeComAsync("wuayi", $"确认 {number}"));
        Assert.StartsWith($"已确认预约 {number}", await WeComAsync("zhoulawyer", $"确认 {number}"));
        Assert.Contains("调解员周律师已确认您的预约", await _host.WaitForResidentAsync("qian", "已确认您的预约"));
    }

    [Fact]
    public async Task Decline_AnotherMediatorFree_ReassignedAndResidentTold()
    {
        var number = await BookAsync("sun");

        Assert.Contains("已改派调解员吴阿姨", await WeComAsync("zhoulawyer", $"婉拒 {number} 临时出差"));

        Assert.Contains("改请调解员吴阿姨", await _host.WaitForResidentAsync("sun", "改请调解员"));
        Assert.Equal(await _host.MediatorIdAsync("吴阿姨"), Assert.Single((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray()).GetProperty("mediatorId").GetInt64());
    }

    [Fact]
    public async Task Propose_NewTime_ResidentAgrees_BookingMoved()
    {
        var number = await BookAsync("zhou");

        Assert.Contains("已把改期建议发给居民", await WeComAsync("zhoulawyer", $"改期 {number} 明天下午4点"));
        Assert.Contains("同意改期", await _host.WaitForResidentAsync("zhou", "建议将预约"));
        Assert.Contains("改到 1月8日（周二）16:00-17:00", await _host.SayAsync("zhou", $"同意改期 {number}"));
    }

    [Fact]
    public async Task Outcome_Settled_CompletesBookingAndResolvesLinkedTicket()
    {
        var filed = await _host.SayAsync("wu", "楼上邻居家漏水到我家，找他好几次都不肯赔偿，邻里纠纷");
        foreach (var answer in new[] { "幸福里小区3栋502", "上个月开始" })
        {
            // The complaint skill may ask where and since when before it files the ticket.
            filed = TicketNumber().IsMatch(filed) ? filed : await _host.SayAsync("wu", answer);
        }

        var ticket = TicketNumber().Match(filed).Value;
        Assert.NotEmpty(ticket);
        var number = await BookAsync("wu");

        Assert.Equal("请写明结果，例如：结果 " + number + " 成功（或 未成功、再次）", await WeComAsync("zhoulawyer", $"结果 {number} 还行"));
        Assert.Contains($"并更新工单 {ticket}", await WeComAsync("zhoulawyer", $"结果 {number} 成功"));

        Assert.Equal("completed", Assert.Single((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray()).GetProperty("state").GetString());
        var state = (await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket}")).GetProperty("ticket").GetProperty("state").GetString();
        Assert.Equal("follow_up", state);
    }

    private async Task<string> BookAsync(string user)
    {
        await _host.SayAsync(user, "我想预约调解，楼上漏水赔偿谈不拢");
        await _host.SayAsync(user, "请社区邀请");
        await _host.SayAsync(user, "1");
        return BookingNumber().Match(await _host.SayAsync(user, "确认")).Value;
    }

    private async Task<string> WeComAsync(string userId, string text)
    {
        var requests = new WeComRequests(_host.Factory.Clock.GetUtcNow());
        var response = await _host.Factory.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml(userId, text, Interlocked.Increment(ref _msgId))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XElement.Parse(WeComRequests.OpenXmlReply(await response.Content.ReadAsStringAsync())).Element("Content")!.Value;
    }

    [GeneratedRegex(@"B\d{4}-\d{5}")]
    private static partial Regex BookingNumber();

    [GeneratedRegex(@"\b20\d{2}-\d{6}\b")]
    private static partial Regex TicketNumber();
}
