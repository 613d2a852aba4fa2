using Bot.Connectors.Language.Prompts;

namespace Bot.Connectors.Tests.Language.Prompts;

/// <summary>Every prompt file the repository ships must load: a broken file would silently send its skill offline.</summary>
public sealed class PromptFolderTests
{
    [Fact]
    public void RepositoryPrompts_EveryFile_ParsesWithConsistentVariables()
    {
        var folder = Path.Combine(RepositoryRoot(), "prompts");
        Assert.True(Directory.Exists(folder), $"missing {folder}");

        var files = PromptFiles.Enumerate(folder).ToList();
        var yamlAnywhere = Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Count();
        Assert.Equal(yamlAnywhere, files.Count);
        foreach (var (id, path) in files)
        {
            Assert.True(PromptFiles.IsValidId(id), $"{path}: bad prompt id {id}");
            try
            {
                var config = PromptCheck.Validate(File.ReadAllText(path), declared: null);
                Assert.True(PromptVariables.Of(config).IsConsistent, path);
            }
            catch (PromptFormatException ex)
            {
                Assert.Fail($"{path}: {ex.Message}");
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Neighbourhood.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Neighbourhood.slnx not found above the test output.");
    }
}
