using System.Text.RegularExpressions;

namespace Gateway.Documentation.Tests;

/// <summary>
/// The docs travel with every clone: relative links resolve inside the repository, nothing points outside
/// it, and code cites the in-repository protocol notes.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    // Spelled in two parts so that this file is not itself a citation of the developers' folder outside the repository.
    private static readonly string OutsideFolder = "../" + "shared";
    private static readonly string OutsideNotes = "PROTOCOLS" + ".md";

    [Fact]
    public void RelativeLinks_ResolveInsideTheRepository()
    {
        var broken = new List<string>();
        foreach (var file in RepositoryFiles.Markdown())
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(file)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || Uri.TryCreate(target, UriKind.Absolute, out _))
                {
                    continue; // an anchor in the same page, or a public URL
                }

                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(target)));
                var inside = resolved.StartsWith(RepositoryFiles.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (!inside || !(File.Exists(resolved) || Directory.Exists(resolved)))
                {
                    broken.Add($"{Path.GetRelativePath(RepositoryFiles.Root, file)}: {link.Value}");
                }
            }
        }

        Assert.True(broken.Count == 0, "Broken or outside links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void Markdown_LinksFindTheProtocolNotes()
    {
        // Guards the checker itself: the README's links are found and resolve.
        var readme = RepositoryFiles.Read("README.md");
        Assert.Contains("docs/protocols.md", MarkdownLink().Matches(readme).Select(m => m.Groups["target"].Value));
    }

    [Fact]
    public void NoFile_PointsOutsideTheRepositoryOrCitesAMissingDocument()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj" || s.StartsWith('.'))
                || Path.GetExtension(file) is not (".cs" or ".md" or ".csproj" or ".props" or ".json" or ".sh")
                || relative == Path.Combine("tests", "Gateway.Tests", "Documentation", "DocumentationLinkTests.cs"))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (text.Contains(OutsideFolder, StringComparison.Ordinal) || text.Contains(OutsideNotes, StringComparison.Ordinal))
            {
                offenders.Add(relative);
            }
        }

        Assert.True(offenders.Count == 0, "Cite docs/protocols.md instead:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void ProtocolCitations_NameSectionsThatExist()
    {
        var headings = SectionHeading().Matches(RepositoryFiles.Read("docs/protocols.md"))
            .Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryFiles.Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (Match citation in Citation().Matches(File.ReadAllText(file)))
            {
                foreach (Capture id in citation.Groups["id"].Captures)
                {
                    if (!headings.Contains(id.Value))
                    {
                        missing.Add($"{Path.GetRelativePath(RepositoryFiles.Root, file)}: §{id.Value}");
                    }
                }
            }
        }

        Assert.Contains("B6", headings);
        Assert.True(missing.Count == 0, "Citations of sections docs/protocols.md lacks:\n" + string.Join("\n", missing));
    }

    // [text](target) and ![alt](target); the target stops at whitespace or ')'.
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    // "## A. …", "### B6. …", "**G1.3 …", "**G3.a …" in docs/protocols.md.
    [GeneratedRegex(@"^(?:#{2,4} |\*\*)(?<id>[A-H](?:\d+(?:\.\d+|\.[a-h])?)?)[. ]", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    // "docs/protocols.md §B6", "§E3, §E4", "§E3/§E4".
    [GeneratedRegex(@"docs/protocols\.md (?:§(?<id>[A-H](?:\d+(?:\.\d+|\.[a-h])?)?)(?:[,/] ?)?)+")]
    private static partial Regex Citation();
}
