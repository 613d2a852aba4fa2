using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Ledger;
using Bot.Skills.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Infrastructure;

/// <summary>A roster with two compounds and tickets in each, written straight into the ledger.</summary>
internal static class ConsoleSeed
{
    public const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "赵六,楼栋网格员,zhaoliu,13811112222,全天,幸福里小区,3栋,\r\n"
        + "李四,小区网格长,lisi,13900000000,全天,幸福里小区,,\r\n"
        + "王五,小区网格长,wangwu,13900000001,全天,和平苑小区,,\r\n";

    public static async Task ImportRosterAsync(BotHostFactory factory)
    {
        using var admin = factory.CreateAdminClient();
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Roster));
        content.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/roster/import", content)).StatusCode);
    }

    public static async Task<long> CompoundIdAsync(BotHostFactory factory, string name)
    {
        using var admin = factory.CreateAdminClient();
        var compounds = await admin.GetFromJsonAsync<JsonElement>("/api/roster/compounds");
        return compounds.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
    }

    public static Task<Ticket> FileAsync(BotHostFactory factory, string grid, string category, Colour colour, string text, string user = "seed")
    {
        var ledger = factory.Services.GetRequiredService<ITicketLedger>();
        var assessment = new ComplaintAssessment(category, colour, 0.9, "街道城管科", [], null);
        return ledger.OpenAsync(new NewTicket(new ResidentKey("simulator", user), assessment, text, grid + "3栋", "昨天", grid, null, [], "模拟器"), CancellationToken.None);
    }
}
