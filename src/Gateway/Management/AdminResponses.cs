namespace Gateway.Management;

/// <summary>A plugin folder, loaded or not.</summary>
public sealed record AdminPlugin(
    string Name, string? Version, IReadOnlyList<string> Channels, string? ContractVersion, string Status, string? Error, string Folder);

/// <summary>A configured provider instance, with secret settings redacted.</summary>
public sealed record AdminInstance(
    string Name, string Plugin, IReadOnlyList<string> Channels, string? AppId, string? MerchantId, bool Live,
    IReadOnlyDictionary<string, string> Settings);

/// <summary>A route as configured.</summary>
public sealed record AdminRoute(
    string Id, string Channel, IReadOnlyList<string> Clients, long? MinAmount, long? MaxAmount, int Order, IReadOnlyList<string> Instances, string Policy);

/// <summary>A payment as ops see it: the API view plus the owner, instance and trace.</summary>
public sealed record AdminPayment(Payments.PaymentResponse Payment, string ClientId, string Plugin, string? TraceParent);

/// <summary>A list.</summary>
public sealed record AdminList<T>(IReadOnlyList<T> Data);
