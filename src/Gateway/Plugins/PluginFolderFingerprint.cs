using System.Security.Cryptography;
using System.Text;

namespace Gateway.Plugins;

/// <summary>
/// Identifies the content of a plugin folder cheaply: a hash of every file's relative path, size and
/// last-write time. A new version of a plugin changes it; so does a copy still in progress, which is
/// how the settle time is measured.
/// </summary>
internal static class PluginFolderFingerprint
{
    /// <summary>The marker file ops may write last to say "this folder is complete".</summary>
    public const string ReadyMarker = ".ready";

    /// <summary>The fingerprint of <paramref name="directory"/>; the ready marker is left out, so writing it does not look like a new version.</summary>
    public static string Compute(string directory)
    {
        var text = new StringBuilder();
        var files = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !string.Equals(f.Name, ReadyMarker, StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(directory, f.FullName), f.Length, f.LastWriteTimeUtc.Ticks))
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        foreach (var file in files)
        {
            text.Append(file.Path).Append('|').Append(file.Length).Append('|').Append(file.Ticks).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
