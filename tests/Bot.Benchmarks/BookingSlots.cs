namespace Bot.Benchmarks;

/// <summary>
/// Slot k of a venue+mediator pair: day k / 20 from tomorrow (China time), hour k % 20. Twenty a day because the
/// mediator's daily cap is 20: hours 20–23 would be refused for the cap, not for a clash.
/// </summary>
public sealed class BookingSlots
{
    public const int PerDay = 20;

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public BookingSlots(DateTimeOffset now, int horizonDays)
    {
        First = DateOnly.FromDateTime(now.ToOffset(China).DateTime).AddDays(1);

        // Inside the horizon (today + horizonDays, exclusive), less a day in case the run crosses midnight in China.
        Days = horizonDays - 2;
    }

    /// <summary>The first day booked (tomorrow in China).</summary>
    public DateOnly First { get; }

    public int Days { get; }

    public int PerPair => Days * PerDay;

    public DateTimeOffset Start(int k) =>
        new DateTimeOffset(First.AddDays(k / PerDay).ToDateTime(new TimeOnly(k % PerDay, 0)), China);
}
