namespace Bot.Skills.Complaints;

/// <summary>What the community promises for each colour: 15 minutes when the grid can act, 24 hours for departments.</summary>
public static class TicketPromises
{
    public static string For(ComplaintAssessment assessment, bool gridLevel)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Colour switch
        {
            Colour.Red => "红色紧急事项，社区已优先处置，网格员将马上与您联系。",
            Colour.Orange => "橙色事项，网格员将在15分钟内响应，并尽快到现场处理。",
            Colour.Yellow when gridLevel => "网格员将在15分钟内联系您。",
            Colour.Yellow => $"此事需要{assessment.Department}处理，我们承诺24小时内给您答复。",
            _ when assessment.Category == ComplaintCategories.Suggestion => "感谢您的意见建议，我们会认真研究，24小时内给您回复。",
            _ => "我们将在24小时内给您答复。",
        };
    }
}
