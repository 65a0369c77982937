using System.Text;
using Gateway.Sandbox.WeChatPayV3.Protocol;
using Gateway.WeChatPayV3.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.Faults;

/// <summary>
/// Plays an API fault on an APIv3 call (an endpoint filter on the v3 group), the v3 way: <c>error</c> answers a signed
/// v3 error with its HTTP status (<see cref="V3FaultErrors"/>), <c>http_error</c> an unsigned edge page, <c>timeout</c>
/// no answer, <c>latency</c> a late real answer. Like v2, only a call whose signature checks out misbehaves; the
/// operation names are v2's (<c>unifiedorder</c> = <c>POST /v3/pay/transactions/*</c>…), so one fault serves both APIs.
/// </summary>
internal sealed class V3ApiFaults(FaultBook faults, V3RequestAuthenticator authenticator, V3Replies replies, TimeProvider time) : IEndpointFilter
{
    // A held request is let go after this long even if the client waits on: a fault must end by itself.
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(100);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!AuthorizationHeader.TryParse(http.Request.Headers.Authorization.ToString(), out var header) || !faults.HasFaults(header.MchId))
        {
            return await next(context).ConfigureAwait(false);
        }

        // The handler authenticates again from the start of the body, so it answers a refused call itself.
        http.Request.EnableBuffering();
        var (merchant, _, error) = await authenticator.AuthenticateAsync(http.Request).ConfigureAwait(false);
        http.Request.Body.Position = 0;
        if (error is not null || merchant is null || faults.TakeApiFault(merchant.MchId, Operation(http)) is not { } fault)
        {
            return await next(context).ConfigureAwait(false);
        }

        switch (fault.Kind)
        {
            case FaultKinds.Timeout:
                try
                {
                    await Task.Delay(MaxHold, time, http.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is the point.
                }

                http.Abort();
                return Results.Empty;
            case FaultKinds.HttpError:
                var status = fault.Status ?? StatusCodes.Status503ServiceUnavailable;
                return Results.Content($"<html><body><h1>{status}</h1></body></html>", "text/html", Encoding.UTF8, status);
            case FaultKinds.Error:
                return replies.Error(merchant, V3FaultErrors.For(fault.ErrCode));
            default:
                await Task.Delay(FaultDelay.Of(fault), time, http.RequestAborted).ConfigureAwait(false);
                return await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>The v2 name of the v3 operation, read from the endpoint's route pattern (never from the caller's values).</summary>
    internal static string Operation(HttpContext http)
    {
        var pattern = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        var post = HttpMethods.IsPost(http.Request.Method);
        return pattern switch
        {
            _ when post && pattern.Contains("/pay/transactions/out-trade-no/", StringComparison.Ordinal) => "closeorder",
            _ when pattern.Contains("/pay/transactions/out-trade-no/", StringComparison.Ordinal) => "orderquery",
            _ when post && pattern.Contains("/pay/transactions/", StringComparison.Ordinal) => "unifiedorder",
            _ when post && pattern.EndsWith("/refund/domestic/refunds", StringComparison.Ordinal) => "refund",
            _ when pattern.Contains("/refund/domestic/refunds/", StringComparison.Ordinal) => "refundquery",
            _ when pattern.EndsWith("/certificates", StringComparison.Ordinal) => "certificates",
            _ => "other",
        };
    }
}
