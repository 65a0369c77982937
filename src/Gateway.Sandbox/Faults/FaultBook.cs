using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Gateway.Sandbox.Faults;

/// <summary>
/// The faults in force, configured at start or added at run time. The sandbox's API handlers, payer and notify
/// senders ask it whether to misbehave; each answer uses the fault once, so a "next N calls" fault fires N times.
/// </summary>
internal sealed class FaultBook
{
    private readonly Lock _lock = new();
    private readonly List<ActiveFault> _faults = [];
    private readonly TimeProvider _time;

    public FaultBook(TimeProvider time, IOptions<SandboxFaultsOptions> options)
    {
        _time = time;
        foreach (var fault in options.Value.Faults)
        {
            Add(fault);
        }
    }

    public ActiveFault Add(SandboxFault spec)
    {
        var fault = new ActiveFault("flt_" + RandomNumberGenerator.GetHexString(12, lowercase: true), spec, _time.GetUtcNow());
        lock (_lock)
        {
            // Ended faults are dropped here, so the list stays as short as what is in force.
            var now = _time.GetUtcNow();
            _faults.RemoveAll(f => f.IsOver(now));
            _faults.Add(fault);
        }

        return fault;
    }

    /// <summary>Uses the first fault in force of <paramref name="kind"/> for this merchant (and API, for API faults).</summary>
    public SandboxFault? Take(string merchant, string kind, string? api = null)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var fault in _faults)
            {
                if (fault.Spec.Merchant == merchant && fault.Spec.Kind == kind
                    && (api is null || fault.Spec.Api is null or "*" || fault.Spec.Api == api) && fault.TryUse(now))
                {
                    return fault.Spec;
                }
            }
        }

        return null;
    }

    /// <summary>Whether any fault is in force for this merchant (a cheap look before the work of checking a request).</summary>
    public bool HasFaults(string merchant)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return _faults.Exists(f => f.Spec.Merchant == merchant && !f.IsOver(now));
        }
    }

    /// <summary>The first API fault in force for this call, in the order timeout, http_error, error, latency.</summary>
    public SandboxFault? TakeApiFault(string merchant, string api) =>
        Take(merchant, FaultKinds.Timeout, api) ?? Take(merchant, FaultKinds.HttpError, api)
        ?? Take(merchant, FaultKinds.Error, api) ?? Take(merchant, FaultKinds.Latency, api);

    public IReadOnlyList<FaultView> List()
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            return _faults.Select(f => f.View(now)).ToList();
        }
    }

    /// <summary>Removes every fault, or one merchant's, or one by id; answers how many went.</summary>
    public int Remove(string? merchant = null, string? id = null)
    {
        lock (_lock)
        {
            return _faults.RemoveAll(f => (merchant is null || f.Spec.Merchant == merchant) && (id is null || f.Id == id));
        }
    }
}
