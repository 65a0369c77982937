namespace Gateway.Abstractions.Payments;

/// <summary>The outcome of a provider call: a value, or the provider's refusal.</summary>
public sealed record ProviderResult<T>
{
    private ProviderResult(T? value, ProviderError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value when the call succeeded.</summary>
    public T? Value { get; }

    /// <summary>The refusal when it did not.</summary>
    public ProviderError? Error { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful result.</summary>
    public static ProviderResult<T> Success(T value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static ProviderResult<T> Failure(ProviderError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The operation is not offered by this provider.</summary>
    public static ProviderResult<T> NotSupported(string operation)
        => Failure(new ProviderError(ProviderErrorKind.NotSupported, "NOT_SUPPORTED", $"The provider does not support {operation}."));

    /// <summary>A failed result from a <see cref="ProviderError"/>.</summary>
    public static implicit operator ProviderResult<T>(ProviderError error) => Failure(error);
}

/// <summary>A provider-side refusal, keeping the provider's own code.</summary>
/// <param name="Kind">How the host should treat it.</param>
/// <param name="Code">The provider's code (e.g. <c>ORDERPAID</c>, <c>SIGNERROR</c>) or the plugin's own for local checks.</param>
/// <param name="Message">A human-readable description, free of secrets.</param>
public sealed record ProviderError(ProviderErrorKind Kind, string Code, string Message);

/// <summary>How the host treats a <see cref="ProviderError"/>.</summary>
public enum ProviderErrorKind
{
    /// <summary>The provider refused for a business reason (closed order, already paid…). Never benches the instance.</summary>
    Rejected,

    /// <summary>The request was invalid before reaching the provider (e.g. a missing openid). Answered as 400.</summary>
    InvalidRequest,

    /// <summary>The provider failed transiently (SYSTEMERROR, 5xx, timeout). The request may be retried.</summary>
    Transient,

    /// <summary>The operation is not offered by the provider.</summary>
    NotSupported,
}
