using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Bot.Host.Tests.Mediation;

public sealed class BookingConcurrencyTests : IAsyncLifetime
{
    private BookingHost _host = null!;

    public async Task InitializeAsync() => _host = await BookingHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PostBookings_TwoHundredParallelAttemptsOnOneSlot_ExactlyOneBookedOthersOfferedOtherSlots()
    {
        var mediatorId = await _host.MediatorIdAsync("周律师");
        var start = BookingHost.Monday9.AddHours(5);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => _host.Admin.PostAsJsonAsync("/api/bookings", new
        {
            user = $"resident-{i}", topic = "邻居漏水纠纷", start, venueId = _host.VenueId, mediatorId,
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(199, refused.Count);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var conflict = await refused[0].Content.ReadFromJsonAsync<JsonElement>();
        var alternatives = conflict.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.NotEmpty(alternatives);
        Assert.DoesNotContain(start, alternatives);
        var booked = Assert.Single((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray());
        Assert.Equal("confirmed", booked.GetProperty("state").GetString());
    }

    [Fact]
    public async Task PostBookings_BadInput_Returns400AndBooksNothing()
    {
        var response = await _host.Admin.PostAsJsonAsync("/api/bookings", new { user = "x", topic = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await _host.CalendarAsync()).GetProperty("bookings").EnumerateArray());
    }

    [Fact]
    public async Task PostBookings_OutsideOpeningHours_ConflictWithAlternatives()
    {
        var mediatorId = await _host.MediatorIdAsync("周律师");

        var response = await _host.Admin.PostAsJsonAsync("/api/bookings", new
        {
            user = "night-owl", topic = "邻居漏水纠纷", start = BookingHost.Monday9.AddHours(13), venueId = _host.VenueId, mediatorId,
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
