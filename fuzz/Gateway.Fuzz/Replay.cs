namespace Gateway.Fuzz;

/// <summary>Runs saved inputs (seeds, findings) through a target in one process: the regression check run.sh does first.</summary>
internal static class Replay
{
    public static int Run(FuzzTarget target, IEnumerable<string> paths)
    {
        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p) : [p]).Order(StringComparer.Ordinal).ToList();
        var failures = 0;
        foreach (var file in files)
        {
            try
            {
                target(File.ReadAllBytes(file));
            }
            catch (Exception ex)
            {
                failures++;
                Console.Error.WriteLine($"{file}: {ex}");
            }
        }

        Console.WriteLine($"replay: {files.Count} inputs, {failures} failed");
        return failures == 0 ? 0 : 1;
    }
}
