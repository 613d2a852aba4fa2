using System.Text;
using Bot.Skills.Grid;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bot.Host.Endpoints;

/// <summary>The roster as a spreadsheet: import all-or-nothing, export in the same columns.</summary>
internal static class RosterTransfer
{
    // A community roster is a few hundred rows; anything near this is not a roster.
    private const int MaxBytes = 2 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<Results<Ok<RosterImportDto>, ProblemHttpResult>> ImportAsync(HttpRequest request, IGridRoster roster, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBytes)
            {
                return RosterEndpoints.Problem(StatusCodes.Status413PayloadTooLarge, "名册文件不能超过 2 MB。");
            }
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body.GetBuffer(), 0, (int)body.Length); // a BOM survives as U+FEFF and the reader skips it
        }
        catch (DecoderFallbackException)
        {
            return RosterEndpoints.Problem(StatusCodes.Status400BadRequest, "名册须为 UTF-8 编码的 CSV 文件（Excel 中“另存为 CSV UTF-8”）。");
        }

        var parsed = RosterCsv.Parse(text);
        var result = parsed.Succeeded ? await roster.ImportAsync(parsed.Entries, cancellationToken) : new RosterImportResult(null, parsed.Errors);
        if (result.Summary is not { } s)
        {
            var errors = result.Errors.Select(e => new RosterRowErrorDto(e.Row, e.Message)).ToList();
            return RosterEndpoints.Problem(StatusCodes.Status400BadRequest, $"名册有 {errors.Count} 处错误，未导入任何内容。",
                new Dictionary<string, object?> { ["errors"] = errors });
        }

        return TypedResults.Ok(new RosterImportDto(s.CompoundsCreated, s.BuildingsCreated, s.PeopleCreated, s.PeopleUpdated));
    }

    /// <summary>Active people only: someone who left would come back to duty if the file were imported again.</summary>
    public static async Task<FileContentHttpResult> ExportAsync(IGridRoster roster, TimeProvider clock, CancellationToken cancellationToken)
    {
        var compounds = (await roster.ListCompoundsAsync(cancellationToken)).ToDictionary(c => c.Id);
        var buildings = (await roster.ListBuildingsAsync(null, cancellationToken)).ToDictionary(b => b.Id);
        var people = (await roster.ListPeopleAsync(null, cancellationToken)).Where(p => p.Active);
        var csv = RosterCsv.Write(people.Select(p => RosterCsv.ToEntry(p, compounds, buildings)));
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(); // BOM: Excel reads UTF-8 Chinese
        var day = clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"roster-{day:yyyyMMdd}.csv");
    }
}
