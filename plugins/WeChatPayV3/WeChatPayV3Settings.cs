using Gateway.WeChatPayV3;
using Microsoft.Extensions.Configuration;

namespace Gateway.Plugins.WeChatPayV3;

/// <summary>
/// The instance settings: <c>AppId</c>, <c>MchId</c>, <c>MerchantSerialNo</c>, <c>MerchantPrivateKey</c> (PEM) or
/// <c>MerchantPrivateKeyPath</c>, <c>ApiV3Key</c>, and for public-key mode <c>PublicKeyId</c> with <c>PublicKey</c>
/// (PEM) or <c>PublicKeyPath</c>; without them, certificate mode. <c>BaseUrl</c> is optional.
/// </summary>
internal sealed record WeChatPayV3Settings(string AppId, WeChatPayV3Options Options)
{
    public static WeChatPayV3Settings Bind(IConfiguration settings, ICollection<string> errors)
    {
        var appId = settings["AppId"]?.Trim() ?? "";
        if (appId.Length == 0)
        {
            errors.Add("AppId is required.");
        }

        var options = new WeChatPayV3Options
        {
            MchId = settings["MchId"]?.Trim() ?? "",
            MerchantSerialNo = settings["MerchantSerialNo"]?.Trim() ?? "",
            MerchantPrivateKey = PemOrFile(settings, "MerchantPrivateKey", errors) ?? "",
            ApiV3Key = settings["ApiV3Key"] ?? "",
            PublicKeyId = settings["PublicKeyId"]?.Trim() is { Length: > 0 } id ? id : null,
            PublicKey = PemOrFile(settings, "PublicKey", errors),
        };
        if (settings["BaseUrl"] is { } baseUrl && !string.IsNullOrWhiteSpace(baseUrl))
        {
            options.BaseUrl = baseUrl.Trim();
        }

        options.Validate(errors);
        return new WeChatPayV3Settings(appId, options);
    }

    // A key is given inline (environment, secret store) or as a file (apiclient_key.pem, pub_key.pem).
    private static string? PemOrFile(IConfiguration settings, string key, ICollection<string> errors)
    {
        var inline = settings[key];
        var path = settings[key + "Path"];
        if (!string.IsNullOrWhiteSpace(inline))
        {
            if (!string.IsNullOrWhiteSpace(path))
            {
                errors.Add($"Set {key} or {key}Path, not both.");
            }

            return inline;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            errors.Add($"{key}Path cannot be read ({ex.GetType().Name}).");
            return null;
        }
    }
}
