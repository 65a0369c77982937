namespace Gateway.Plugins;

/// <summary>A plugin folder that could not be loaded, kept for <c>/admin/plugins</c> and health.</summary>
/// <param name="Name">The folder name.</param>
/// <param name="Directory">The folder.</param>
/// <param name="Error">Why, without secrets.</param>
internal sealed record PluginLoadFailure(string Name, string Directory, string Error);
