using System.Data.Common;

namespace Gateway.Store;

/// <summary>
/// A write that commits with a payment transition or not at all: the notify inbox row of the notify that
/// caused it, so a first notify costs one transaction and one commit (issue 12).
/// </summary>
internal interface ITransitionAttachment
{
    /// <summary>
    /// Writes inside the transition's transaction, once its conditional UPDATE has matched. The transition
    /// returning true means this write committed; false or an exception, that it did not.
    /// </summary>
    Task WriteAsync(DbConnection connection, DbTransaction transaction, PaymentTransition transition, CancellationToken cancellationToken);
}
