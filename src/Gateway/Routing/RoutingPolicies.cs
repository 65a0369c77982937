namespace Gateway.Routing;

/// <summary>The names of the built-in routing policies.</summary>
public static class RoutingPolicies
{
    /// <summary>Always the first instance of the route.</summary>
    public const string First = nameof(First);
}
