namespace Gateway.Plugins;

/// <summary>The <c>Gateway:Plugins</c> section: how plugin folders are watched and swapped without a restart.</summary>
public sealed class PluginReloadOptions
{
    /// <summary>The section path.</summary>
    public const string SectionName = "Gateway:Plugins";

    /// <summary>Watch the plugins directory and load, replace and drop plugins while running. Default true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// A changed folder is loaded once it has been unchanged this long (a copy in progress keeps changing
    /// it), unless it holds a <c>.ready</c> marker. Default 2000.
    /// </summary>
    public int SettleMilliseconds { get; set; } = 2000;

    /// <summary>Full rescan interval, the safety net for file-system events that never arrive. Default 10.</summary>
    public int RescanSeconds { get; set; } = 10;

    /// <summary>
    /// Where each loaded version is copied before it is loaded (so ops may overwrite the plugin folder while
    /// it runs). Default: a folder of its own under the system temp directory.
    /// </summary>
    public string? ShadowCopyPath { get; set; }
}
