using Gateway.FunctionalTests.Infrastructure;
using Gateway.Store;

namespace Gateway.FunctionalTests.Operability;

/// <summary>The real store, except that every call fails while <see cref="Broken"/> is set (the database went away).</summary>
internal sealed class SwitchableStore(IPaymentStore inner) : DelegatingPaymentStore(inner)
{
    public volatile bool Broken;

    protected override IPaymentStore Inner => Broken ? throw new InvalidOperationException("The database is unreachable (test).") : base.Inner;
}
