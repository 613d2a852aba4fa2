using Bot.Host.Security;
using Bot.Skills.Grid;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

public static class RosterEndpoints
{
    /// <summary>The grid roster for staff: compounds with buildings, people, and the spreadsheet import and export.</summary>
    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/roster").AddEndpointFilter<AdminAuthorization>();
        api.MapGet("/compounds", ListCompoundsAsync);
        api.MapGet("/people", ListPeopleAsync);
        api.MapPost("/people", SavePersonAsync);
        api.MapPost("/import", RosterTransfer.ImportAsync);
        api.MapGet("/export", RosterTransfer.ExportAsync);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<RosterCompoundDto>>> ListCompoundsAsync(IGridRoster roster, CancellationToken cancellationToken)
    {
        var compounds = await roster.ListCompoundsAsync(cancellationToken);
        var buildings = (await roster.ListBuildingsAsync(null, cancellationToken)).ToLookup(b => b.CompoundId);
        return TypedResults.Ok<IReadOnlyList<RosterCompoundDto>>(compounds
            .Select(c => new RosterCompoundDto(c.Id, c.Name, c.Address, buildings[c.Id].Select(b => new RosterBuildingDto(b.Id, b.Name)).ToList()))
            .ToList());
    }

    private static async Task<Results<Ok<IReadOnlyList<RosterPersonDto>>, ProblemHttpResult>> ListPeopleAsync(
        string? role, bool? full, IGridRoster roster, TimeProvider clock, CancellationToken cancellationToken)
    {
        GridRole? filter = null;
        if (!string.IsNullOrEmpty(role))
        {
            if (!GridRoles.TryParse(role, out var parsed))
            {
                return Problem(StatusCodes.Status400BadRequest, $"role 须为 {GridRoles.AllChineseNames} 之一（或其英文代码）。");
            }

            filter = parsed;
        }

        var now = clock.GetUtcNow();
        var people = await roster.ListPeopleAsync(filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RosterPersonDto>>(people.Select(p => RosterPersonDto.From(p, full == true, now)).ToList());
    }

    private static async Task<Results<Ok<RosterPersonDto>, ProblemHttpResult>> SavePersonAsync(
        RosterPersonRequest? request, IGridRoster roster, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Name) || !GridRoles.TryParse(request.Role, out var role))
        {
            return Problem(StatusCodes.Status400BadRequest, $"需要 name 和 role（{GridRoles.AllChineseNames}）。");
        }

        if (!DutyHours.TryParse(request.DutyHours, out var hours, out var dutyError))
        {
            return Problem(StatusCodes.Status400BadRequest, dutyError);
        }

        var person = new Person(request.Id ?? 0, request.Name, role, request.WeComUserId, request.Phone, hours, request.CompoundId,
            request.BuildingIds ?? [], request.Specialties ?? [], request.Active ?? true);
        try
        {
            var saved = await roster.UpsertPersonAsync(person, cancellationToken);
            return TypedResults.Ok(RosterPersonDto.From(saved, fullPhone: false, clock.GetUtcNow()));
        }
        catch (RosterValidationException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (RosterConflictException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            return Problem(StatusCodes.Status404NotFound, ex.Message);
        }
    }

    internal static ProblemHttpResult Problem(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: "名册操作失败", detail: detail, statusCode: status, extensions: extensions);
}
