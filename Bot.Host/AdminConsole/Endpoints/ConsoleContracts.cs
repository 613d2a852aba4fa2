namespace Bot.Host.AdminConsole.Endpoints;

public sealed record ConsoleMeDto(string Username, string Role, string RoleName, long? GridCompoundId, string? GridName, bool IsKey);

public sealed record ConsoleAccountDto(
    string Username, string Role, string RoleName, long? GridCompoundId, bool Disabled, bool Locked, int FailedCount, DateTimeOffset CreatedAt);

public sealed record ConsoleAccountRequest(string? Username, string? Password, string? Role, long? GridCompoundId);

public sealed record ConsoleAccountUpdateRequest(string? Role, long? GridCompoundId, string? Password, bool? Disabled);

public sealed record ConsoleTicketActionRequest(long? PersonId, string? Note);

public sealed record CountDto(string Key, string Name, int Count);

public sealed record WeekDto(string Week, DateTimeOffset Start, int Filed, int Closed);

public sealed record BreachDto(string Number, string Category, string Colour, string? Grid, string State, string Kind, DateTimeOffset? Due);

public sealed record DashboardDto(
    string Period, DateTimeOffset From, DateTimeOffset To, int Total,
    IReadOnlyList<CountDto> ByCategory, IReadOnlyList<CountDto> ByColour, IReadOnlyList<CountDto> ByState,
    IReadOnlyList<Bot.Skills.Complaints.Ledger.GridMetrics> Grids, IReadOnlyList<BreachDto> Breaches, IReadOnlyList<WeekDto> Weeks);

public sealed record TicketPageDto(int Page, int PageSize, int Total, IReadOnlyList<Bot.Host.Endpoints.TicketDto> Items);
