namespace Bot.Benchmarks;

/// <summary>Which slot a client tries next, and what an answer does to that choice.</summary>
public interface IBookingCursor
{
    /// <returns>False when the pair's slots inside the horizon are used up.</returns>
    bool TryNext(int client, out BookingPair pair, out int slot);

    /// <summary>The slot was decided (201 or 409): move past it.</summary>
    void Decided(int client, int slot);
}

/// <summary>The baseline: each client walks through the slots of its own pair, so no two attempts ever meet.</summary>
public sealed class OwnPairCursor(IReadOnlyList<BookingPair> pairs, int slotsPerPair) : IBookingCursor
{
    private readonly int[] _next = new int[pairs.Count];

    public bool TryNext(int client, out BookingPair pair, out int slot)
    {
        (pair, slot) = (pairs[client], _next[client]);
        return slot < slotsPerPair;
    }

    // Only its own client touches an entry, and always between its own requests.
    public void Decided(int client, int slot) => _next[client] = slot + 1;
}

/// <summary>
/// The race: every client tries the current slot of one pair; the first answer for slot k moves the shared cursor
/// to k + 1 (compare-exchange, so late answers for k do not skip k + 1). Each slot thus sees a burst of up to
/// concurrency attempts and, if the database is right, exactly one 201.
/// </summary>
public sealed class SharedSlotCursor(BookingPair pair, int slotsPerPair) : IBookingCursor
{
    private int _current;

    public int Current => Volatile.Read(ref _current);

    public bool TryNext(int client, out BookingPair pair1, out int slot)
    {
        (pair1, slot) = (pair, Volatile.Read(ref _current));
        return slot < slotsPerPair;
    }

    public void Decided(int client, int slot) => Interlocked.CompareExchange(ref _current, slot + 1, slot);
}
