using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Host.Tests.Infrastructure;
using Bot.Host.Tests.Mediation;
using Bot.TestSupport.Postgres;
using Npgsql;

namespace Bot.Host.Tests.Storage;

/// <summary>The whole host with <c>Storage:Provider=Postgres</c>, against a real PostgreSQL (a fresh database per test).</summary>
public sealed partial class PostgresHostTests(PostgresServerFixture server) : IClassFixture<PostgresServerFixture>
{
    [Fact]
    public async Task Host_OnPostgres_StartsAndFilesASimulatorComplaintAsATicket()
    {
        var database = await server.CreateDatabaseAsync();
        using var host = new BotHostFactory().WithPostgres(database).WithJobs();
        var client = host.CreateAdminClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var reply = await (await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-pg", text = "幸福里小区3栋楼上每天半夜装修，电钻声音特别吵，电话13812345678" }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("complaint", reply.GetProperty("intent").GetString());
        var number = TicketNumber().Match(reply.GetProperty("replies")[0].GetProperty("text").GetString()!).Value;
        Assert.NotEmpty(number);
        Assert.Contains(number, await client.GetStringAsync("/api/tickets"));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/tickets/{number}");
        Assert.Equal("accepted", detail.GetProperty("ticket").GetProperty("state").GetString());

        // The ticket and the scheduler's job store are both in PostgreSQL, not in a SQLite file.
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM tickets"));
        Assert.True(await ScalarAsync(database, "SELECT count(*) FROM information_schema.tables WHERE lower(table_name) LIKE 'qrtz%'") >= 10);
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "bot.db")));
    }

    [Fact]
    public async Task TwoHosts_StartOnOneEmptyDatabaseAtOnce_BothServe()
    {
        var database = await server.CreateDatabaseAsync();
        using var first = new BotHostFactory().WithPostgres(database).WithJobs();
        using var second = new BotHostFactory().WithPostgres(database).WithJobs();

        var clients = await Task.WhenAll(Task.Run(first.CreateAdminClient), Task.Run(second.CreateAdminClient));

        foreach (var client in clients)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/simulator/messages", new { user = "sim-two", text = "你好" })).StatusCode);
        }
    }

    [Fact]
    public async Task PostBookings_TwoHundredParallelAttemptsOnOneSlot_ExactlyOneBooked()
    {
        var database = await server.CreateDatabaseAsync();
        await using var host = await BookingHost.StartAsync(f => f.WithPostgres(database));
        var mediatorId = await host.MediatorIdAsync("周律师");
        var start = BookingHost.Monday9.AddHours(5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => host.Admin.PostAsJsonAsync("/api/bookings", new
        {
            user = $"resident-{i}", topic = "邻居漏水纠纷", start, venueId = host.VenueId, mediatorId,
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var booked = Assert.Single((await host.CalendarAsync()).GetProperty("bookings").EnumerateArray());
        Assert.Equal("confirmed", booked.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Post_SameWeComMessageToTwoHostsSharingOnePostgres_HandledOnce()
    {
        var database = await server.CreateDatabaseAsync();
        using var host = WeComRequests.Configure(new BotHostFactory().WithPostgres(database), replayWindowSeconds: 300);
        using var other = WeComRequests.Configure(new BotHostFactory().WithPostgres(database), replayWindowSeconds: 300);
        var requests = new WeComRequests(host.Clock.GetUtcNow());
        _ = host.CreateClient();

        var first = await host.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("lisi", "你好", 12)));
        var retry = await other.CreateClient().SendAsync(requests.Xml(WeComRequests.TextXml("lisi", "你好", 12)));

        Assert.NotEmpty(await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty(await retry.Content.ReadAsStringAsync());
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"20\d{2}-\d{6}")]
    private static partial Regex TicketNumber();
}
