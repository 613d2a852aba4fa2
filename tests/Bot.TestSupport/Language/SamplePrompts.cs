namespace Bot.TestSupport.Language;

/// <summary>A prompt folder for tests, so they do not depend on the skills' real prompt files.</summary>
public sealed class SamplePrompts : IDisposable
{
    public const string Id = "test/classify";

    public const string Classify = """
        name: classify
        description: 把居民的话归类
        template_format: semantic-kernel
        template: |
          你是社区助手。请把下面这句话归类。
          居民说：{{$message}}
          小区：{{$compound}}
        input_variables:
          - name: message
            description: 居民原话
            is_required: true
          - name: compound
            description: 小区名
            is_required: false
        execution_settings:
          default:
            temperature: 0
            max_tokens: 200
            response_format:
              type: json_schema
              json_schema:
                name: classification
                strict: true
                schema:
                  type: object
                  properties:
                    category: { type: string }
                  required: [category]
                  additionalProperties: false
        """;

    public SamplePrompts()
    {
        Folder = Directory.CreateTempSubdirectory("bot-prompts-").FullName;
        Directory.CreateDirectory(Path.Combine(Folder, "test"));
        File.WriteAllText(Path.Combine(Folder, "test", "classify.yaml"), Classify);
    }

    public string Folder { get; }

    /// <summary>The sample with one edit to the template, still declaring the same variables.</summary>
    public static string Edited(string marker) => Classify.Replace("你是社区助手。", $"你是社区助手（{marker}）。", StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
