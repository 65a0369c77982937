using Gateway.Plugins;

namespace Gateway.Routing;

/// <summary>
/// <see cref="RoutingPolicies.Weighted"/>: smooth weighted round-robin (the nginx algorithm) over the
/// healthy instances, with the weights of <c>Gateway:Routes:{id}:Weights:{instance}</c>. Deterministic, so
/// the spread matches the weights exactly over a cycle and is interleaved rather than bursty. An instance
/// with weight 0 is a standby: picked only when every weighted instance is benched.
/// </summary>
internal sealed class WeightedRoutingPolicy : IRoutingPolicy
{
    public string Name => RoutingPolicies.Weighted;

    public ProviderInstanceState Pick(RouteState route, IReadOnlyList<ProviderInstanceState> candidates)
    {
        var current = route.Cursor.SmoothWeights;
        lock (current)
        {
            long total = 0;
            ProviderInstanceState? best = null;
            var bestWeight = long.MinValue;
            foreach (var candidate in candidates)
            {
                var weight = route.WeightOf(candidate.Name);
                if (weight == 0)
                {
                    continue;
                }

                var value = current.GetValueOrDefault(candidate.Name) + weight;
                current[candidate.Name] = value;
                total += weight;
                if (value > bestWeight)
                {
                    best = candidate;
                    bestWeight = value;
                }
            }

            if (best is null)
            {
                return candidates[0];
            }

            current[best.Name] = bestWeight - total;
            return best;
        }
    }
}
