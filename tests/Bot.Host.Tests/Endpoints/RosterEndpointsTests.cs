using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bot.Host.Tests.Infrastructure;

namespace Bot.Host.Tests.Endpoints;

/// <summary>The roster API through the real host: the spreadsheet in and out, people, and the admin key.</summary>
public sealed class RosterEndpointsTests : IDisposable
{
    private const string Roster = "姓名,角色,企业微信账号,手机,值班时间,小区,楼栋,专长\r\n"
        + "张三,楼栋网格员,zhangsan,13812345678,周一至周五 08:30-17:30,幸福里小区,3栋；4栋,水电\r\n"
        + "李四,小区网格长,lisi,13900000000,全天,幸福里小区,,\r\n"
        + "王五,社区总网格,wangwu,,全天,,,\r\n";

    private readonly BotHostFactory _host = new();
    private readonly HttpClient _client;

    public RosterEndpointsTests() => _client = _host.CreateAdminClient();

    public void Dispose() => _host.Dispose();

    private Task<HttpResponseMessage> ImportAsync(string csv, bool bom = false)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("text/csv");
        return _client.PostAsync("/api/roster/import", content);
    }

    [Fact]
    public async Task Api_WithoutKey_Returns401()
    {
        using var anonymous = _host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/roster/compounds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/roster/people?full=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/roster/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/roster/people", new { name = "x", role = "部门" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/roster/import", new StringContent(Roster, Encoding.UTF8, "text/csv"))).StatusCode);
        Assert.Empty(await _host.QueryAsync(db => Task.FromResult(db.People.ToList())));
    }

    [Fact]
    public async Task ImportThenExport_CsvWithBom_RoundTrips()
    {
        var imported = await ImportAsync(Roster, bom: true);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var counts = await imported.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, counts.GetProperty("peopleCreated").GetInt32());
        Assert.Equal(2, counts.GetProperty("buildingsCreated").GetInt32());

        var export = await _client.GetAsync("/api/roster/export");
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(Roster, Encoding.UTF8.GetString(bytes[3..]));

        var again = await ImportAsync(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(3, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("peopleUpdated").GetInt32());
    }

    [Fact]
    public async Task Import_BadRows_Returns400WithRowNumbersAndImportsNothing()
    {
        var response = await ImportAsync(Roster + "赵六,网格员,zhaoliu,,全天,,,\r\n钱七,部门,qianqi,123,每天 25:00-26:00,,,\r\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("未导入任何内容", problem.GetProperty("detail").GetString());
        var rows = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).ToList();
        Assert.Equal([5, 6, 6], rows);
        Assert.Empty(await _host.QueryAsync(db => Task.FromResult(db.People.ToList())));
        Assert.Empty(await _client.GetFromJsonAsync<JsonElement[]>("/api/roster/compounds") ?? []);
    }

    [Fact]
    public async Task People_List_MasksPhonesUnlessFull()
    {
        await ImportAsync(Roster);

        var masked = await _client.GetFromJsonAsync<JsonElement[]>("/api/roster/people?role=grid_worker");
        var full = await _client.GetFromJsonAsync<JsonElement[]>("/api/roster/people?role=楼栋网格员&full=true");

        Assert.Equal("138****5678", Assert.Single(masked!).GetProperty("phone").GetString());
        Assert.Equal("13812345678", Assert.Single(full!).GetProperty("phone").GetString());
        Assert.Equal("楼栋网格员", full![0].GetProperty("roleName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/roster/people?role=队长")).StatusCode);
    }

    [Fact]
    public async Task SavePerson_CreateUpdateAndConflict()
    {
        await ImportAsync(Roster);
        var compound = (await _client.GetFromJsonAsync<JsonElement[]>("/api/roster/compounds"))!.Single();
        var building = compound.GetProperty("buildings")[0].GetProperty("id").GetInt64();

        var created = await _client.PostAsJsonAsync("/api/roster/people", new { name = "孙八", role = "楼栋网格员", weComUserId = "sunba", phone = "13700000000", dutyHours = "每天 09:00-21:00", buildingIds = new[] { building } });
        var dto = await created.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(compound.GetProperty("id").GetInt64(), dto.GetProperty("compoundId").GetInt64());
        Assert.Equal("137****0000", dto.GetProperty("phone").GetString());
        var updated = await _client.PostAsJsonAsync("/api/roster/people", new { id = dto.GetProperty("id").GetInt64(), name = "孙八", role = "部门", active = false });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsJsonAsync("/api/roster/people", new { name = "冒名", role = "部门", weComUserId = "lisi" })).StatusCode);
        var badHours = await _client.PostAsJsonAsync("/api/roster/people", new { name = "周九", role = "部门", dutyHours = "每天 25:00-26:00" });
        Assert.Equal(HttpStatusCode.BadRequest, badHours.StatusCode);
        Assert.Contains("25:00", (await badHours.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync("/api/roster/people", new { name = "吴十", role = "楼栋网格员" })).StatusCode);
    }

    [Fact]
    public async Task Import_NotUtf8_Returns400InChinese()
    {
        var gbk = new ByteArrayContent([0xD5, 0xC5, 0xC8, 0xFD, 0x2C, 0xB2, 0xBF, 0xC3, 0xC5]); // "张三,部门" in GBK
        gbk.Headers.ContentType = new("text/csv");

        var response = await _client.PostAsync("/api/roster/import", gbk);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
