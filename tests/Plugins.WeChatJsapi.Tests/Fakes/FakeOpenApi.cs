using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Plugins.WeChat.Testing;

/// <summary>
/// Plays api.weixin.qq.com (JSON over GET, errors as HTTP 200 + errcode) and forwards <c>/pay/*</c> to the v2 pay
/// fake, so one HttpClient serves an instance like in production. Counts calls per path.
/// </summary>
public sealed class FakeOpenApi(HttpMessageHandler pay) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _pay = new(pay);
    private int _serial;

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public ConcurrentQueue<(string Path, Dictionary<string, string> Query)> Requests { get; } = new();

    /// <summary>Seconds WeChat gives tokens and tickets.</summary>
    public int ExpiresIn { get; set; } = 7200;

    /// <summary>How long each open API call takes, so concurrent callers really overlap.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>When set, answers instead of the default behaviour (return null to fall back).</summary>
    public Func<string, Dictionary<string, string>, object?>? Override { get; set; }

    public int CallsTo(string path) => Calls.GetValueOrDefault(path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.StartsWith("/pay/", StringComparison.Ordinal))
        {
            return await _pay.SendAsync(request, cancellationToken);
        }

        var query = QueryHelpers.ParseQuery(request.RequestUri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        Calls.AddOrUpdate(path, 1, (_, n) => n + 1);
        Requests.Enqueue((path, query));
        await Task.Delay(Latency, cancellationToken);
        var n = Interlocked.Increment(ref _serial);
        var reply = Override?.Invoke(path, query) ?? path switch
        {
            "/cgi-bin/token" => new { access_token = "AT" + n, expires_in = ExpiresIn },
            "/cgi-bin/ticket/getticket" => (object)new { errcode = 0, errmsg = "ok", ticket = "TK" + n + "-" + query["access_token"], expires_in = ExpiresIn },
            "/sns/oauth2/access_token" => new { access_token = "WAT" + n, expires_in = 7200, refresh_token = "RT" + n, openid = "o-user-" + query["code"], scope = "snsapi_base" },
            "/sns/oauth2/refresh_token" => new { access_token = "WAT" + n, expires_in = 7200, refresh_token = query["refresh_token"], openid = "o-user", scope = "snsapi_base" },
            "/sns/jscode2session" => new { openid = "o-mini-" + query["js_code"], session_key = "SK" + n },
            _ => new { errcode = 40001, errmsg = "unknown path" },
        };
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(JsonSerializer.Serialize(reply), Encoding.UTF8, "application/json"),
        };
    }
}
