using System.Text.Json;
using System.Xml;
using Gateway.Abstractions.Notify;

namespace Gateway.PluginTesting.Checks;

/// <summary>
/// <c>CreateAck</c>: both outcomes answer a body the provider can read, and they differ; so does each host outcome
/// (contract 1.4): <c>Received</c> is a 2xx, every other one differs from it.
/// </summary>
internal static class AckCheck
{
    public const string Name = "ack.well-formed";

    public static CheckResult Run(INotifyHandler handler)
    {
        try
        {
            var success = handler.CreateAck(true);
            var failure = handler.CreateAck(false, "conformance check");
            var problems = Problems("success", success).Concat(Problems("failure", failure)).ToList();
            if (success == failure)
            {
                problems.Add("the success and failure acks are identical, so the provider cannot tell them apart");
            }

            if (success.StatusCode is < 200 or > 299)
            {
                problems.Add($"the success ack answers HTTP {success.StatusCode}, not 2xx");
            }

            foreach (var outcome in Enum.GetValues<NotifyAckOutcome>())
            {
                var ack = handler.CreateAck(outcome, "conformance check");
                problems.AddRange(Problems(outcome.ToString(), ack));
                if (outcome == NotifyAckOutcome.Received ? ack.StatusCode is < 200 or > 299 : ack == success)
                {
                    problems.Add($"the {outcome} ack answers HTTP {ack.StatusCode} {ack.Body}, which the provider would take the wrong way");
                }
            }

            return problems.Count == 0
                ? CheckResult.Pass(Name, $"success {success.StatusCode} {success.ContentType}, failure {failure.StatusCode} {failure.ContentType}")
                : CheckResult.Fail(Name, string.Join("; ", problems));
        }
        catch (Exception ex)
        {
            return CheckResult.Fail(Name, $"CreateAck threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static IEnumerable<string> Problems(string outcome, NotifyAck ack)
    {
        if (ack.StatusCode is < 100 or > 599)
        {
            yield return $"the {outcome} ack has HTTP status {ack.StatusCode}";
        }

        if (string.IsNullOrWhiteSpace(ack.ContentType))
        {
            yield return $"the {outcome} ack has no content type";
        }
        else if (Unreadable(ack) is { } why)
        {
            yield return $"the {outcome} ack is not well-formed {ack.ContentType}: {why}";
        }
    }

    private static string? Unreadable(NotifyAck ack)
    {
        try
        {
            if (ack.ContentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = XmlReader.Create(new StringReader(ack.Body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                while (reader.Read())
                {
                }
            }
            else if (ack.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                using var _ = JsonDocument.Parse(ack.Body);
            }

            return null;
        }
        catch (Exception ex) when (ex is XmlException or JsonException)
        {
            return ex.Message;
        }
    }
}
