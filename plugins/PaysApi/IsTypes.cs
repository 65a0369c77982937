namespace Gateway.Plugins.PaysApi;

/// <summary>Channel → PaysAPI <c>istype</c>, in one place. REF: docs/protocols.md §E2.</summary>
internal static class IsTypes
{
    public const string Alipay = "1";
    public const string WeChat = "2";

    public static string? ForChannel(string channel) => channel switch
    {
        PaysApiPlugin.AlipayChannel => Alipay,
        PaysApiPlugin.WeChatChannel => WeChat,
        _ => null,
    };
}
