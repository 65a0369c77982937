using System.Globalization;

namespace Gateway.WeChatPay.Models;

/// <summary>
/// A verified v2 reply: the common status fields plus every field received (WeChat adds fields without
/// notice, so nothing is dropped). <c>return_code</c> is the transport/protocol result,
/// <c>result_code</c> the business result.
/// </summary>
public class WeChatPayResponse
{
    /// <summary>Wraps the fields of a reply.</summary>
    public WeChatPayResponse(IReadOnlyDictionary<string, string> fields)
    {
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <summary>Every field of the reply, by wire name.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary><c>return_code</c>: SUCCESS or FAIL.</summary>
    public string? ReturnCode => Get("return_code");

    /// <summary><c>return_msg</c>: why <c>return_code</c> is FAIL.</summary>
    public string? ReturnMsg => Get("return_msg");

    /// <summary><c>result_code</c>: SUCCESS or FAIL; only when <c>return_code</c> is SUCCESS.</summary>
    public string? ResultCode => Get("result_code");

    /// <summary><c>err_code</c>, e.g. <c>ORDERPAID</c>.</summary>
    public string? ErrCode => Get("err_code");

    /// <summary><c>err_code_des</c>: WeChat's description of <c>err_code</c>.</summary>
    public string? ErrCodeDes => Get("err_code_des");

    /// <summary>True when both <c>return_code</c> and <c>result_code</c> are SUCCESS.</summary>
    public bool IsSuccess => ReturnCode == WeChatPayCodes.Success && ResultCode == WeChatPayCodes.Success;

    /// <summary>A field by wire name, or null when absent or empty.</summary>
    public string? Get(string name) => Fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>An integer field (amounts in fen), or null when absent or not an integer.</summary>
    protected long? GetInt64(string name)
        => long.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
