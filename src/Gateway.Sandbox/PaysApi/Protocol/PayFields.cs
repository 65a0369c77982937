namespace Gateway.Sandbox.PaysApi.Protocol;

/// <summary>The pay request's fields exactly as received (docs/protocols.md §E2); empty when absent.</summary>
internal sealed record PayFields(
    string Uid, string Price, string IsType, string NotifyUrl, string ReturnUrl, string OrderId, string OrderUid, string GoodsName, string Key);
