using Gateway.Abstractions.Notify;
using Gateway.Abstractions.Plugins;

namespace Gateway.Fuzz.Targets;

/// <summary>Calls a provider instance's <c>ParseNotifyAsync</c> the way the host's notify route does.</summary>
internal static class ProviderNotify
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public static NotifyParseResult Parse(IProviderInstance instance, byte[] body, string contentType)
    {
        var parse = instance.ParseNotifyAsync(new NotifyRequest(NotifyKind.Payment, body, contentType, NoHeaders), CancellationToken.None);
        return parse.IsCompleted ? parse.Result : parse.AsTask().GetAwaiter().GetResult();
    }
}
