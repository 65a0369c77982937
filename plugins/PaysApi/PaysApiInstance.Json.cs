using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Abstractions.Hosting;
using Gateway.Abstractions.Payments;
using Gateway.Plugins.PaysApi.Models;

namespace Gateway.Plugins.PaysApi;

internal sealed partial class PaysApiInstance
{
    private const string InvalidResponse = "INVALID_RESPONSE";

    /// <summary>
    /// JSON mode: the server posts the signed form to <c>{BaseUrl}?format=json</c> and turns
    /// <c>data.qrcode</c> into a QR action. Any <c>code</c> other than 1 is PaysAPI refusing, kept as its
    /// own code and message. REF: docs/protocols.md §E1 ([POST] https://pay.paysapi.com/?format=json).
    /// </summary>
    private async Task<ProviderResult<CreatePaymentResult>> CreateQrCodeAsync(
        string paymentId, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var activity = GatewayActivitySource.Instance.StartActivity("paysapi pay", ActivityKind.Client);
        activity?.SetTag("payment.id", paymentId);
        activity?.SetTag("provider.instance", _instanceName);
        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await _http.PostAsync(new Uri(_options.BaseUrl, "?format=json"), content, cancellationToken).ConfigureAwait(false);
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                var kind = (int)response.StatusCode >= 500 ? ProviderErrorKind.Transient : ProviderErrorKind.Rejected;
                return Refused(activity, paymentId, new ProviderError(kind, $"HTTP_{(int)response.StatusCode}", "PaysAPI answered with an HTTP error."));
            }

            var reply = await ReadReplyAsync(response, cancellationToken).ConfigureAwait(false);
            if (reply is null)
            {
                return Refused(activity, paymentId, new ProviderError(ProviderErrorKind.Transient, InvalidResponse, "PaysAPI's answer is not the expected JSON."));
            }

            activity?.SetTag("paysapi.code", reply.CodeText);
            if (!reply.IsSuccess)
            {
                var code = reply.CodeText.Length > 0 ? reply.CodeText : InvalidResponse;
                return Refused(activity, paymentId, new ProviderError(ProviderErrorKind.Rejected, code, reply.Msg ?? "PaysAPI refused the order."));
            }

            if (string.IsNullOrEmpty(reply.Data?.QrCode))
            {
                return Refused(activity, paymentId, new ProviderError(ProviderErrorKind.Transient, InvalidResponse, "PaysAPI's answer has no data.qrcode."));
            }

            Log.QrCodeIssued(_logger, paymentId, _instanceName);
            return ProviderResult<CreatePaymentResult>.Success(new CreatePaymentResult(PaymentAction.QrCode(reply.Data.QrCode)));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Transport failures propagate (the host treats them as transient); only record them here.
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            Log.TransportFailed(_logger, paymentId, _instanceName, ex.GetType().Name);
            throw;
        }
    }

    private static async Task<PayJsonResponse?> ReadReplyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<PayJsonResponse>(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            // HTML error pages and other non-JSON answers land here; InvalidOperationException is an
            // unknown charset in the answer's Content-Type.
            return null;
        }
    }

    private ProviderError Refused(Activity? activity, string paymentId, ProviderError error)
    {
        activity?.SetStatus(ActivityStatusCode.Error, error.Code);
        Log.ProviderRefused(_logger, paymentId, _instanceName, error.Code, error.Kind);
        return error;
    }
}
