using System.Security.Cryptography;
using System.Text;
using Gateway.WeChatPay.Signing;
using Gateway.WeChatPay.Xml;

namespace Gateway.WeChatPay;

/// <summary>
/// The v2 pay API of one merchant account. Operations live in <c>Operations/</c>, one file each; they all
/// go through <see cref="SendAsync"/>, which adds the account fields, a fresh nonce and the signature, and
/// verifies the reply's signature. Transport failures (<see cref="HttpRequestException"/>, timeouts) throw;
/// WeChat FAIL codes come back as data; untrustworthy replies throw <see cref="WeChatPayReplyException"/>.
/// </summary>
public sealed partial class WeChatPayClient
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int NonceLength = 32;

    private readonly HttpClient _http;
    private readonly WeChatPayOptions _options;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;

    /// <summary>Creates a client; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public WeChatPayClient(HttpClient httpClient, WeChatPayOptions options, TimeProvider timeProvider)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));

        var errors = new List<string>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid WeChat Pay options: " + string.Join(" ", errors), nameof(options));
        }

        _baseUrl = options.BaseUrl.TrimEnd('/');
    }

    /// <summary>Replies larger than this are refused; real replies are well under 4 KiB.</summary>
    public int MaxReplyBytes { get; init; } = WeChatXml.DefaultMaxBytes;

    /// <summary>
    /// The client for <c>/secapi/*</c> calls: its handler presents the merchant's API client certificate (mutual
    /// TLS). Null when the account has no usable certificate; those calls then throw <see cref="InvalidOperationException"/>.
    /// </summary>
    public HttpClient? SecureHttpClient { get; init; }

    /// <summary>The base URL of <c>/secapi/*</c> calls; defaults to <see cref="WeChatPayOptions.BaseUrl"/> (a sandbox may serve them on its own TLS port).</summary>
    public string? SecureBaseUrl { get; init; }

    /// <summary>Bills (gzipped or inflated) larger than this are refused: 64 MiB is far beyond a busy merchant's day.</summary>
    public int MaxBillBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>A fresh 32-character nonce from the OS CSPRNG; one per request, never reused.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetString(NonceAlphabet, NonceLength);

    private Task<Dictionary<string, string>> SendSecureAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var http = SecureHttpClient ?? throw new InvalidOperationException($"{path} needs the merchant's API client certificate, and none is configured.");
        return PostAsync(http, (SecureBaseUrl?.TrimEnd('/') ?? _baseUrl) + path, fields, cancellationToken);
    }

    private async Task<Dictionary<string, string>> PostAsync(
        HttpClient http, string url, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
        => ParseVerified(await PostSignedAsync(http, url, fields, MaxReplyBytes, cancellationToken).ConfigureAwait(false));

    private Task<Dictionary<string, string>> SendAsync(
        string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
        => PostAsync(_http, _baseUrl + path, fields, cancellationToken);

    /// <summary>Adds the account fields, a nonce and the sign, posts, and returns the raw reply (capped at <paramref name="maxBytes"/>).</summary>
    private async Task<byte[]> PostSignedAsync(
        HttpClient http, string url, IEnumerable<KeyValuePair<string, string>> fields, int maxBytes, CancellationToken cancellationToken)
    {
        var request = new Dictionary<string, string>(fields, StringComparer.Ordinal)
        {
            ["appid"] = _options.AppId,
            ["mch_id"] = _options.MchId,
            ["nonce_str"] = NewNonce(),
        };
        if (_options.SignType == WeChatSignType.HmacSha256)
        {
            // MD5 is the default, so sign_type is only sent (and then signed) when it changes something.
            request[WeChatSigner.SignTypeField] = WeChatSignTypes.HmacSha256;
        }

        request[WeChatSigner.SignField] = WeChatSigner.Sign(request, _options.ApiKey, _options.SignType);

        using var content = new StringContent(WeChatXml.Write(request), Encoding.UTF8, "application/xml");
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccessStatusCode();

        return await ReadCappedAsync(response.Content, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private Dictionary<string, string> ParseVerified(byte[] body)
    {
        Dictionary<string, string> reply;
        try
        {
            reply = WeChatXml.Parse(body, MaxReplyBytes);
        }
        catch (WeChatXmlException ex)
        {
            throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The reply is not a valid v2 message.", ex);
        }

        if (!reply.TryGetValue("return_code", out var returnCode) || returnCode.Length == 0)
        {
            throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The reply has no return_code.");
        }

        // FAIL replies carry no sign; SUCCESS replies must verify before any field is believed.
        if (returnCode == WeChatPayCodes.Success && !WeChatSigner.Verify(reply, _options.ApiKey, _options.SignType))
        {
            throw new WeChatPayReplyException(WeChatPayReplyException.InvalidSignature, "The reply's signature does not verify.");
        }

        return reply;
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
        => await Gateway.Shared.CappedContent.ReadAsync(content, maxBytes, cancellationToken).ConfigureAwait(false) ?? throw TooLarge(maxBytes);

    private static WeChatPayReplyException TooLarge(int maxBytes)
        => new(WeChatPayReplyException.InvalidResponse, $"The reply is larger than {maxBytes} bytes.");
}
