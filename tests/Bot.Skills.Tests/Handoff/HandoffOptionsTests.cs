using Bot.Skills.Handoff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Skills.Tests.Handoff;

public sealed class HandoffOptionsTests
{
    private static HandoffOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Handoff:{s.Key}", s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations();
        return services.BuildServiceProvider().GetRequiredService<IOptions<HandoffOptions>>().Value;
    }

    [Fact]
    public void Defaults_ThirtyMinutes()
    {
        var options = Bind();

        Assert.Equal(TimeSpan.FromMinutes(30), options.IdleTimeout);
        Assert.Contains("120", options.EmergencyNumbers);
    }

    [Theory]
    [InlineData("IdleTimeoutMinutes", "0")]
    [InlineData("SweepIntervalSeconds", "1")]
    [InlineData("EmergencyNumbers", "")]
    public void Validation_OutOfRange_Refused(string key, string value) =>
        Assert.Throws<OptionsValidationException>(() => Bind((key, value)));
}
