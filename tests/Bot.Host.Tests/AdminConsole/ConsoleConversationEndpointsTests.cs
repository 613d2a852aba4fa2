using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.AdminConsole;

/// <summary><c>GET /api/console/conversations</c>: the latest turns with the resident hashed and personal data masked.</summary>
public sealed class ConsoleConversationEndpointsTests(ConsoleHostFixture fixture) : IClassFixture<ConsoleHostFixture>
{
    private const string OpenId = "o6_rawOpenIdForReview99Xk";
    private readonly BotHostFactory _host = fixture.Host;

    [Fact]
    public async Task Conversations_SeededMessage_PhoneAndAddressAndOpenIdMasked()
    {
        await CalendarSeed.SayAsync(_host, OpenId, "我家在幸福里3栋502，电话13812345678，楼道灯坏了好几天");
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        var response = await clerk.GetAsync("/api/console/conversations?limit=20");
        var json = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(OpenId, json, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", json, StringComparison.Ordinal);
        Assert.DoesNotContain("幸福里3栋502", json, StringComparison.Ordinal);

        var turn = JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().First(t => t.GetProperty("message").GetString()!.Contains("楼道灯", StringComparison.Ordinal));
        Assert.Contains("138****5678", turn.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("幸福里**栋***", turn.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{8}$", turn.GetProperty("resident").GetString());
        Assert.False(string.IsNullOrEmpty(turn.GetProperty("intent").GetString()));
        Assert.NotEmpty(turn.GetProperty("replies").EnumerateArray());
    }

    [Fact]
    public async Task Conversations_IntentFilter_ReturnsOnlyThatIntent()
    {
        await CalendarSeed.SayAsync(_host, "o6_filterUser000001", "你好");
        await CalendarSeed.SayAsync(_host, "o6_filterUser000001", "小区门口垃圾堆了好几天没人清");
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        var all = await clerk.GetFromJsonAsync<JsonElement>("/api/console/conversations");
        var intent = all.GetProperty("items").EnumerateArray().First().GetProperty("intent").GetString();
        var filtered = await clerk.GetFromJsonAsync<JsonElement>($"/api/console/conversations?intent={intent}");
        Assert.NotEmpty(filtered.GetProperty("items").EnumerateArray());
        Assert.All(filtered.GetProperty("items").EnumerateArray(), t => Assert.Equal(intent, t.GetProperty("intent").GetString()));
        Assert.Contains(intent, all.GetProperty("intents").EnumerateArray().Select(i => i.GetString()));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("from=2026-13-01")]
    public async Task Conversations_BadQuery_Returns400(string query)
    {
        using var clerk = await ConsoleSession.SignInAsync(_host, "clerk");
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync("/api/console/conversations?" + query)).StatusCode);
    }
}
