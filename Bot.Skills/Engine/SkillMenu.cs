using System.Text;

namespace Bot.Skills.Engine;

/// <summary>The numbered menu built from the skills that are installed; 回复数字 picks an entry.</summary>
public sealed class SkillMenu
{
    private readonly IReadOnlyList<ISkill> _entries;

    public SkillMenu(IEnumerable<ISkill> skills)
    {
        _entries = skills
            .Where(skill => skill.MenuTitle is not null)
            .OrderBy(skill => skill.MenuOrder)
            .ThenBy(skill => skill.Intent, StringComparer.Ordinal)
            .ToList();
    }

    public int Count => _entries.Count;

    /// <summary>Every menu entry's intent and title, in menu order.</summary>
    public IEnumerable<(string Intent, string Title)> Entries => _entries.Select(skill => (skill.Intent, skill.MenuTitle!));

    /// <returns>The intent of the 1-based menu entry, or null when there is no such entry.</returns>
    public string? IntentAt(int number) =>
        number >= 1 && number <= _entries.Count ? _entries[number - 1].Intent : null;

    /// <summary>The menu as lines like "1. 社区信息与联系方式".</summary>
    public string Render()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _entries.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            text.Append(i + 1).Append(". ").Append(_entries[i].MenuTitle);
        }

        return text.ToString();
    }
}
