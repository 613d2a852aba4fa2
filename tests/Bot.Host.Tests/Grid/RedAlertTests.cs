using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Connectors.Grid;
using Bot.TestSupport.WeCom;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Tests.Grid;

/// <summary>A red report reaches the community duty group at once, with the resident's details masked.</summary>
public sealed class RedAlertTests : IAsyncLifetime
{
    private FakeWeComApi _wecom = null!;

    public async Task InitializeAsync() => _wecom = await FakeWeComApi.StartAsync();

    public async Task DisposeAsync() => await _wecom.DisposeAsync();

    [Fact]
    public async Task RedComplaint_PostsMaskedAlertToDutyGroup()
    {
        using var host = new BotHostFactory()
            .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
            .With("Grid:DutyGroupWebhookKey", "duty-robot-key");

        var reply = await (await host.CreateAdminClient().PostAsJsonAsync("/api/simulator/messages",
            new { user = "sim-red", text = "幸福里小区3栋楼道里煤气味特别浓，我电话13812345678" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains("119", reply.GetProperty("replies")[0].GetProperty("text").GetString());
        await _wecom.WaitForSendsAsync(FakeWeComApi.RobotSendPath, 1, TimeSpan.FromSeconds(20));
        var call = Assert.Single(_wecom.CallsTo(FakeWeComApi.RobotSendPath));
        Assert.Equal("duty-robot-key", call.Query["key"]);
        var content = Assert.Single(_wecom.RobotSends)["markdown"]!["content"]!.GetValue<string>();
        Assert.Contains("红色紧急", content);
        Assert.Contains("幸福里小区", content);
        Assert.Contains("138****5678", content);
        Assert.DoesNotContain("13812345678", content);
    }

    [Fact]
    public async Task YellowComplaint_NoAlert()
    {
        using var host = new BotHostFactory()
            .With("WeCom:ApiBaseUrl", _wecom.BaseUrl)
            .With("Grid:DutyGroupWebhookKey", "duty-robot-key");

        await host.CreateAdminClient().PostAsJsonAsync("/api/simulator/messages", new { user = "sim-yellow", text = "幸福里小区3栋楼上每天半夜装修太吵了" });

        // The alert would have been queued inside the turn, before the reply came back.
        Assert.Equal(0, await host.QueryAsync(db => db.Outbox.CountAsync(m => m.Channel == OutboxGridAlerter.RobotChannel)));
        Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync()));
    }
}
