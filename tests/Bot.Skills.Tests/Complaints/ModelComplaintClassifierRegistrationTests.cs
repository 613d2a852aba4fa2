using Bot.Skills.Complaints;
using Bot.Skills.Complaints.Safety;
using Bot.Skills.Engine;
using Bot.Skills.Language;
using Bot.Skills.Tests.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Skills.Tests.Complaints;

/// <summary>The composition the host uses: the assessor (from the connectors) wrapped by the model's second opinion.</summary>
public sealed class ModelComplaintClassifierRegistrationTests
{
    private static ServiceProvider Build(ILanguageModel? model)
    {
        var services = new ServiceCollection();
        if (model is not null)
        {
            services.AddSingleton(model);
        }

        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(Microsoft.Extensions.Logging.Abstractions.NullLogger<>));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddBotSkills();
        services.AddSingleton<ICommunityTextModel>(new FakeModel(new CommunityGuess(ComplaintCategories.Noise, 0.3, Colour.Yellow, 0.5)));
        services.AddSingleton<ComplaintAssessor>();
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddBotSkills_NoModel_ExactlyTheAssessorsAnswer()
    {
        using var services = Build(null);

        var classifier = services.GetRequiredService<IComplaintClassifier>();
        var result = await classifier.AssessAsync("门口的车一直停着", CancellationToken.None);

        Assert.IsType<NoLanguageModel>(services.GetRequiredService<ILanguageModel>());
        var expected = services.GetRequiredService<ComplaintAssessor>().Assess("门口的车一直停着");
        Assert.Equal((expected.Category, expected.Colour, expected.Confidence, expected.Department), (result.Category, result.Colour, result.Confidence, result.Department));
        Assert.Equal(expected.Reasons, result.Reasons);
    }

    [Fact]
    public async Task AddBotSkills_GasLeakAndModelSaysGreenProperty_SafetyRedWithAlertStays()
    {
        var model = new ScriptedLanguageModel().Answer(ModelComplaintClassifier.PromptId, """{"category":"property","colour":"green","confidence":0.99,"reason":"物业问题"}""");
        using var services = Build(model);

        var result = await services.GetRequiredService<IComplaintClassifier>().AssessAsync("厨房里煤气味很重", CancellationToken.None);

        Assert.IsType<SafetyRules>(services.GetRequiredService<ISafetyRules>());
        Assert.Equal((ComplaintCategories.Safety, Colour.Red), (result.Category, result.Colour));
        Assert.NotNull(result.Alert);
        Assert.Contains(result.Reasons, r => r.StartsWith("大模型判断：物业管理", StringComparison.Ordinal));
    }
}
