using System.Net.Http.Json;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Bot.Host.Tests.Knowledge;

public sealed class KnowledgeConversationTests : IDisposable
{
    private readonly BotHostFactory _host = new BotHostFactory().With("Knowledge:Folder", KnowledgeHost.RepositoryFolder());

    public void Dispose() => _host.Dispose();

    private async Task<JsonElement> SendAsync(string user, string text)
    {
        var response = await _host.CreateAdminClient().PostAsJsonAsync("/api/simulator/messages", new { user, text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Simulator_SeededEntryQuestion_AnsweredWithSourceAndNoTicket()
    {
        var body = await SendAsync("kb-1", "请问办居住证需要什么材料");

        Assert.Equal("complaint", body.GetProperty("intent").GetString());
        var text = body.GetProperty("replies")[0].GetProperty("text").GetString()!;
        Assert.Contains("居住登记", text, StringComparison.Ordinal);
        Assert.Contains("来源：社区服务指南（示例，请按本社区实际修改）", text, StringComparison.Ordinal);
        Assert.EndsWith(ConsultationStep.HumanHint, text, StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Simulator_ConsultationNotInKnowledgeBase_FiledForStaffAndSaysSo()
    {
        var body = await SendAsync("kb-2", "我是退役军人 想了解一下就业帮扶政策");

        var texts = body.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        Assert.Equal(ConsultationStep.FiledNote, texts[0]);
        Assert.Contains(texts, t => t!.Contains("工单号", StringComparison.Ordinal));
        Assert.Equal(1, await _host.QueryAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task Simulator_EntryAddedThroughApi_AnsweredWithoutRestart()
    {
        await SendAsync("kb-3", "你好");
        var put = await _host.CreateAdminClient().PutAsJsonAsync("/api/knowledge/veteran-jobs",
            new { question = "退役军人就业帮扶政策有哪些？", answer = "退役军人可到社区退役军人服务站登记求职意向。", source = "社区退役军人服务站", tags = new[] { "退役军人", "就业帮扶" } });
        put.EnsureSuccessStatusCode();

        var body = await SendAsync("kb-3", "我是退役军人 想了解一下就业帮扶政策");

        Assert.Contains("来源：社区退役军人服务站", body.GetProperty("replies")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await _host.QueryAsync(db => db.Tickets.CountAsync()));
    }
}
