using System.Text;
using Gateway.Sandbox.WeChatPay.Api;
using Gateway.Sandbox.WeChatPay.Protocol;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.Faults;

/// <summary>Plays an API fault on a WeChat v2 call whose signature already checked out.</summary>
internal sealed class WeChatApiFaults(FaultBook faults, TimeProvider time)
{
    // A held request is let go after this long even if the client waits on: a fault must end by itself.
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(100);

    /// <summary>The reply that replaces the real one, or null to go on (after any latency).</summary>
    public async Task<IResult?> ApplyAsync(HttpContext context, AuthenticatedRequest request, string api)
    {
        if (faults.TakeApiFault(request.Merchant.MchId, api) is not { } fault)
        {
            return null;
        }

        switch (fault.Kind)
        {
            case FaultKinds.Timeout:
                try
                {
                    await Task.Delay(MaxHold, time, context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, which is the point.
                }

                context.Abort();
                return Results.Empty;
            case FaultKinds.HttpError:
                var status = fault.Status ?? StatusCodes.Status503ServiceUnavailable;
                return Results.Content($"<html><body><h1>{status}</h1></body></html>", "text/html", Encoding.UTF8, status);
            case FaultKinds.Error:
                var code = fault.ErrCode ?? WeChatErrorCodes.SystemError;
                var failure = OperationResult.BusinessFailure(code, code == WeChatErrorCodes.SystemError ? "系统超时，请稍后重试" : "模拟错误");
                return Results.Content(WeChatReplies.Signed(request, failure.Fields), "text/xml", Encoding.UTF8, StatusCodes.Status200OK);
            default:
                await Task.Delay(FaultDelay.Of(fault), time, context.RequestAborted).ConfigureAwait(false);
                return null;
        }
    }
}
