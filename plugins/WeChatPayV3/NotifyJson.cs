using System.Text.Json.Serialization;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>Source-generated JSON for the plugin's own small writes (stays unloadable).</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class NotifyJson : JsonSerializerContext;
