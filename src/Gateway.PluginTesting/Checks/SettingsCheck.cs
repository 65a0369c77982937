using Gateway.Abstractions.Plugins;

namespace Gateway.PluginTesting.Checks;

/// <summary>
/// <c>ValidateSettings</c>: accepts the valid settings given, names the key when one is missing, never repeats a
/// value in a message (a secret would reach the logs), and never throws.
/// </summary>
internal static class SettingsCheck
{
    public static IEnumerable<CheckResult> Run(IGatewayPlugin plugin, PluginCheckOptions options)
    {
        var valid = Errors(plugin, options, options.Settings, out var threw);
        if (threw is not null)
        {
            yield return CheckResult.Fail("settings.valid", $"ValidateSettings threw {threw}; report problems as messages instead");
            yield break;
        }

        yield return valid.Count == 0
            ? CheckResult.Pass("settings.valid", $"the {options.Settings.Count} settings given are accepted")
            : CheckResult.Fail("settings.valid", "the settings given are refused (give valid ones): " + string.Join(" ", valid));

        var unnamed = new List<string>();
        var echoed = new List<string>();
        foreach (var key in options.Settings.Keys)
        {
            var missing = Errors(plugin, options, options.Settings.Where(s => s.Key != key), out threw);
            if (threw is not null)
            {
                unnamed.Add($"without {key} it threw {threw}");
            }
            else if (missing.Count > 0 && !missing.Any(e => e.Contains(key.Split(':')[0], StringComparison.OrdinalIgnoreCase)))
            {
                unnamed.Add($"without {key}: \"{string.Join(" ", missing)}\"");
            }

            var canary = $"cAnArY-{Guid.NewGuid():N}"[..20] + "%'\"<>";
            var bad = Errors(plugin, options, options.Settings.Select(s => KeyValuePair.Create(s.Key, s.Key == key ? canary : s.Value)), out threw);
            if (threw is not null)
            {
                unnamed.Add($"with a bad {key} it threw {threw}");
            }
            else if (bad.Any(e => e.Contains(canary[..20], StringComparison.Ordinal)))
            {
                echoed.Add(key);
            }
        }

        Errors(plugin, options, [], out threw);
        if (threw is not null)
        {
            unnamed.Add($"with no settings it threw {threw}");
        }

        yield return unnamed.Count == 0
            ? CheckResult.Pass("settings.names-keys", "each missing setting is reported by its key name")
            : CheckResult.Fail("settings.names-keys", string.Join("; ", unnamed));
        yield return echoed.Count == 0
            ? CheckResult.Pass("settings.no-echo", "no message repeats a setting's value")
            : CheckResult.Fail("settings.no-echo", $"messages repeat the value of {string.Join(", ", echoed)}: name the key, never the value");
    }

    private static List<string> Errors(IGatewayPlugin plugin, PluginCheckOptions options, IEnumerable<KeyValuePair<string, string?>> settings, out string? threw)
    {
        var errors = new List<string>();
        threw = null;
        try
        {
            plugin.ValidateSettings(options.Configuration(settings), errors);
        }
        catch (Exception ex)
        {
            threw = $"{ex.GetType().Name}: {ex.Message}";
        }

        return errors;
    }
}
