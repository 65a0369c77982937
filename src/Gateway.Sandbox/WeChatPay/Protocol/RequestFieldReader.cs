namespace Gateway.Sandbox.WeChatPay.Protocol;

/// <summary>
/// Reads and checks request fields, remembering the first problem only: WeChat reports one parameter
/// error per reply, so a handler can read every field and look at <see cref="Error"/> once at the end.
/// </summary>
internal sealed class RequestFieldReader(IReadOnlyDictionary<string, string> fields)
{
    public ProtocolError? Error { get; private set; }

    public string Required(string name, int maxLength)
    {
        var value = Optional(name, maxLength);
        if (value is null)
        {
            Fail(ProtocolError.Missing(name));
        }

        return value ?? "";
    }

    public string? Optional(string name, int maxLength)
    {
        if (!fields.TryGetValue(name, out var value) || value.Length == 0)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            Fail(ProtocolError.Invalid(name, $"长度不能超过{maxLength}"));
        }

        return value;
    }

    /// <summary>Records a problem unless an earlier one was already found.</summary>
    public void Fail(ProtocolError error) => Error ??= error;
}
