using System.Globalization;
using Bot.Skills.Grid;
using Bot.Skills.Mediation;

namespace Bot.Host.Endpoints;

/// <summary>Checks a venue request and says in Chinese what is wrong with it.</summary>
internal static class VenueRequests
{
    public static Venue? ToVenue(VenueRequest? request, out string error)
    {
        error = string.Empty;
        if (request is null || string.IsNullOrWhiteSpace(request.Name))
        {
            error = "需要场地名称 name。";
            return null;
        }

        if (!DutyHours.TryParse(request.OpeningHours, out var hours, out error))
        {
            return null;
        }

        var (slot, buffer, capacity) = (request.SlotMinutes ?? 60, request.BufferMinutes ?? 15, request.Capacity ?? 8);
        if (slot is < 15 or > 480 || slot % 5 != 0 || buffer is < 0 or > 120 || buffer % 5 != 0 || capacity is < 1 or > 1000)
        {
            error = "slotMinutes 须为 15–480、bufferMinutes 须为 0–120（均为 5 的倍数），capacity 须为 1–1000。";
            return null;
        }

        var dates = new List<DateOnly>();
        foreach (var text in request.ClosedDates ?? [])
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = $"闭馆日期“{text}”须写成 yyyy-MM-dd。";
                return null;
            }

            dates.Add(date);
        }

        var kinds = new List<SessionKind>();
        foreach (var text in request.Kinds ?? ["mediation"])
        {
            if (!SessionKinds.TryParse(text, out var kind))
            {
                error = $"场地用途“{text}”须为 mediation/调解 或 council/议事。";
                return null;
            }

            kinds.Add(kind);
        }

        return new Venue(request.Id ?? 0, request.Name.Trim(), request.Address?.Trim() ?? string.Empty, hours, capacity, slot, buffer, dates, kinds, request.Active ?? true);
    }
}
