namespace Bot.Host.AdminConsole.Accounts;

/// <summary>The console's roles: codes in the API and the cookie, Chinese names on the pages.</summary>
public static class ConsoleRoles
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string GridLeader = "grid_leader";

    public static bool IsValid(string? role) => role is Admin or Staff or GridLeader;

    public static string ChineseName(string role) => role switch
    {
        Admin => "管理员",
        Staff => "工作人员",
        GridLeader => "网格长",
        _ => role,
    };
}
