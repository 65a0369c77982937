namespace Gateway.TestMode;

/// <summary>The certificates test mode adds to its profile (see <see cref="TestCertificateAuthority"/>).</summary>
internal static class TestModeCertificates
{
    /// <summary>
    /// Mutual TLS for <c>secapi</c> (refunds): a fresh CA, the sandbox's TLS port and server certificate, and an API client
    /// certificate for every WeChat instance pointed at this sandbox that has none configured (the demo instances and
    /// any configured alongside). An instance that sets any <c>ApiClientCertificate*</c> key keeps its own.
    /// </summary>
    public static void Add(Dictionary<string, string?> profile, IConfiguration current, string baseUrl)
    {
        var now = DateTimeOffset.UtcNow;
        using var authority = new TestCertificateAuthority(now);
        var port = int.TryParse(current["Sandbox:WeChatPay:SecureApi:Port"], out var configured) ? configured : LoopbackPort.Free();
        var serverPassword = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        profile["Sandbox:WeChatPay:SecureApi:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        profile["Sandbox:WeChatPay:SecureApi:ServerCertificateBase64"] = authority.IssueServer(serverPassword, now);
        profile["Sandbox:WeChatPay:SecureApi:ServerCertificatePassword"] = serverPassword;
        profile["Sandbox:WeChatPay:SecureApi:ClientCaCertificateBase64"] = authority.CertificateBase64;

        var instances = current.GetSection("Gateway:Providers").GetChildren().Select(c => c.Key)
            .Concat(profile.Keys.Where(k => k.StartsWith("Gateway:Providers:", StringComparison.Ordinal)).Select(k => k.Split(':')[2]))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var name in instances)
        {
            string? Setting(string key) => current[$"Gateway:Providers:{name}:{key}"] ?? profile.GetValueOrDefault($"Gateway:Providers:{name}:{key}");
            var settings = current.GetSection($"Gateway:Providers:{name}:Settings");
            if (Setting("Plugin") is not ("WeChatNative" or "WeChatJsapi" or "MiniProgram") || Setting("Settings:MchId") is not { Length: > 0 } mchId
                || Setting("Settings:BaseUrl")?.StartsWith(baseUrl + "/sandbox/", StringComparison.Ordinal) != true)
            {
                continue;
            }

            profile[$"Gateway:Providers:{name}:Settings:SecureApiBaseUrl"] = $"https://127.0.0.1:{port}/sandbox/wechatpay";
            profile[$"Gateway:Providers:{name}:Settings:TrustedServerCaBase64"] = authority.CertificateBase64;
            if (!settings.GetChildren().Any(c => c.Key.StartsWith("ApiClientCertificate", StringComparison.OrdinalIgnoreCase)))
            {
                profile[$"Gateway:Providers:{name}:Settings:ApiClientCertificateBase64"] = authority.IssueMerchant(mchId, now);
            }
        }
    }
}
