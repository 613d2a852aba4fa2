using Bot.Connectors.Classification;
using Bot.Connectors.DependencyInjection;
using Bot.Skills.Complaints;
using Bot.TestSupport.Classification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.Classification;

public sealed class ComplaintClassificationRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("complaint-di-tests-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task WarmUpThenAssess_RelativePathResolvedAgainstContentRoot()
    {
        CommunityTrainingSet.WriteTo(_root.FullName, "city.csv");
        using var services = Build(("Complaints:TrainingDataPath", "city.csv"), rules: new KeywordSafetyRules());

        await StartAsync(services);
        var result = await services.GetRequiredService<IComplaintClassifier>().AssessAsync("厨房里煤气味很重", CancellationToken.None);

        Assert.Equal(Path.Combine(_root.FullName, "city.csv"), services.GetRequiredService<IOptions<ComplaintModelOptions>>().Value.TrainingDataPath);
        Assert.Equal(Colour.Red, result.Colour);
        Assert.Equal("119", result.Alert?.EmergencyNumber);
        Assert.Same(services.GetRequiredService<ICommunityTextModel>(), services.GetRequiredService<IDepartmentModel>());
    }

    [Fact]
    public void MissingTrainingFile_FailsOptionsValidation()
    {
        using var services = Build(("Complaints:TrainingDataPath", "nope.csv"), rules: new KeywordSafetyRules());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ComplaintModelOptions>>().Value);

        Assert.Contains("nope.csv' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSafetyRules_RefusesToStart()
    {
        CommunityTrainingSet.WriteTo(_root.FullName, "city.csv");
        using var services = Build(("Complaints:TrainingDataPath", "city.csv"), rules: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services));

        Assert.Contains(nameof(ISafetyRules), error.Message, StringComparison.Ordinal);
    }

    private static async Task StartAsync(IServiceProvider services)
    {
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private ServiceProvider Build((string Key, string Value) setting, ISafetyRules? rules)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(setting.Key, (string?)setting.Value)]).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        if (rules is not null)
        {
            services.AddSingleton(rules);
        }

        services.AddComplaintClassification(_root.FullName);
        return services.BuildServiceProvider();
    }
}
