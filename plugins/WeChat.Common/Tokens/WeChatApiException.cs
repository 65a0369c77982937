namespace Gateway.Plugins.WeChat.Common.Tokens;

/// <summary>WeChat refused an api.weixin.qq.com call with an <c>errcode</c>; the message never holds a secret.</summary>
internal sealed class WeChatApiException(string operation, int errCode, string? errMsg)
    : Exception($"WeChat {operation} failed with errcode {errCode}: {errMsg}")
{
    /// <summary>The call that failed, e.g. <c>cgi-bin/token</c>.</summary>
    public string Operation { get; } = operation;

    /// <summary>WeChat's <c>errcode</c>.</summary>
    public int ErrCode { get; } = errCode;

    /// <summary>WeChat's <c>errmsg</c>.</summary>
    public string? ErrMsg { get; } = errMsg;
}

/// <summary>No token could be had in time (another process held the refresh lease and nothing appeared).</summary>
internal sealed class TokenUnavailableException(string message) : Exception(message);
