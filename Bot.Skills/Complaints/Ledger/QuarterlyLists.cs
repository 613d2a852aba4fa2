using System.Globalization;
using System.Text;
using Bot.Skills.Privacy;

namespace Bot.Skills.Complaints.Ledger;

/// <summary>
/// 需求清单 / 问题清单: a period's tickets as CSV, grouped by list, category and grid. Needs (help, questions,
/// suggestions) go on the demand list, everything else on the problem list. Personal data in the text is masked.
/// </summary>
public static class QuarterlyLists
{
    public const string DemandList = "需求清单";
    public const string ProblemList = "问题清单";

    private static readonly string[] Header = ["清单", "类别", "网格", "工单号", "颜色", "状态", "责任部门", "受理时间", "地点", "内容", "满意度"];

    public static string ListOf(string category) => ComplaintCategories.IsGreenByNature(category) ? DemandList : ProblemList;

    public static string ToCsv(IEnumerable<Ticket> tickets)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        var ordered = tickets
            .OrderBy(t => ListOf(t.Category) == ProblemList)
            .ThenBy(t => t.Category, StringComparer.Ordinal)
            .ThenBy(t => t.Grid ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(t => t.Number, StringComparer.Ordinal);
        foreach (var t in ordered)
        {
            string[] fields =
            [
                ListOf(t.Category), ComplaintCategories.ChineseName(t.Category), t.Grid ?? "未分网格", t.Number, t.Colour.ChineseName(),
                t.State.ChineseName(), t.Department, t.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                PersonalDataMasker.MaskText(t.Place), PersonalDataMasker.MaskText(t.Text), t.Rating?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ];
            csv.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is defused so spreadsheets do not run it as a formula.</summary>
    private static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@')
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
