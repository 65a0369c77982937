using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.WeChatPayV3.Models;
using Gateway.WeChatPayV3.Signing;
using Gateway.WeChatPayV3.Verification;

namespace Gateway.WeChatPayV3;

/// <summary>
/// The APIv3 pay API of one merchant account. Every request is signed (Authorization header); every reply, errors
/// included, is verified before any field is believed. One file per operation under <c>Operations/</c>.
/// </summary>
public sealed partial class WeChatPayV3Client : IDisposable
{
    private const string NonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const int NonceLength = 32;

    private readonly HttpClient _http;
    private readonly WeChatPayV3Options _options;
    private readonly TimeProvider _time;
    private readonly RSA _merchantKey;
    private readonly Uri _baseUrl;
    private readonly IDisposable? _ownedKeys;

    /// <summary>Creates the client; <paramref name="options"/> must pass validation.</summary>
    public WeChatPayV3Client(HttpClient httpClient, WeChatPayV3Options options, TimeProvider timeProvider)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var errors = new List<string>();
        options.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid WeChat Pay APIv3 options: " + string.Join(" ", errors), nameof(options));
        }

        _merchantKey = WeChatPayV3Options.ImportKey(options.MerchantPrivateKey);
        _baseUrl = new Uri(options.BaseUrl.TrimEnd('/') + "/");
        if (options.UsesPublicKey)
        {
            Keys = new PublicKeySource(options.PublicKeyId!, WeChatPayV3Options.ImportKey(options.PublicKey!));
        }
        else
        {
            var certificates = new PlatformCertificateSource(DownloadCertificatesAsync, timeProvider);
            Keys = certificates;
            _ownedKeys = certificates;
        }

        Verifier = new WeChatPayV3Verifier(Keys, timeProvider);
    }

    /// <summary>The WeChat Pay keys replies and notifies are verified with.</summary>
    public IPlatformKeySource Keys { get; }

    /// <summary>Verifies replies and notifies.</summary>
    public WeChatPayV3Verifier Verifier { get; }

    /// <summary>The largest reply read.</summary>
    public int MaxReplyBytes { get; init; } = 64 * 1024;

    /// <summary>A fresh 32-character nonce.</summary>
    public static string NewNonce() => RandomNumberGenerator.GetString(NonceAlphabet, NonceLength);

    /// <summary>Signs <paramref name="message"/> with the merchant API private key (paySign, requests).</summary>
    public string SignWithMerchantKey(string message) => WeChatPayV3Signer.Sign(_merchantKey, message);

    /// <inheritdoc />
    public void Dispose()
    {
        _merchantKey.Dispose();
        _ownedKeys?.Dispose();
    }

    private Task<WeChatPayV3Result<TReply>> SendAsync<TBody, TReply>(
        HttpMethod method, string relativeUrl, TBody? body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TReply> replyType, CancellationToken cancellationToken)
        where TReply : class
        => SendAsync(method, relativeUrl, body is null ? "" : JsonSerializer.Serialize(body, bodyType), replyType, verify: true, cancellationToken);

    private async Task<WeChatPayV3Result<TReply>> SendAsync<TReply>(
        HttpMethod method, string relativeUrl, string json, JsonTypeInfo<TReply> replyType, bool verify, CancellationToken cancellationToken)
        where TReply : class
    {
        var uri = new Uri(_baseUrl, relativeUrl);
        using var message = new HttpRequestMessage(method, uri);
        if (method != HttpMethod.Get)
        {
            message.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("Authorization", Authorization(method.Method, uri.PathAndQuery, json).ToString());
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ReadCappedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (verify)
        {
            WeChatPaySignatureHeaders.TryRead(name => Header(response, name), out var headers);
            var check = await Verifier.VerifyAsync(headers, body, cancellationToken).ConfigureAwait(false);
            if (check != SignatureCheck.Valid)
            {
                throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidSignature, $"The reply's signature is not valid: {check}.");
            }
        }

        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return new(status, body.Length == 0 ? null : Deserialize(body, replyType), null);
        }

        var error = body.Length == 0 ? null : Deserialize(body, WeChatPayV3Json.Default.ErrorReply);
        return new(status, null, error ?? new ErrorReply(null, null));
    }

    private AuthorizationHeader Authorization(string method, string pathAndQuery, string body)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var nonce = NewNonce();
        var signature = WeChatPayV3Signer.Sign(_merchantKey, WeChatPayV3Signer.RequestMessage(method, pathAndQuery, timestamp, nonce, body));
        return new AuthorizationHeader(_options.MchId, nonce, signature, timestamp, _options.MerchantSerialNo);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static T Deserialize<T>(byte[] body, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, "The reply body is null.");
        }
        catch (JsonException ex)
        {
            throw new WeChatPayV3ReplyException(WeChatPayV3ReplyException.InvalidResponse, "The reply is not the expected JSON.", ex);
        }
    }

    private Task<byte[]> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
        => ReadCappedAsync(content, MaxReplyBytes, cancellationToken);

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
        => await Gateway.Shared.CappedContent.ReadAsync(content, maxBytes, cancellationToken).ConfigureAwait(false) ?? throw TooLarge(maxBytes);

    private static WeChatPayV3ReplyException TooLarge(int maxBytes)
        => new(WeChatPayV3ReplyException.InvalidResponse, $"The reply is larger than {maxBytes} bytes.");
}
