namespace Gateway.Sandbox.Faults;

/// <summary>Checks a fault before it is accepted, listing every problem; shared by configuration and the admin endpoint.</summary>
internal static class SandboxFaultValidator
{
    private const int MaxCount = 10_000;
    private const double MaxSeconds = 86_400;
    private const int MaxDelayMs = 120_000;
    private const int MaxTimes = 100;

    public static List<string> Validate(SandboxFault fault, Func<string, bool> isWeChatMerchant, Func<string, bool> isPaysApiMerchant, string prefix = "")
    {
        var errors = new List<string>();
        var weChat = isWeChatMerchant(fault.Merchant);
        var paysApi = isPaysApiMerchant(fault.Merchant);
        if (!weChat && !paysApi)
        {
            errors.Add($"{prefix}merchant must be a sandbox WeChat Pay mch_id or PaysAPI uid.");
        }
        else if (!(weChat && FaultKinds.WeChatPay.Contains(fault.Kind)) && !(paysApi && FaultKinds.PaysApi.Contains(fault.Kind)))
        {
            errors.Add($"{prefix}kind must be one of {string.Join(", ", weChat ? FaultKinds.WeChatPay : FaultKinds.PaysApi)} for this merchant.");
        }

        if (fault.Count is null && fault.Seconds is null)
        {
            errors.Add($"{prefix}count or seconds is required: every fault must end.");
        }

        Range(errors, $"{prefix}count", fault.Count, 1, MaxCount);
        if (fault.Seconds is { } seconds && (double.IsNaN(seconds) || seconds <= 0 || seconds > MaxSeconds))
        {
            errors.Add($"{prefix}seconds must be more than 0 and at most {MaxSeconds}.");
        }

        Range(errors, $"{prefix}delayMs", fault.DelayMs, 0, MaxDelayMs);
        Range(errors, $"{prefix}status", fault.Status, 500, 599);
        Range(errors, $"{prefix}times", fault.Times, 1, MaxTimes);
        if (fault.Api is not null && (!FaultKinds.ApiFaults.Contains(fault.Kind) || !FaultKinds.WeChatApis.Contains(fault.Api)))
        {
            errors.Add($"{prefix}api is for latency, http_error, timeout and error only, and is one of {string.Join(", ", FaultKinds.WeChatApis)}.");
        }

        if (fault.ErrCode is { } code && (fault.Kind != FaultKinds.Error || code.Length is 0 or > 32 || !code.All(c => char.IsAsciiLetterUpper(c) || c == '_')))
        {
            errors.Add($"{prefix}errCode is for kind error only, and is an upper-case WeChat err_code such as SYSTEMERROR.");
        }

        if (fault.Kind == FaultKinds.RealPrice && fault.DeltaFen is null or 0)
        {
            errors.Add($"{prefix}deltaFen (not 0) is required for realprice.");
        }

        return errors;
    }

    private static void Range(List<string> errors, string name, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            errors.Add($"{name} must be between {min} and {max}.");
        }
    }
}
