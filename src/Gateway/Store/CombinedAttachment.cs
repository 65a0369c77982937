using System.Data.Common;

namespace Gateway.Store;

/// <summary>Two writes riding on one transition (a notify's inbox row and the refund a review plans), in order.</summary>
internal sealed class CombinedAttachment(ITransitionAttachment first, ITransitionAttachment second) : ITransitionAttachment
{
    /// <summary>Both, either, or null when neither is set.</summary>
    public static ITransitionAttachment? Of(ITransitionAttachment? first, ITransitionAttachment? second)
        => first is null ? second : second is null ? first : new CombinedAttachment(first, second);

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, PaymentTransition transition, CancellationToken cancellationToken)
    {
        await first.WriteAsync(connection, transaction, transition, cancellationToken);
        await second.WriteAsync(connection, transaction, transition, cancellationToken);
    }
}
