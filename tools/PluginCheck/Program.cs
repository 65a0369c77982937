using System.Text.Json;
using Gateway.PluginTesting;

// dotnet run --project tools/PluginCheck -- <plugin folder> [--set Key=Value]... [--settings settings.json]
// Checks a plugin folder before it is dropped into a gateway; exit code 0 when every check passes.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: PluginCheck <plugin folder> [--set Key=Value]... [--settings <json file of Key: Value>]");
    Console.WriteLine("The settings are one valid instance's (Gateway:Providers:{instance}:Settings); test values are fine.");
    return args.Length == 0 ? 2 : 0;
}

var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--set" when i + 1 < args.Length && args[i + 1].IndexOf('=') > 0:
            var pair = args[++i];
            settings[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            break;
        case "--settings" when i + 1 < args.Length:
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(File.ReadAllText(args[++i])) ?? [])
            {
                settings[key] = value;
            }

            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            return 2;
    }
}

var report = await PluginConformance.CheckAsync(args[0], new PluginCheckOptions { Settings = settings });
Console.WriteLine(report);
Console.WriteLine(report.Passed ? $"{report.Folder}: conforms." : $"{report.Folder}: does NOT conform.");
return report.Passed ? 0 : 1;
