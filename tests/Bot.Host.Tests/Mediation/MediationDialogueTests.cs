using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.TestSupport.WeCom;

namespace Bot.Host.Tests.Mediation;

/// <summary>Booking the tea room through the bot, end to end: simulator → dialogue → database → WeCom card.</summary>
public sealed partial class MediationDialogueTests : IAsyncLifetime
{
    private BookingHost _host = null!;

    public async Task InitializeAsync() => _host = await BookingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Dialogue_TopicPartyPickConfirm_BookedAndMediatorGetsCard()
    {
        Assert.Contains("需要调解的事情", await _host.SayAsync("amei", "我想预约调解"));
        Assert.Contains("对方是谁", await _host.SayAsync("amei", "楼上漏水到我家，协商赔偿没谈拢"));
        var offers = await _host.SayAsync("amei", "请社区邀请");
        Assert.Contains("1. 1月7日（周一）11:00-12:00 睦邻茶室（调解员周律师）", offers);
        Assert.Contains("2. 1月7日（周一）14:00-15:00", offers);

        Assert.Contains("已为您保留：1月7日（周一）11:00-12:00", await _host.SayAsync("amei", "1"));
        var confirmed = await _host.SayAsync("amei", "确认");

        var number = Number().Match(confirmed).Value;
        Assert.StartsWith("预约成功！预约号：B2030-", confirmed);
        Assert.Contains("社区将出面邀请对方参加", confirmed);
        await _host.WeCom.WaitForSendsAsync(FakeWeComApi.AppSendPath, 1, TimeSpan.FromSeconds(20));
        var card = Assert.Single(_host.WeCom.AppSends);
        Assert.Equal("zhoulawyer", card["touser"]!.GetValue<string>());
        Assert.Contains(number, card["text"]!["content"]!.GetValue<string>());
        var booking = Assert.Single((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray());
        Assert.Equal("confirmed", booking.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Dialogue_TypedChineseTime_HoldsThatSlot()
    {
        await StartAsync("bo");

        Assert.Contains("已为您保留：1月8日（周二）15:00-16:00", await _host.SayAsync("bo", "明天下午3点"));
        Assert.StartsWith("预约成功", await _host.SayAsync("bo", "确认"));
    }

    [Fact]
    public async Task Dialogue_TypedTimeOutsideHours_OffersThatDaysFreeSlots()
    {
        await StartAsync("cai");

        var answer = await _host.SayAsync("cai", "明天中午12点半");

        Assert.Contains("约不上", answer);
        Assert.Contains("1月8日（周二）", answer);
    }

    [Fact]
    public async Task Dialogue_ImpossibleDate_AsksAgainClearly()
    {
        await StartAsync("dan");

        Assert.Contains("2月30日不存在", await _host.SayAsync("dan", "2月30日上午10点"));
    }

    [Fact]
    public async Task Dialogue_HoldRunsOut_ConfirmRefusedAndSlotsOfferedAgain()
    {
        await StartAsync("eve");
        await _host.SayAsync("eve", "1");
        _host.Factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var late = await _host.SayAsync("eve", "确认");

        Assert.Contains("保留时间已过", late);

        // 09:06 now: with two hours' notice 11:00 is too soon, so the list starts in the afternoon.
        Assert.Contains("1. 1月7日（周一）14:00-15:00", late);
        Assert.DoesNotContain((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray(), b => b.GetProperty("state").GetString() != "expired");
    }

    [Fact]
    public async Task Dialogue_TwoResidentsPickSameSlot_SecondToldItIsGoneAndOfferedOthers()
    {
        await StartAsync("fu");
        await StartAsync("gao");

        Assert.Contains("已为您保留", await _host.SayAsync("fu", "1"));
        var second = await _host.SayAsync("gao", "1");

        Assert.Contains("刚刚被其他居民约走了", second);
        Assert.DoesNotContain("11:00-12:00 睦邻茶室（调解员周律师）", second);
    }

    [Fact]
    public async Task MyBookings_ListRescheduleCancel_OnlyOwnBookings()
    {
        var number = await BookAsync("hu");

        Assert.Contains(number, await _host.SayAsync("hu", "我的预约"));
        Assert.Contains("没有找到您名下的预约", await _host.SayAsync("intruder", $"取消预约 {number}"));
        Assert.Contains("已改期：预约 " + number + " 改到 1月9日（周三）10:00-11:00", await _host.SayAsync("hu", $"改期 {number} 后天上午10点"));
        Assert.Contains("无法改期", await _host.SayAsync("hu", $"改期 {number} 后天凌晨3点"));
        Assert.Contains("已取消预约", await _host.SayAsync("hu", $"取消预约 {number}"));
        Assert.Equal("cancelled", Assert.Single((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Council_JoinUntilFull_LastResidentToldNoSeats()
    {
        var hall = await (await _host.Admin.PostAsJsonAsync("/api/venues", new
        {
            name = "居民议事厅", address = "二楼", openingHours = "每天 08:00-21:30", capacity = 40, kinds = new[] { "council" },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var start = BookingHost.Monday9.AddDays(2).AddHours(10);
        await _host.Admin.PostAsJsonAsync("/api/council-sessions", new { venueId = hall.GetProperty("id").GetInt64(), start, end = start.AddHours(2), topic = "加装电梯", seats = 1 });

        Assert.Contains("1. 1月9日（周三）19:00-21:00 居民议事厅｜议题：加装电梯｜余1席", await _host.SayAsync("li", "参加议事"));
        Assert.Contains("报名成功", await _host.SayAsync("li", "1"));
        Assert.Contains("暂无可报名的议事会", await _host.SayAsync("ma", "我要议事"));
        Assert.Contains("加装电梯", await _host.SayAsync("li", "我的预约"));
    }

    private async Task StartAsync(string user)
    {
        await _host.SayAsync(user, "我想预约调解，楼上漏水赔偿谈不拢");
        Assert.Contains("可以预约的时段", await _host.SayAsync(user, "请社区邀请"));
    }

    private async Task<string> BookAsync(string user)
    {
        await StartAsync(user);
        await _host.SayAsync(user, "1");
        return Number().Match(await _host.SayAsync(user, "确认")).Value;
    }

    [GeneratedRegex(@"B\d{4}-\d{5}")]
    private static partial Regex Number();
}
