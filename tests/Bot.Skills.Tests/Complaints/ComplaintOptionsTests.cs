using Bot.Skills.Complaints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Complaints;

public sealed class ComplaintOptionsTests
{
    [Fact]
    public void Defaults_MapEveryCategory_AndGridLevelIsTheDefaultList()
    {
        var options = Bind();

        Assert.All(ComplaintCategories.All, c => Assert.False(string.IsNullOrWhiteSpace(options.DepartmentFor(c))));
        Assert.Equal("城管执法中队（违建治理）", options.DepartmentFor(ComplaintCategories.IllegalConstruction));
        string[] grid = ["noise", "parking", "property", "neighbour_dispute", "sanitation", "consultation", "suggestion", "assistance"];
        Assert.All(ComplaintCategories.All, c => Assert.Equal(grid.Contains(c), options.IsGridLevel(c)));
    }

    [Fact]
    public void OverridingOneDepartment_KeepsTheOtherDefaults()
    {
        var options = Bind(("Complaints:Departments:noise", "区生态环境局"));

        Assert.Equal("区生态环境局", options.DepartmentFor(ComplaintCategories.Noise));
        Assert.Equal("交警中队", options.DepartmentFor(ComplaintCategories.Parking));
        Assert.Equal(12, options.Departments.Count);
        var assessor = new ComplaintAssessor(
            new FakeModel(new CommunityGuess(ComplaintCategories.Noise, 0.9, Colour.Yellow, 0.9)), FakeRules.Quiet, Options.Create(options));
        Assert.Equal("区生态环境局", assessor.Assess("楼上好吵").Department);
    }

    [Fact]
    public void ConfiguredGridList_ReplacesTheDefaults()
    {
        var options = Bind(("Complaints:GridSolvable:0", "facilities"), ("Complaints:GridSolvable:1", "noise"));

        Assert.True(options.IsGridLevel(ComplaintCategories.Facilities));
        Assert.True(options.IsGridLevel(ComplaintCategories.Noise));
        Assert.False(options.IsGridLevel(ComplaintCategories.Parking));
        Assert.Equal(2, options.EffectiveGridSolvable.Count);
    }

    [Theory]
    [InlineData("Complaints:Departments:noise", "")]
    [InlineData("Complaints:Departments:karaoke", "文化站")]
    [InlineData("Complaints:GridSolvable:0", "karaoke")]
    [InlineData("Complaints:ModelColourThreshold", "1.5")]
    public void InvalidSettings_FailValidation(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind((key, value)));

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ComplaintOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<ComplaintOptions>().BindConfiguration(ComplaintOptions.SectionName).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<ComplaintOptions>>().Value;
    }
}
