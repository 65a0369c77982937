using System.Text.Json.Serialization;

namespace Gateway.WeChatPayV3.Models;

/// <summary>The body of a non-2xx reply: <c>{"code","message","detail"}</c>. REF: docs/protocols.md §G3.c.</summary>
public sealed record ErrorReply(
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("message")] string? Message);
