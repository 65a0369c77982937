namespace Gateway.Payments;

/// <summary>
/// The field rules every money-taking request shares (payments and product codes): each returns the
/// problem with a value, or null when it is fine, so bodies list every problem at once.
/// </summary>
internal static class RequestFieldRules
{
    /// <summary>The largest amount accepted, in fen (100 million yuan).</summary>
    public const long MaxAmount = 100_000_000_00;

    public static string? Amount(long? amount)
        => amount is null or <= 0 or > MaxAmount ? "is required: a positive integer in fen, at most 10,000,000,000." : null;

    public static string? Description(string? description)
        => string.IsNullOrWhiteSpace(description) || description.Length > 128 ? "is required: 1 to 128 characters." : null;

    public static string? NotifyUrl(string? notifyUrl)
        => notifyUrl is not null && (!Uri.TryCreate(notifyUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            ? "must be an absolute http(s) URL."
            : null;

    /// <summary>At most <paramref name="maxEntries"/> pairs, keys up to 40 and values up to 500 characters, none named <paramref name="reservedKey"/>.</summary>
    public static string? Metadata(Dictionary<string, string>? metadata, int maxEntries, string? reservedKey = null)
        => metadata is { } entries && (entries.Count > maxEntries || (reservedKey is not null && entries.ContainsKey(reservedKey))
            || entries.Any(m => m.Key.Length > 40 || m.Value is null || m.Value.Length > 500))
            ? $"allows at most {maxEntries} entries{(reservedKey is null ? "" : $" (not '{reservedKey}')")}, keys up to 40 and values up to 500 characters."
            : null;

    /// <summary>Adds <paramref name="problem"/> for <paramref name="field"/> when there is one.</summary>
    public static void AddProblem(this Dictionary<string, string[]> errors, string field, string? problem)
    {
        if (problem is not null)
        {
            errors[field] = [problem];
        }
    }
}
