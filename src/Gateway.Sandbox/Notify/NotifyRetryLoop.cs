namespace Gateway.Sandbox.Notify;

/// <summary>
/// A provider's notify retry schedule: the first attempt at once, then one more after each delay, until
/// one is delivered. Shared by every simulated provider; what an attempt sends is theirs.
/// </summary>
internal static class NotifyRetryLoop
{
    /// <summary>Runs the attempts; returns the number of the delivered attempt, or null when all failed.</summary>
    /// <param name="schedule">The delays between attempts (attempts = delays + 1).</param>
    /// <param name="attempt">Sends attempt n.</param>
    /// <param name="record">Called with every attempt, delivered or not, for logs and views.</param>
    /// <param name="time">The clock the delays run on.</param>
    /// <param name="stopping">Host shutdown.</param>
    public static async Task<int?> RunAsync(
        IReadOnlyList<TimeSpan> schedule,
        Func<int, Task<NotifyAttempt>> attempt,
        Action<NotifyAttempt> record,
        TimeProvider time,
        CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(record);
        for (var number = 1; number <= schedule.Count + 1; number++)
        {
            if (number > 1)
            {
                await Task.Delay(schedule[number - 2], time, stopping).ConfigureAwait(false);
            }

            var result = await attempt(number).ConfigureAwait(false);
            record(result);
            if (result.Outcome == NotifyOutcome.Delivered)
            {
                return number;
            }
        }

        return null;
    }
}
