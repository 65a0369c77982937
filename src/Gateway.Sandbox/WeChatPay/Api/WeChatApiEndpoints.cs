using System.Text;
using Gateway.Sandbox.Http;
using Gateway.Sandbox.WeChatPay.Protocol;
using Gateway.WeChatPay.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// The XML APIs at WeChat's own paths, so a plugin only swaps its base URL. Like WeChat, every reply is
/// HTTP 200 with the outcome in the XML, and every method is accepted so a GET can be told REQUIRE_POST_METHOD.
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
        SecureApiEndpoints.Map(wechat);
    }

    /// <summary>Answers one API call; <paramref name="precheck"/> runs after the signature checks (secapi: the client certificate).</summary>
    public static async Task<IResult> HandleAsync(
        HttpContext context, IWeChatApiOperation operation, RequestAuthenticator authenticator, Func<AuthenticatedRequest, ProtocolError?>? precheck = null)
    {
        var reply = await ReplyAsync(context.Request, operation, authenticator, precheck).ConfigureAwait(false);
        return Results.Content(reply, "text/xml", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static async Task<string> ReplyAsync(
        HttpRequest request, IWeChatApiOperation operation, RequestAuthenticator authenticator, Func<AuthenticatedRequest, ProtocolError?>? precheck)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return WeChatReplies.ProtocolFailure(ProtocolError.RequirePost());
        }

        var body = await BoundedBody.ReadAsync(request.Body, WeChatXml.DefaultMaxBytes, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return WeChatReplies.ProtocolFailure(ProtocolError.EmptyBody());
        }

        Dictionary<string, string> fields;
        try
        {
            fields = WeChatXml.Parse(body);
        }
        catch (WeChatXmlException)
        {
            return WeChatReplies.ProtocolFailure(ProtocolError.MalformedXml());
        }

        var refusal = authenticator.Authenticate(fields, out var authenticated);
        if (refusal is not null)
        {
            return WeChatReplies.ProtocolFailure(refusal);
        }

        if (precheck?.Invoke(authenticated!) is { } refused)
        {
            return WeChatReplies.ProtocolFailure(refused);
        }

        var result = operation.Execute(authenticated!);
        return result.Error is not null
            ? WeChatReplies.ProtocolFailure(result.Error)
            : WeChatReplies.Signed(authenticated!, result.Fields);
    }
}
