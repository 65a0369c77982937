using Gateway.Abstractions.Payments;

namespace Gateway.Abstractions.Statements;

/// <summary>
/// An optional capability of a provider instance (contract 1.3): the provider's daily statement (bill) of
/// payments and refunds, which the host reconciles against its own ledger. Instances without a statement API
/// simply do not implement it, and their reconciliation runs say "not supported".
/// </summary>
public interface IStatementProvider
{
    /// <summary>
    /// Downloads and parses the statement of <paramref name="day"/> (the provider's own calendar day, e.g. Beijing
    /// time for WeChat Pay). A day the provider says has no bill is a success with <see cref="ProviderStatement.NoBill"/>;
    /// a bill not ready yet is a transient failure (<see cref="ProviderErrorKind.Transient"/>).
    /// </summary>
    Task<ProviderResult<ProviderStatement>> DownloadStatementAsync(DateOnly day, CancellationToken cancellationToken);
}
