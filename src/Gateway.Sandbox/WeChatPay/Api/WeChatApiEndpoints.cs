using System.Text;
using Gateway.Sandbox.Faults;
using Gateway.Sandbox.Http;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// The XML APIs at WeChat's own paths, so a plugin only swaps its base URL. Like WeChat, every reply is
/// HTTP 200 with the outcome in the XML, and every method is accepted so a GET can be told REQUIRE_POST_METHOD.
/// A merchant's faults (<c>/sandbox/faults</c>) play after its signature checked out.
/// </summary>
internal static class WeChatApiEndpoints
{
    public static void Map(IEndpointRouteBuilder wechat)
    {
        wechat.Map("/pay/unifiedorder", (HttpContext context, UnifiedOrderOperation operation, RequestAuthenticator authenticator)
            => HandleAsync(context, operation, authenticator)).ExcludeFromDescription();
        wechat.Map("/pay/orderquery", (HttpContext context, OrderQueryOperation operation, RequestAuthenticator authenticator)
            => HandleAsync(context, operation, authenticator)).ExcludeFromDescription();
        wechat.Map("/pay/closeorder", (HttpContext context, CloseOrderOperation operation, RequestAuthenticator authenticator)
            => HandleAsync(context, operation, authenticator)).ExcludeFromDescription();
        wechat.Map("/pay/refundquery", (HttpContext context, RefundQueryOperation operation, RequestAuthenticator authenticator)
            => HandleAsync(context, operation, authenticator)).ExcludeFromDescription();
        wechat.Map("/pay/downloadbill", async (HttpContext context, DownloadBillOperation operation, RequestAuthenticator authenticator) =>
        {
            var (request, refusal) = await AuthenticateAsync(context.Request, authenticator).ConfigureAwait(false);
            return request is null ? Xml(refusal!) : operation.Execute(request);
        }).ExcludeFromDescription();
        SecureApiEndpoints.Map(wechat);

        // Any other path is a v2 API the sandbox does not model: WeChat-shaped XML, not an empty 404, so a client
        // that calls one learns it from the reply it parses. v3 paths (JSON) are left to the v3 sandbox.
        wechat.Map("/{**path}", (string? path) => path is not null && path.StartsWith("v3/", StringComparison.Ordinal)
            ? Results.NotFound()
            : Xml(WeChatReplies.ProtocolFailure(ProtocolError.UnknownApi())))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// Answers one API call; <paramref name="precheck"/> runs after the signature checks (secapi: the client certificate),
    /// then the merchant's API faults for this API (named by the path's last segment: unifiedorder, refund…).
    /// </summary>
    public static async Task<IResult> HandleAsync(
        HttpContext context, IWeChatApiOperation operation, RequestAuthenticator authenticator, Func<AuthenticatedRequest, ProtocolError?>? precheck = null)
    {
        var (request, refusal) = await AuthenticateAsync(context.Request, authenticator).ConfigureAwait(false);
        if (request is null)
        {
            return Xml(refusal!);
        }

        if (precheck?.Invoke(request) is { } refused)
        {
            return Xml(WeChatReplies.ProtocolFailure(refused));
        }

        var api = context.Request.Path.Value?.Split('/')[^1] ?? "";
        var faults = context.RequestServices.GetRequiredService<WeChatApiFaults>();
        if (await faults.ApplyAsync(context, request, api).ConfigureAwait(false) is { } faulted)
        {
            return faulted;
        }

        var result = operation.Execute(request);
        return Xml(result.Error is not null ? WeChatReplies.ProtocolFailure(result.Error) : WeChatReplies.Signed(request, result.Fields));
    }

    internal static IResult Xml(string body) => Results.Content(body, "text/xml", Encoding.UTF8, StatusCodes.Status200OK);

    /// <summary>The checks every API shares: POST, a bounded well-formed UTF-8 body, a known merchant and a valid sign.</summary>
    private static async Task<(AuthenticatedRequest? Request, string? Refusal)> AuthenticateAsync(HttpRequest request, RequestAuthenticator authenticator)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, WeChatReplies.ProtocolFailure(ProtocolError.RequirePost()));
        }

        var body = await BoundedBody.ReadAsync(request.Body, WeChatXml.DefaultMaxBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return (null, WeChatReplies.ProtocolFailure(ProtocolError.EmptyBody()));
        }

        if (!Utf8Body.IsUtf8(body))
        {
            return (null, WeChatReplies.ProtocolFailure(ProtocolError.NotUtf8()));
        }

        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(body);
        }
        catch (WeChatXmlException)
        {
            return (null, WeChatReplies.ProtocolFailure(ProtocolError.MalformedXml()));
        }

        var refusal = authenticator.Authenticate(fields, out var authenticated);
        return refusal is not null ? (null, WeChatReplies.ProtocolFailure(refusal)) : (authenticated, null);
    }
}
