using System.Security.Cryptography;
using System.Text;
using Bot.Host.Security;
using Bot.Skills.Mediation;
using Microsoft.Extensions.Options;

namespace Bot.Host.Bookings;

/// <summary>
/// Signed links to a booking's .ics file. The signature (HMAC-SHA256 over the number, keyed from the admin key)
/// makes the link unguessable, so it can be opened in WeChat without logging in and reveals no other booking.
/// </summary>
public sealed class BookingLinks(AdminKey adminKey, IOptions<BookingOptions> options) : IBookingLinks
{
    public string? CalendarLink(string bookingNumber)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        return baseUrl.Length == 0 ? null : $"{baseUrl}/calendar/{bookingNumber}.ics?sig={Sign(bookingNumber)}";
    }

    public string Sign(string bookingNumber)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("booking-links:" + adminKey.Value));
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(bookingNumber)))[..32];
    }

    public bool Verify(string bookingNumber, string? signature) =>
        signature is { Length: 32 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(bookingNumber)), Encoding.ASCII.GetBytes(signature));
}
