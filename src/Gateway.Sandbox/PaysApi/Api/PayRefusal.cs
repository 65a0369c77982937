namespace Gateway.Sandbox.PaysApi.Api;

/// <summary>
/// Why a pay request was refused. PaysAPI's own error codes are undocumented (only <c>code:1</c> = success
/// is known, docs/protocols.md §E1), so these negative codes are the sandbox's.
/// </summary>
internal sealed record PayRefusal(int Code, string Msg)
{
    public static PayRefusal MissingField(string name) => new(-1, $"{name} is required.");

    public static PayRefusal InvalidField(string name, string rule) => new(-2, $"{name} {rule}");

    public static PayRefusal UnknownUid() => new(-3, "uid does not exist.");

    public static PayRefusal BadKey() => new(-4, "key is wrong.");

    public static PayRefusal OrderIdUsed() => new(-5, "orderid is already paid or was used with other terms.");
}
