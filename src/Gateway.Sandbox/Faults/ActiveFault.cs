namespace Gateway.Sandbox.Faults;

/// <summary>A fault in force: its spec, what is left of it, and how often it fired.</summary>
internal sealed class ActiveFault(string id, SandboxFault spec, DateTimeOffset addedAt)
{
    private readonly Lock _lock = new();
    private int? _remaining = spec.Count;
    private int _used;

    public string Id { get; } = id;

    public SandboxFault Spec { get; } = spec;

    public DateTimeOffset AddedAt { get; } = addedAt;

    public DateTimeOffset? EndsAt { get; } = spec.Seconds is { } s ? addedAt + TimeSpan.FromSeconds(s) : null;

    public bool IsOver(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _remaining == 0 || now >= EndsAt;
        }
    }

    /// <summary>Uses the fault once; false when it has ended.</summary>
    public bool TryUse(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_remaining == 0 || now >= EndsAt)
            {
                return false;
            }

            _remaining--;
            _used++;
            return true;
        }
    }

    public FaultView View(DateTimeOffset now)
    {
        lock (_lock)
        {
            return new FaultView(Id, Spec.Merchant, Spec.Kind, Spec.Api, _remaining, EndsAt, _used, !(_remaining == 0 || now >= EndsAt), Spec);
        }
    }
}

/// <summary>A fault as <c>GET /sandbox/faults</c> shows it.</summary>
internal sealed record FaultView(
    string Id, string Merchant, string Kind, string? Api, int? Remaining, DateTimeOffset? EndsAt, int Used, bool Active, SandboxFault Spec);
