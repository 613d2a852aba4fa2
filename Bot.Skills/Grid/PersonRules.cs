namespace Bot.Skills.Grid;

/// <summary>The rules a person on the roster keeps, shared by the CSV import and the admin API.</summary>
public static class PersonRules
{
    /// <summary>Mobile numbers only: the grid calls and texts them. Spaces and dashes are dropped.</summary>
    public static bool TryNormalisePhone(string? phone, out string? normalised, out string error)
    {
        error = string.Empty;
        normalised = null;
        var digits = (phone ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return true;
        }

        if (digits.Length != 11 || !digits.All(char.IsAsciiDigit))
        {
            error = $"手机号“{phone}”须为 11 位数字。";
            return false;
        }

        normalised = digits;
        return true;
    }

    /// <summary>Checks the fields of a person that do not need the database; null when all is well.</summary>
    public static string? Check(string? name, GridRole role, bool hasCompound, int buildingCount)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "姓名不能为空。";
        }

        return role switch
        {
            GridRole.GridWorker when buildingCount == 0 => "楼栋网格员须填写负责的小区和楼栋。",
            GridRole.GridLeader when !hasCompound => "小区网格长须填写所在小区。",
            _ => null,
        };
    }
}
