using System.ComponentModel.DataAnnotations;

namespace Bot.Skills.Mediation;

/// <summary>Section <c>Bookings</c>: how long a slot is held, how far ahead residents may book, what they are offered.</summary>
public sealed class BookingOptions
{
    public const string SectionName = "Bookings";

    /// <summary>A chosen slot is held this long while the resident confirms, then released.</summary>
    [Range(1, 60)]
    public int HoldMinutes { get; set; } = 5;

    /// <summary>No session sooner than this after now: the mediator and the other party need notice.</summary>
    [Range(0, 7 * 24 * 60)]
    public int LeadTimeMinutes { get; set; } = 120;

    /// <summary>Days ahead (today first) in which slots are offered.</summary>
    [Range(1, 90)]
    public int HorizonDays { get; set; } = 14;

    /// <summary>How many free slots are listed at a time.</summary>
    [Range(1, 9)]
    public int OfferCount { get; set; } = 3;

    /// <summary>Minutes between the candidate starts offered (09:00, 09:30 …).</summary>
    [Range(5, 240)]
    public int StepMinutes { get; set; } = 30;

    /// <summary>
    /// The address residents and mediators reach this host at (https://…), for calendar (.ics) links; empty means
    /// no links are sent.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;
}
