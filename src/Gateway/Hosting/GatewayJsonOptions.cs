using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Hosting;

/// <summary>How the API reads and writes JSON; one place, so the fuzz harness reads bodies exactly as the host does.</summary>
internal static class GatewayJsonOptions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Money is an integer in fen: "100" or 1.5 is a client bug to report, not to guess at.
        options.NumberHandling = JsonNumberHandling.Strict;
        // A misspelt field ("amout") is a client bug to report, not a field to drop silently.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    }
}
