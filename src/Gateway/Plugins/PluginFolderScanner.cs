namespace Gateway.Plugins;

/// <summary>What a scan saw in one plugin folder.</summary>
/// <param name="Name">The folder name, which is the plugin name.</param>
/// <param name="Directory">The folder.</param>
/// <param name="Fingerprint">The <see cref="PluginFolderFingerprint"/>; null when the folder could not be read (it was changing).</param>
/// <param name="HasAssembly">True when <c>&lt;Name&gt;.dll</c> is there; without it a folder is never loaded.</param>
/// <param name="HasReadyMarker">True when ops wrote the <c>.ready</c> marker: the folder is complete, no need to wait for it to settle.</param>
internal sealed record PluginFolderState(string Name, string Directory, string? Fingerprint, bool HasAssembly, bool HasReadyMarker);

/// <summary>Lists the plugin folders under the plugins directory.</summary>
internal static class PluginFolderScanner
{
    /// <summary>
    /// Folders whose name starts with a dot are ignored, so ops can copy a plugin to <c>.DemoPay.tmp</c>
    /// and then rename it into place.
    /// </summary>
    public static bool IsIgnored(string folderName) => folderName.StartsWith('.');

    /// <summary>Every plugin folder by name.</summary>
    public static IReadOnlyDictionary<string, PluginFolderState> Scan(string pluginsDirectory)
    {
        var folders = new Dictionary<string, PluginFolderState>(StringComparer.Ordinal);
        if (!Directory.Exists(pluginsDirectory))
        {
            return folders;
        }

        foreach (var directory in Directory.EnumerateDirectories(pluginsDirectory))
        {
            var name = Path.GetFileName(directory);
            if (!IsIgnored(name))
            {
                folders[name] = Inspect(name, directory);
            }
        }

        return folders;
    }

    private static PluginFolderState Inspect(string name, string directory)
    {
        try
        {
            return new PluginFolderState(
                name,
                directory,
                PluginFolderFingerprint.Compute(directory),
                File.Exists(Path.Combine(directory, name + ".dll")),
                File.Exists(Path.Combine(directory, PluginFolderFingerprint.ReadyMarker)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Files vanished while we listed them: a copy or a rename is in progress.
            return new PluginFolderState(name, directory, null, false, false);
        }
    }
}
