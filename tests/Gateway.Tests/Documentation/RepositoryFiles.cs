namespace Gateway.Documentation.Tests;

/// <summary>The repository's working tree, found from the test assembly (Gateway.sln above it).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every Markdown file, outside build output and dot-folders.</summary>
    public static IEnumerable<string> Markdown() => Directory
        .EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
        .Where(path => !Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar)
            .Any(segment => segment is "bin" or "obj" or "node_modules" || segment.StartsWith('.')));

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above the test folder.");
    }
}
