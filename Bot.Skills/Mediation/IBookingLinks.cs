namespace Bot.Skills.Mediation;

/// <summary>Links the host serves for a booking (its .ics calendar file); null when the host has no public address.</summary>
public interface IBookingLinks
{
    string? CalendarLink(string bookingNumber);
}
