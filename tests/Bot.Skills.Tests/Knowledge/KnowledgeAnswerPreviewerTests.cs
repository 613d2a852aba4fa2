using Bot.Skills.Greeting;
using Bot.Skills.Knowledge;
using Microsoft.Extensions.Options;
using Bot.Skills.Tests.Language;

namespace Bot.Skills.Tests.Knowledge;

public sealed class KnowledgeAnswerPreviewerTests
{
    [Fact]
    public async Task PreviewAsync_ModelAnswer_OfflineEntryAndComposedWithCitedIds()
    {
        var model = ScriptedLanguageModel.Json("""{"answer":"去集中充电棚。","entry_ids":["ebike-charging"]}""");
        var previewer = new KnowledgeAnswerPreviewer(KnowledgeFixture.Create().Retriever, model, Options.Create(new KnowledgeOptions()), Options.Create(new CommunityOptions()));

        var preview = await previewer.PreviewAsync("电动车能拉线充电吗？", 3, CancellationToken.None);

        Assert.Equal("knowledge/answer", previewer.PromptId);
        Assert.Contains("ebike-charging", preview.Offline, StringComparison.Ordinal);
        Assert.Contains("去集中充电棚。", preview.Model, StringComparison.Ordinal);
        Assert.Contains("引用：ebike-charging", preview.Model, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(model.Calls).Version);
    }

    [Fact]
    public async Task PreviewAsync_NothingRetrieved_NoModelCall()
    {
        var model = ScriptedLanguageModel.Json("{}");
        var previewer = new KnowledgeAnswerPreviewer(KnowledgeFixture.Create().Retriever, model, Options.Create(new KnowledgeOptions()), Options.Create(new CommunityOptions()));

        var preview = await previewer.PreviewAsync("今天天气怎么样", null, CancellationToken.None);

        Assert.Null(preview.Model);
        Assert.Empty(model.Calls);
    }
}
