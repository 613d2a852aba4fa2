using Bot.Skills.Engine;

namespace Bot.Skills.Mediation;

/// <summary>A session of the residents' council hall on one topic; residents take seats until it is full.</summary>
public sealed record CouncilSession(
    long Id,
    long VenueId,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Topic,
    int Seats,
    int Taken,
    bool Cancelled)
{
    public int SeatsLeft => Math.Max(0, Seats - Taken);
}

public enum SeatResult
{
    Joined,
    AlreadyJoined,
    Full,
    NotFound,
}

public sealed record CouncilSeat(long SessionId, ResidentKey Resident, DateTimeOffset JoinedAt);
