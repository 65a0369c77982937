namespace Gateway.RequestHygiene;

/// <summary>The <c>Gateway:Requests</c> section.</summary>
public sealed class RequestHygieneOptions
{
    /// <summary>Largest request body on <c>/v1</c>, <c>/admin</c> and plugin routes, in bytes (default 64 KB).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
