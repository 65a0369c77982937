using Gateway.Sandbox.PaysApi.Merchants;
using Gateway.Sandbox.PaysApi.Orders;
using Gateway.Sandbox.PaysApi.Protocol;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.PaysApi.Api;

/// <summary>Checks a pay request's fields the way PaysAPI must: required fields, formats, uid, then the key.</summary>
internal sealed class PayRequestReader(PaysApiMerchants merchants)
{
    public PaysApiOrderTerms? Read(IFormCollection form, out PayRefusal? refusal)
    {
        var fields = new PayFields(
            Field(form, "uid"), Field(form, "price"), Field(form, "istype"), Field(form, "notify_url"), Field(form, "return_url"),
            Field(form, "orderid"), Field(form, "orderuid"), Field(form, "goodsname"), Field(form, "key"));
        refusal = Check(fields, out var priceFen, out var notifyUrl);
        return refusal is null
            ? new PaysApiOrderTerms(fields.Uid, fields.OrderId, fields.OrderUid, fields.GoodsName, fields.IsType, fields.Price, priceFen, notifyUrl!, fields.ReturnUrl)
            : null;
    }

    private PayRefusal? Check(PayFields f, out long priceFen, out Uri? notifyUrl)
    {
        priceFen = 0;
        notifyUrl = null;
        foreach (var (name, value) in new[] { ("uid", f.Uid), ("price", f.Price), ("istype", f.IsType), ("notify_url", f.NotifyUrl), ("return_url", f.ReturnUrl), ("orderid", f.OrderId), ("key", f.Key) })
        {
            if (value.Length == 0)
            {
                return PayRefusal.MissingField(name);
            }
        }

        if (!PriceText.TryParse(f.Price, out priceFen) || priceFen <= 0)
        {
            return PayRefusal.InvalidField("price", "must be yuan with two decimals, e.g. 0.01.");
        }

        if (!IsTypes.IsKnown(f.IsType))
        {
            return PayRefusal.InvalidField("istype", "must be 1 (Alipay) or 2 (WeChat Pay).");
        }

        if (!IsHttpUrl(f.NotifyUrl, out notifyUrl) || !IsHttpUrl(f.ReturnUrl, out _))
        {
            return PayRefusal.InvalidField("notify_url/return_url", "must be absolute http(s) URLs of at most 255 characters.");
        }

        if (f.OrderId.Length > 50 || f.OrderUid.Length > 100 || f.GoodsName.Length > 100 || f.Uid.Length > 24)
        {
            return PayRefusal.InvalidField("uid/orderid/orderuid/goodsname", "exceed 24/50/100/100 characters.");
        }

        if (!merchants.TryFind(f.Uid, out var merchant))
        {
            return PayRefusal.UnknownUid();
        }

        return PaysApiKeys.Matches(PaysApiKeys.Pay(f, merchant.Token), f.Key) ? null : PayRefusal.BadKey();
    }

    private static bool IsHttpUrl(string text, out Uri? url)
        => Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https" && text.Length <= 255;

    // A repeated field is ambiguous; taking either copy could sign something the merchant did not mean.
    private static string Field(IFormCollection form, string name)
        => form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] ?? "" : "";
}
