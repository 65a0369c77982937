namespace Gateway.Management;

/// <summary>
/// Decides which instance settings are secret by their key, so ops can see an instance's configuration
/// without its keys. Errs on the side of hiding: any key that mentions a secret-like word is redacted.
/// </summary>
internal static class SecretSettings
{
    public const string Redacted = "***";

    private static readonly string[] SecretWords = ["key", "secret", "token", "password", "passwd", "cert", "private", "credential", "pfx", "signature"];

    public static bool IsSecret(string key) => SecretWords.Any(word => key.Contains(word, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every leaf of <paramref name="settings"/> by relative path, secret values replaced.</summary>
    public static SortedDictionary<string, string> Redact(IConfiguration settings)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settings.AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                result[key] = IsSecret(key) ? Redacted : value;
            }
        }

        return result;
    }
}
