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

        // Any other path is a v2 API the sandbox does not model: WeChat-shaped XML, not an empty 404, so a client
        // that calls one learns it from the reply it parses. v3 paths (JSON) are left to the v3 sandbox.
        wechat.Map("/{**path}", (string? path) => path is not null && path.StartsWith("v3/", StringComparison.Ordinal)
            ? Results.NotFound()
            : Results.Content(WeChatReplies.ProtocolFailure(ProtocolError.UnknownApi()), "text/xml", Encoding.UTF8, StatusCodes.Status200OK))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IWeChatApiOperation operation, RequestAuthenticator authenticator)
    {
        var reply = await ReplyAsync(context.Request, operation, authenticator).ConfigureAwait(false);
        return Results.Content(reply, "text/xml", Encoding.UTF8, StatusCodes.Status200OK);
    }

    private static async Task<string> ReplyAsync(HttpRequest request, IWeChatApiOperation operation, RequestAuthenticator authenticator)
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

        if (!Utf8Body.IsUtf8(body))
        {
            return WeChatReplies.ProtocolFailure(ProtocolError.NotUtf8());
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

        var result = operation.Execute(authenticated!);
        return result.Error is not null
            ? WeChatReplies.ProtocolFailure(result.Error)
            : WeChatReplies.Signed(authenticated!, result.Fields);
    }
}
