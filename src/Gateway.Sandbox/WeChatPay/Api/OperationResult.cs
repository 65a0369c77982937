using Gateway.Sandbox.WeChatPay.Protocol;

namespace Gateway.Sandbox.WeChatPay.Api;

/// <summary>
/// What an operation answers: a protocol refusal (unsigned <c>return_code=FAIL</c>) or result fields that go
/// into a signed <c>return_code=SUCCESS</c> reply, whose <c>result_code</c> may itself be FAIL.
/// </summary>
internal sealed record OperationResult(ProtocolError? Error, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public static OperationResult Refused(ProtocolError error) => new(error, []);

    public static OperationResult Succeeded(params KeyValuePair<string, string>[] fields) =>
        new(null, [new("result_code", WeChatReplies.Success), .. fields]);

    public static OperationResult BusinessFailure(string errCode, string errCodeDes) => new(null,
    [
        new("result_code", WeChatReplies.Fail),
        new("err_code", errCode),
        new("err_code_des", errCodeDes),
    ]);
}
