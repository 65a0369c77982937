namespace Gateway.Sandbox.Notify;

/// <summary>Notify progress: <c>not_sent</c>, <c>pending</c>, <c>delivered</c>, <c>gave_up</c> or <c>dropped</c>, and each attempt.</summary>
internal sealed record NotifyView(string Status, IReadOnlyList<NotifyAttemptView> Attempts);

/// <summary>One notify attempt as shown to people.</summary>
internal sealed record NotifyAttemptView(
    int Number, DateTimeOffset StartedAt, double DurationMs, string Outcome, int? HttpStatus, string? Reply, string? Error)
{
    public static NotifyAttemptView From(NotifyAttempt attempt) => new(
        attempt.Number, attempt.StartedAt, attempt.Duration.TotalMilliseconds,
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(attempt.Outcome.ToString()),
        attempt.HttpStatus, attempt.Reply, attempt.Error);
}
