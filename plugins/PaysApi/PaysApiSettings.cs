using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.PaysApi;

/// <summary>
/// Reads an instance's <c>Settings</c> section by hand, so every bad key is reported at once and none
/// throws. Messages start with the key and never repeat a value (the token above all).
/// </summary>
internal static class PaysApiSettings
{
    // PaysAPI's field table: uid is string(24).
    private const int MaxUidLength = 24;

    public static PaysApiOptions Bind(IConfiguration settings, ICollection<string> errors)
    {
        var uid = settings["Uid"]?.Trim() ?? "";
        if (uid.Length == 0)
        {
            errors.Add("Uid is required.");
        }
        else if (uid.Length > MaxUidLength)
        {
            errors.Add($"Uid must be at most {MaxUidLength} characters.");
        }

        var token = settings["Token"] ?? "";
        if (string.IsNullOrWhiteSpace(token))
        {
            errors.Add("Token is required.");
        }

        return new PaysApiOptions
        {
            Uid = uid,
            Token = token,
            StartMode = ReadStartMode(settings["StartMode"], errors),
            BaseUrl = ReadBaseUrl(settings["BaseUrl"], errors),
            ToleranceFen = ReadTolerance(settings["ToleranceFen"], errors),
        };
    }

    private static StartMode ReadStartMode(string? value, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return StartMode.FormPost;
        }

        // Names only: Enum.TryParse would also take "0" or "7".
        switch (value.Trim().ToUpperInvariant())
        {
            case "FORMPOST":
                return StartMode.FormPost;
            case "JSON":
                return StartMode.Json;
            default:
                errors.Add($"StartMode must be {nameof(StartMode.FormPost)} or {nameof(StartMode.Json)}.");
                return StartMode.FormPost;
        }
    }

    private static Uri ReadBaseUrl(string? value, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return PaysApiOptions.DefaultBaseUrl;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            errors.Add("BaseUrl must be an absolute http(s) URL without query or fragment.");
            return PaysApiOptions.DefaultBaseUrl;
        }

        // A trailing slash keeps "?format=json" on the same path, and is the form PaysAPI documents.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    private static long ReadTolerance(string? value, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 0;
        }

        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var fen))
        {
            errors.Add("ToleranceFen must be a whole number of fen, 0 or more.");
            return 0;
        }

        return fen;
    }
}
