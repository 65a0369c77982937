using Gateway.Abstractions.Notify;

namespace Gateway.PluginTesting.Checks;

/// <summary>
/// <c>ParseNotifyAsync</c> on hostile bodies, for both notify routes: it must answer (no exception, no hang) and
/// must never accept one, since none of them carries a valid signature.
/// </summary>
internal static class NotifyCheck
{
    public const string Name = "notify.hostile-bodies";

    public static async Task<CheckResult> RunAsync(INotifyHandler handler, TimeSpan timeout)
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var kind in new[] { NotifyKind.Payment, NotifyKind.Refund })
        {
            foreach (var (name, contentType, body) in HostileBodies.All())
            {
                count++;
                var headers = contentType is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Content-Type"] = contentType };
                var label = $"{kind} notify, {name}, {contentType ?? "no content type"}";
                using var cancel = new CancellationTokenSource(timeout);
                try
                {
                    var parse = handler.ParseNotifyAsync(new NotifyRequest(kind, body, contentType, headers), cancel.Token).AsTask();
                    var result = await parse.WaitAsync(timeout);
                    if (result is not NotifyParseResult.Rejected)
                    {
                        problems.Add($"{label}: accepted ({result.GetType().Name}) an unsigned body");
                    }
                }
                catch (TimeoutException)
                {
                    problems.Add($"{label}: no answer within {timeout.TotalSeconds:0.#} s");
                }
                catch (Exception ex)
                {
                    problems.Add($"{label}: threw {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        return problems.Count == 0
            ? CheckResult.Pass(Name, $"{count} hostile notifies rejected")
            : CheckResult.Fail(Name, $"{problems.Count} of {count} hostile notifies mishandled (return Rejected, never throw): " + string.Join(" | ", problems.Take(5)));
    }
}
