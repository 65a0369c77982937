using Gateway.Payments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Tests.Common;

/// <summary>Create bodies and result readers for <see cref="PaymentCreator"/> tests.</summary>
internal static class PaymentBodies
{
    public static CreatePaymentBody Fake(string merchantOrderId) => new()
    {
        Channel = "fake.qr",
        MerchantOrderId = merchantOrderId,
        Amount = 100,
        Currency = "CNY",
        Description = "tea",
        ClientIp = "203.0.113.10",
    };

    public static int? StatusOf(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;

    public static string PaymentIdOf(IResult result) => ((Created<PaymentResponse>)result).Value!.Id;
}
