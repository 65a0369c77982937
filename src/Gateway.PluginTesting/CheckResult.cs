namespace Gateway.PluginTesting;

/// <summary>One conformance check: its name, whether it passed, and why not.</summary>
/// <param name="Name">What was checked, e.g. <c>notify.hostile-bodies</c>.</param>
/// <param name="Passed">True when the plugin conforms.</param>
/// <param name="Message">What was found; for a failure, what to fix.</param>
public sealed record CheckResult(string Name, bool Passed, string Message)
{
    internal static CheckResult Pass(string name, string message) => new(name, true, message);

    internal static CheckResult Fail(string name, string message) => new(name, false, message);
}

/// <summary>Every check run on one plugin folder.</summary>
/// <param name="Folder">The folder checked.</param>
/// <param name="Results">The checks, in the order they ran.</param>
public sealed record PluginReport(string Folder, IReadOnlyList<CheckResult> Results)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Results.Count > 0 && Results.All(r => r.Passed);

    /// <summary>One line per check, ✔ or ✘, for a console.</summary>
    public override string ToString()
        => string.Join(Environment.NewLine, Results.Select(r => $"{(r.Passed ? "PASS" : "FAIL")} {r.Name}: {r.Message}"));
}
