namespace Gateway.Plugins;

/// <summary>A plugin folder that could not be loaded, kept for <c>/admin/plugins</c> and health.</summary>
/// <param name="Name">The folder name.</param>
/// <param name="Directory">The folder.</param>
/// <param name="Error">Why, without secrets.</param>
internal sealed record PluginLoadFailure(string Name, string Directory, string Error)
{
    /// <summary>When the load was refused.</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>The refused folder's fingerprint, so the same files are not retried on every rescan.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// True when the plugin itself loaded but the configuration of an instance using it was refused; such a
    /// failure is forgotten after a good configuration reload, so the folder is tried again.
    /// </summary>
    public bool RefusedByConfiguration { get; init; }
}
