namespace Gateway.Abstractions.Payments;

/// <summary>
/// What the payer must do to pay: show a QR code, invoke an in-WeChat payment, post a form or follow a
/// redirect. The host serialises it into the API response and stores it with the payment.
/// </summary>
/// <param name="Type">One of the <see cref="PaymentActionTypes"/>.</param>
public sealed record PaymentAction(string Type)
{
    /// <summary>The QR code content for <see cref="PaymentActionTypes.QrCode"/> (e.g. <c>weixin://wxpay/bizpayurl?pr=…</c>).</summary>
    public string? CodeUrl { get; init; }

    /// <summary>The target URL for <see cref="PaymentActionTypes.FormPost"/> and <see cref="PaymentActionTypes.Redirect"/>.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The signed parameters for <see cref="PaymentActionTypes.Jsapi"/> / <see cref="PaymentActionTypes.MiniProgram"/>,
    /// or the form fields for <see cref="PaymentActionTypes.FormPost"/>. Never contains a secret.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Parameters { get; init; }

    /// <summary>A QR code action.</summary>
    public static PaymentAction QrCode(string codeUrl) => new(PaymentActionTypes.QrCode) { CodeUrl = codeUrl };
}

/// <summary>The action types the host understands.</summary>
public static class PaymentActionTypes
{
    /// <summary>Show <see cref="PaymentAction.CodeUrl"/> as a QR code.</summary>
    public const string QrCode = "qr_code";

    /// <summary>Call <c>WeixinJSBridge.invoke('getBrandWCPayRequest', parameters)</c>.</summary>
    public const string Jsapi = "jsapi";

    /// <summary>Call <c>wx.requestPayment(parameters)</c>.</summary>
    public const string MiniProgram = "mini_program";

    /// <summary>Post <see cref="PaymentAction.Parameters"/> as a form to <see cref="PaymentAction.Url"/>.</summary>
    public const string FormPost = "form_post";

    /// <summary>Send the browser to <see cref="PaymentAction.Url"/>.</summary>
    public const string Redirect = "redirect";
}
