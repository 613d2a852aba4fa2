using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace Bot.Connectors.Language.Model;

/// <summary>
/// The OpenAI client sends <c>max_completion_tokens</c>; DeepSeek, Qwen (DashScope), Ollama and older vLLM read
/// only <c>max_tokens</c>, which OpenAI's chat models still accept. The request body is rewritten to the older name.
/// </summary>
internal sealed class MaxTokensCompatibilityPolicy : PipelinePolicy
{
    private const string NewName = "max_completion_tokens";
    private const string OldName = "max_tokens";

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        return ProcessNextAsync(message, pipeline, currentIndex);
    }

    private static void Rewrite(PipelineMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, message.CancellationToken);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body || !body.Remove(NewName, out var value))
        {
            return;
        }

        body[OldName] = value;
        message.Request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
