using Bot.Connectors.DependencyInjection;
using Bot.Connectors.Language.Model;
using Bot.Connectors.Language.Prompts;
using Bot.Skills.Language;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Connectors.Tests.DependencyInjection;

public sealed class LanguageModelServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLanguageModel_ProviderNone_RegistersDisabledModel()
    {
        using var services = Build(new() { ["Llm:Provider"] = "None" });

        var model = services.GetRequiredService<ILanguageModel>();

        Assert.IsType<NoLanguageModel>(model);
        Assert.False(model.IsEnabled);
    }

    [Fact]
    public void AddLanguageModel_Defaults_BindsContractDefaults()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;

        Assert.Equal(LlmProvider.None, options.Provider);
        Assert.Equal(2500, options.DecisionTimeoutMs);
        Assert.Equal((0.5, 4, 30, 30), (options.FailureRatio, options.MinimumThroughput, options.SamplingSeconds, options.BreakSeconds));
        Assert.IsType<NoLanguageModel>(services.GetRequiredService<ILanguageModel>());
    }

    [Fact]
    public void AddLanguageModel_ProviderOpenAi_RegistersSemanticKernelModel()
    {
        using var services = Build(new() { ["Llm:Provider"] = "OpenAI", ["Llm:Endpoint"] = "http://127.0.0.1:11434/v1", ["Llm:Model"] = "qwen2.5" });

        var model = services.GetRequiredService<ILanguageModel>();

        Assert.IsType<SemanticKernelLanguageModel>(model);
        Assert.True(model.IsEnabled);
        Assert.Same(model, services.GetRequiredService<ILanguageModel>());
    }

    [Theory]
    [InlineData("", "qwen2.5")]
    [InlineData("127.0.0.1:11434/v1", "qwen2.5")]
    [InlineData("ftp://models.example/v1", "qwen2.5")]
    [InlineData("https://api.deepseek.com/v1", "")]
    public void AddLanguageModel_OpenAiWithoutEndpointOrModel_FailsValidation(string endpoint, string model)
    {
        using var services = Build(new() { ["Llm:Provider"] = "OpenAI", ["Llm:Endpoint"] = endpoint, ["Llm:Model"] = model });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LlmOptions>>().Value);
    }

    [Fact]
    public void AddLanguageModel_DatabaseSourceRegisteredFirst_KeepsIt()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<IPromptSource, NullPromptSource>()
            .AddLanguageModel()
            .BuildServiceProvider();

        Assert.IsType<NullPromptSource>(services.GetRequiredService<IPromptSource>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<IPromptSource, NullPromptSource>()
            .AddLanguageModel()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private sealed class NullPromptSource : IPromptSource
    {
        public ValueTask<PromptText?> GetAsync(string promptId, int? version, CancellationToken cancellationToken) => ValueTask.FromResult<PromptText?>(null);
    }
}
