using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;
using Bot.Skills.Complaints;
using Bot.TestSupport.Classification;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Host.Tests.Endpoints;

public sealed class ClassifyEndpointsTests : IDisposable
{
    private readonly BotHostFactory _host = new(); // the real rules, model and assessor

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    public async Task Post_WithoutValidKey_Returns401(string? authorization)
    {
        var client = _host.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.PostAsJsonAsync("/api/classify", new { text = "楼上半夜装修噪音太大" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"text\":null}")]
    [InlineData("{\"text\":\"\"}")]
    [InlineData("{\"text\":\"  \\n \"}")]
    [InlineData("LONG")]
    public async Task Post_InvalidText_Returns400Problem(string json)
    {
        var body = json == "LONG" ? JsonSerializer.Serialize(new { text = new string('吵', 2001) }) : json;

        var response = await _host.CreateAdminClient().PostAsync("/api/classify", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_2000Characters_IsAccepted()
    {
        var response = await _host.CreateAdminClient().PostAsJsonAsync("/api/classify", new { text = new string('吵', 2000) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_Hazard_ReturnsEveryFieldWithTheAlert()
    {
        var body = await ClassifyAsync("楼道里有很浓的煤气味");

        Assert.Equal(
            ["category", "colour", "confidence", "department", "reasons", "categoryName", "alert"],
            body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("red", body.GetProperty("colour").GetString());
        var category = body.GetProperty("category").GetString()!;
        Assert.Equal(ComplaintCategories.ChineseName(category), body.GetProperty("categoryName").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("department").GetString()));
        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.Contains("燃气", StringComparison.Ordinal));
        var alert = body.GetProperty("alert");
        Assert.Contains("燃气", alert.GetProperty("hazard").GetString());
        Assert.Equal("119", alert.GetProperty("emergencyNumber").GetString());
        Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("advice").GetString()));
    }

    [Theory]
    [InlineData("楼上半夜装修噪音太大")]
    [InlineData("请问办居住证需要什么材料")]
    [InlineData("垃圾桶满了臭气熏天")]
    [InlineData("电动车在楼道里充电有火灾隐患")]
    [InlineData("家里没有闻到煤气味")]
    [InlineData("？？？")]
    public async Task Post_AnyText_AnswersWithContractCodes(string text)
    {
        var body = await ClassifyAsync(text);

        Assert.True(ComplaintCategories.IsKnown(body.GetProperty("category").GetString()));
        Assert.Contains(body.GetProperty("colour").GetString(), new[] { "red", "orange", "yellow", "green" });
        Assert.InRange(body.GetProperty("confidence").GetDouble(), 0.0, 1.0);
        Assert.NotEqual(0, body.GetProperty("reasons").GetArrayLength());
        var alert = body.GetProperty("alert");
        Assert.Equal(body.GetProperty("colour").GetString() == "red", alert.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task Post_Noise_IsYellowNoiseForTheEnforcementTeam()
    {
        var body = await ClassifyAsync("楼上半夜装修噪音太大");

        Assert.Equal(("noise", "yellow", "城管执法中队", "噪声扰民"), (
            body.GetProperty("category").GetString(), body.GetProperty("colour").GetString(),
            body.GetProperty("department").GetString(), body.GetProperty("categoryName").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("alert").ValueKind);
    }

    private async Task<JsonElement> ClassifyAsync(string text)
    {
        var response = await _host.CreateAdminClient().PostAsJsonAsync("/api/classify", new { text });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>One everyday message per category and colour, in words not taken from the training set.</summary>
    [Theory]
    [InlineData("隔壁KTV每天唱到凌晨两点，吵得孩子没法睡觉", "noise", "yellow")]
    [InlineData("有辆白色轿车连着一周停在我家车位上，联系不上车主", "parking", "yellow")]
    [InlineData("菜场门口的小贩把摊子摆到马路中间，车都过不去", "street_vending", "yellow")]
    [InlineData("顶楼那户在楼顶私自加盖了一间彩钢房", "illegal_construction", "yellow")]
    [InlineData("物业收了钱楼道灯坏了半个月也不修", "property", "yellow")]
    [InlineData("楼下邻居嫌我家漏水天天上门骂人，调解一下吧", "neighbour_dispute", "yellow")]
    [InlineData("垃圾站三天没清运了，苍蝇到处飞", "sanitation", "yellow")]
    [InlineData("小区里好几盏路灯不亮了，晚上走路看不见", "facilities", "yellow")]
    [InlineData("电动车推进楼道里充电，一晚上插着线", "safety", "orange")]
    [InlineData("我是残疾人想找份能做的工作，社区能帮忙介绍吗", "assistance", "green")]
    [InlineData("请问新生儿落户需要准备哪些材料", "consultation", "green")]
    [InlineData("表扬一下网格员小李，帮我家老人修好了水管", "suggestion", "green")]
    [InlineData("家里煤气味特别重，我有点头晕", "safety", "red")]
    [InlineData("整栋楼从昨天开始停水，几十户人家没水做饭", "facilities", "orange")]
    public async Task Post_EverydayMessages_CategoryAndColour(string text, string category, string colour)
    {
        var body = await ClassifyAsync(text);

        Assert.Equal((category, colour), (body.GetProperty("category").GetString(), body.GetProperty("colour").GetString()));
    }
}
