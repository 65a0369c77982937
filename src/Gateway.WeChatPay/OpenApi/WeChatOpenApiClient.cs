using System.Text;
using System.Text.Json;
using Gateway.WeChatPay.OpenApi.Models;

namespace Gateway.WeChatPay.OpenApi;

/// <summary>
/// The api.weixin.qq.com calls the in-app channels need (OAuth2 web authorization, base access_token,
/// jsapi_ticket, mini-program login), one file per operation in <c>Operations/</c>. WeChat answers errors as
/// HTTP 200 with an <c>errcode</c>, which come back as data; transport failures throw; unreadable replies throw
/// <see cref="WeChatPayReplyException"/>. Secrets travel in the query string because that is WeChat's API:
/// never log request URLs at a level that keeps the query.
/// </summary>
public sealed partial class WeChatOpenApiClient
{
    /// <summary>The production API host.</summary>
    public const string DefaultBaseUrl = "https://api.weixin.qq.com";

    private const int MaxReplyBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly string _baseUrl;

    /// <summary>Creates a client for <paramref name="baseUrl"/> (default <see cref="DefaultBaseUrl"/>).</summary>
    public WeChatOpenApiClient(HttpClient httpClient, string? baseUrl = null)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _baseUrl = (string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl : baseUrl).TrimEnd('/');
    }

    private async Task<TReply> GetAsync<TReply>(string path, IEnumerable<KeyValuePair<string, string>> query, CancellationToken cancellationToken)
        where TReply : WeChatApiResponse
    {
        var url = new StringBuilder(_baseUrl).Append(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        using var response = await _http.GetAsync(url.ToString(), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxReplyBytes)
        {
            throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The reply is too large.");
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return body.Length <= MaxReplyBytes && JsonSerializer.Deserialize<TReply>(body) is { } reply
                ? reply
                : throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The reply is empty or too large.");
        }
        catch (JsonException ex)
        {
            throw new WeChatPayReplyException(WeChatPayReplyException.InvalidResponse, "The reply is not valid JSON.", ex);
        }
    }
}
