using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Complaints;

public sealed class ComplaintAssessorTests
{
    private const string Text = "一些居民反映的内容";
    private static readonly SafetyAlert Gas = new("燃气泄漏", "119", "关阀开窗，到室外拨打 119。");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Empty_IsGreenConsultationWithZeroConfidence_WithoutAskingModelOrRules(string? text)
    {
        var model = new FakeModel(Guess(ComplaintCategories.Noise, 0.9, Colour.Red, 0.9));
        var rules = new FakeRules(new SafetyVerdict(Colour.Red, Gas, ["x"]));

        var result = new ComplaintAssessor(model, rules, Options.Create(new ComplaintOptions())).Assess(text);

        Assert.Equal((ComplaintCategories.Consultation, Colour.Green, 0.0, "社区党群服务中心"), (result.Category, result.Colour, result.Confidence, result.Department));
        Assert.Null(result.Alert);
        Assert.NotEmpty(result.Reasons);
        Assert.Equal((0, 0), (model.Calls, rules.Calls));
    }

    [Fact]
    public void QuietRules_ModelCategoryAndDepartment_WithModelReason()
    {
        var result = Assess(Guess(ComplaintCategories.Noise, 0.87, Colour.Yellow, 0.9));

        Assert.Equal((ComplaintCategories.Noise, Colour.Yellow, 0.87, "城管执法中队"), (result.Category, result.Colour, result.Confidence, result.Department));
        Assert.Equal(["模型判断：噪声扰民 (0.87)"], result.Reasons);
        Assert.Null(result.Alert);
    }

    [Theory]
    [InlineData(ComplaintCategories.Consultation, Colour.Green)]
    [InlineData(ComplaintCategories.Suggestion, Colour.Green)]
    [InlineData(ComplaintCategories.Assistance, Colour.Green)]
    [InlineData(ComplaintCategories.Noise, Colour.Yellow)]
    [InlineData(ComplaintCategories.Facilities, Colour.Yellow)]
    [InlineData(ComplaintCategories.Safety, Colour.Yellow)]
    public void UnsureModelColour_FallsBackToCategoryDefault(string category, Colour expected) =>
        Assert.Equal(expected, Assess(Guess(category, 0.9, Colour.Orange, 0.69)).Colour);

    [Fact]
    public void ConfidentModelGreen_DoesNotLowerTheCategoryDefault() =>
        Assert.Equal(Colour.Yellow, Assess(Guess(ComplaintCategories.Parking, 0.9, Colour.Green, 0.99)).Colour);

    [Fact]
    public void ConfidentModelOrange_RaisesTheColour_WithReason()
    {
        var result = Assess(Guess(ComplaintCategories.Facilities, 0.8, Colour.Orange, 0.7));

        Assert.Equal(Colour.Orange, result.Colour);
        Assert.Contains("模型分色：橙色 (0.70)", result.Reasons);
    }

    [Fact]
    public void ConfidentModelRed_WithoutRule_IsOrangeAndHasNoAlert()
    {
        var result = Assess(Guess(ComplaintCategories.Safety, 0.9, Colour.Red, 0.99));

        Assert.Equal(Colour.Orange, result.Colour);
        Assert.Null(result.Alert);
        Assert.Contains(result.Reasons, r => r.StartsWith("模型分色：红色 (0.99)", StringComparison.Ordinal) && r.Contains("按橙色处理", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Colour.Red, 0.99)]
    [InlineData(Colour.Red, 0.3)]
    [InlineData(Colour.Yellow, 0.99)]
    public void NegatedHazard_NonRedVerdictPassesThrough_NeverRed(Colour modelColour, double colourConfidence)
    {
        var negated = new SafetyVerdict(Colour.Green, null, ["提到燃气但已否定"]);

        var result = Assess(Guess(ComplaintCategories.Safety, 0.4, modelColour, colourConfidence), negated);

        Assert.NotEqual(Colour.Red, result.Colour);
        Assert.Equal(colourConfidence >= 0.7 && modelColour == Colour.Red ? Colour.Orange : Colour.Yellow, result.Colour);
        Assert.Null(result.Alert);
        Assert.Equal("提到燃气但已否定", result.Reasons[0]);
        Assert.Equal(0.4, result.Confidence);
    }

    [Theory]
    [InlineData(Colour.Red)]
    [InlineData(Colour.Orange)]
    public void HazardRule_UnsureModel_MakesSafetyWithConfidenceOne(Colour floor)
    {
        var result = Assess(Guess(ComplaintCategories.Property, 0.59, Colour.Green, 0.9), new SafetyVerdict(floor, Gas, ["闻到煤气味"]));

        Assert.Equal((ComplaintCategories.Safety, floor, 1.0, "街道应急管理办公室"), (result.Category, result.Colour, result.Confidence, result.Department));
        Assert.Same(Gas, result.Alert);
        Assert.Equal("闻到煤气味", result.Reasons[0]);
        Assert.Contains("模型判断：物业管理 (0.59)", result.Reasons);
        Assert.Contains(result.Reasons, r => r.Contains("归为安全隐患", StringComparison.Ordinal));
    }

    [Fact]
    public void RedHazardRule_SureModel_KeepsCategoryButColourAndAlertFollowTheRule()
    {
        var result = Assess(Guess(ComplaintCategories.IllegalConstruction, 0.6, Colour.Green, 0.99), new SafetyVerdict(Colour.Red, Gas, ["闻到煤气味"]));

        Assert.Equal((ComplaintCategories.IllegalConstruction, Colour.Red, 0.6), (result.Category, result.Colour, result.Confidence));
        Assert.Same(Gas, result.Alert);
    }

    [Fact]
    public void OrangeRuleWithoutHazardAlert_KeepsModelCategory()
    {
        var result = Assess(Guess(ComplaintCategories.Facilities, 0.3, Colour.Yellow, 0.9), new SafetyVerdict(Colour.Orange, null, ["多户停水"]));

        Assert.Equal((ComplaintCategories.Facilities, Colour.Orange, "市政设施管理所"), (result.Category, result.Colour, result.Department));
        Assert.Null(result.Alert);
    }

    [Fact]
    public void RedRuleWithoutAlert_StillCarriesAnAlert()
    {
        var result = Assess(Guess(ComplaintCategories.Noise, 0.2, Colour.Yellow, 0.9), new SafetyVerdict(Colour.Red, null, ["有人打架"]));

        Assert.Equal((ComplaintCategories.Safety, Colour.Red), (result.Category, result.Colour));
        Assert.Equal("110", result.Alert?.EmergencyNumber);
    }

    [Fact]
    public void RuleFloor_BeatsAConfidentGreenModelAndGreenCategory() =>
        Assert.Equal(Colour.Orange, Assess(Guess(ComplaintCategories.Consultation, 0.99, Colour.Green, 0.99), new SafetyVerdict(Colour.Orange, null, ["隐患"])).Colour);

    [Fact]
    public void YellowRuleFloor_RaisesAGreenCategory() =>
        Assert.Equal(Colour.Yellow, Assess(Guess(ComplaintCategories.Suggestion, 0.9, Colour.Green, 0.9), new SafetyVerdict(Colour.Yellow, null, ["r"])).Colour);

    [Fact]
    public void DepartmentRouter_ReplacesTheTableOnlyWhenSure()
    {
        var guess = Guess(ComplaintCategories.Noise, 0.9, Colour.Yellow, 0.9);

        var sure = Assess(guess, router: new FakeRouter(new DepartmentGuess("区生态环境局", 0.5)));
        var unsure = Assess(guess, router: new FakeRouter(new DepartmentGuess("区生态环境局", 0.49)));
        var none = Assess(guess, router: new FakeRouter(null));

        Assert.Equal("区生态环境局", sure.Department);
        Assert.Contains("部门模型：区生态环境局 (0.50)", sure.Reasons);
        Assert.Equal(("城管执法中队", "城管执法中队"), (unsure.Department, none.Department));
    }

    [Fact]
    public void DepartmentRouter_DoesNotOverrideARuleMadeSafetyCase()
    {
        var result = Assess(
            Guess(ComplaintCategories.Noise, 0.1, Colour.Yellow, 0.9), new SafetyVerdict(Colour.Red, Gas, ["煤气"]), new FakeRouter(new DepartmentGuess("区生态环境局", 0.99)));

        Assert.Equal("街道应急管理办公室", result.Department);
    }

    [Fact]
    public async Task AssessAsync_MatchesAssess_AndHonoursCancellation()
    {
        var assessor = new ComplaintAssessor(new FakeModel(Guess(ComplaintCategories.Noise, 0.8, Colour.Yellow, 0.8)), FakeRules.Quiet, Options.Create(new ComplaintOptions()));

        Assert.Equal(ComplaintCategories.Noise, (await assessor.AssessAsync(Text, CancellationToken.None)).Category);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => assessor.AssessAsync(Text, new CancellationToken(canceled: true)).AsTask());
    }

    private static CommunityGuess Guess(string category, double categoryConfidence, Colour colour, double colourConfidence) =>
        new(category, categoryConfidence, colour, colourConfidence);

    private static ComplaintAssessment Assess(CommunityGuess guess, SafetyVerdict? verdict = null, IDepartmentModel? router = null) =>
        new ComplaintAssessor(new FakeModel(guess), verdict is null ? FakeRules.Quiet : new FakeRules(verdict), Options.Create(new ComplaintOptions()), router)
            .Assess(Text);
}
