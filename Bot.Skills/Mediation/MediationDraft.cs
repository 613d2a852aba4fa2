using System.Globalization;

namespace Bot.Skills.Mediation;

/// <summary>The booking being made, kept in the conversation's slots between turns.</summary>
internal sealed class MediationDraft(Dictionary<string, string> slots)
{
    private const string Prefix = "mediation.";

    /// <summary>kind, topic, party, time, confirm or council: what the last question asked.</summary>
    public string? Step { get => Get("step"); set => Set("step", value); }

    public string? Topic { get => Get("topic"); set => Set("topic", value); }

    public string? OtherParty { get => Get("party"); set => Set("party", value); }

    public bool PartyAsked { get => Get("party.asked") == "1"; set => Set("party.asked", value ? "1" : null); }

    /// <summary>The slots listed last, as "venueId,mediatorId,startUnixMs" separated by ';'.</summary>
    public IReadOnlyList<(long Venue, long Mediator, long StartMs)> Offers
    {
        get => (Get("offers") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => o.Split(','))
            .Select(p => (long.Parse(p[0], CultureInfo.InvariantCulture), long.Parse(p[1], CultureInfo.InvariantCulture), long.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();
        set => Set("offers", string.Join(';', value.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Venue},{o.Mediator},{o.StartMs}"))));
    }

    /// <summary>Council session ids listed last, separated by ','.</summary>
    public IReadOnlyList<long> Sessions
    {
        get => (Get("sessions") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        set => Set("sessions", string.Join(',', value.Select(v => v.ToString(CultureInfo.InvariantCulture))));
    }

    /// <summary>The booking held for the resident while they confirm.</summary>
    public string? Held { get => Get("held"); set => Set("held", value); }

    private string? Get(string key) => slots.TryGetValue(Prefix + key, out var value) ? value : null;

    private void Set(string key, string? value)
    {
        if (value is null)
        {
            slots.Remove(Prefix + key);
        }
        else
        {
            slots[Prefix + key] = value;
        }
    }
}
