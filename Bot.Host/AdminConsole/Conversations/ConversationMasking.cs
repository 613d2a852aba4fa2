using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Bot.Host.Security;
using Bot.Skills.Privacy;

namespace Bot.Host.AdminConsole.Conversations;

/// <summary>
/// How a turn is shown for quality review: the resident as a short stable hash (the first 8 hex of an HMAC-SHA256 keyed
/// from this install's admin key, so the same resident reads the same everywhere but the openid cannot be recovered),
/// texts through <see cref="PersonalDataMasker"/> plus room numbers after 栋/单元 (3栋502 → **栋***).
/// </summary>
public sealed partial class ConversationMasking(AdminKey adminKey)
{
    public string Resident(string channel, string userId)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("console-conversations:" + adminKey.Value));
        return Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{channel}:{userId}")))[..8];
    }

    public static string Text(string? text) => RoomAfterBuilding().Replace(PersonalDataMasker.MaskText(text), "$1***");

    [GeneratedRegex(@"(栋|幢|单元|号楼)\d{2,5}")]
    private static partial Regex RoomAfterBuilding();
}
