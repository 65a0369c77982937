namespace Gateway.Plugins;

/// <summary>Copies and removes the private folders plugins are loaded from.</summary>
internal static class ShadowFolder
{
    /// <summary>Copies every file of <paramref name="source"/> (recursively) into a new <paramref name="target"/>.</summary>
    public static void Copy(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    /// <summary>Removes a folder; best effort, since a file may still be mapped on some platforms.</summary>
    public static void TryDelete(string directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
