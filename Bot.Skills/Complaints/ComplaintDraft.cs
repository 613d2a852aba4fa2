using System.Globalization;
using Bot.Skills.Engine;

namespace Bot.Skills.Complaints;

/// <summary>The complaint being collected, kept in the conversation's slots between turns.</summary>
internal sealed class ComplaintDraft(Dictionary<string, string> slots)
{
    private const string Prefix = "complaint.";

    public string Text { get => Get("text") ?? string.Empty; set => Set("text", value); }

    public string? Place { get => Get("place"); set => Set("place", value); }

    public string? Since { get => Get("since"); set => Set("since", value); }

    /// <summary>"place" or "since": what the last question asked.</summary>
    public string? Asking { get => Get("asking"); set => Set("asking", value); }

    public int Questions { get => int.TryParse(Get("questions"), out var n) ? n : 0; set => Set("questions", value.ToString(CultureInfo.InvariantCulture)); }

    /// <summary>Set once a red ticket was filed at once; later answers add details to it.</summary>
    public string? FiledNumber { get => Get("filed"); set => Set("filed", value); }

    public IReadOnlyList<string> Photos => Get("photos") is { Length: > 0 } photos ? photos.Split('\n') : [];

    public GeoPoint? Location
    {
        get => Get("lat") is { } lat && Get("lon") is { } lon
            ? new GeoPoint(double.Parse(lat, CultureInfo.InvariantCulture), double.Parse(lon, CultureInfo.InvariantCulture))
            : null;
        set
        {
            Set("lat", value?.Latitude.ToString("R", CultureInfo.InvariantCulture));
            Set("lon", value?.Longitude.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    public void AddPhoto(string mediaId) => Set("photos", string.Join('\n', Photos.Append(mediaId)));

    public string? NextMissing() => Place is null ? "place" : Since is null ? "since" : null;

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
