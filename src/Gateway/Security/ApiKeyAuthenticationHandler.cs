using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Gateway.Configuration;
using Gateway.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gateway.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> for internal services. Only SHA-256 hashes of keys are
/// configured; the presented key is hashed and looked up, so no key is ever stored or compared in clear.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "ApiKey";
    public const string ClientIdClaim = "client_id";

    private readonly GatewaySnapshotProvider _snapshots;

    public ApiKeyAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, GatewaySnapshotProvider snapshots)
        : base(options, logger, encoder)
    {
        _snapshots = snapshots;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = header["Bearer ".Length..].Trim();
        if (key.Length == 0 || !_snapshots.Current.ClientsByKeyHash.TryGetValue(Hash(key), out var client))
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity([new Claim(ClientIdClaim, client.Id)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var problem = GatewayProblems.Problem(StatusCodes.Status401Unauthorized, GatewayProblems.Unauthorized,
            "A valid API key is required.", "Send 'Authorization: Bearer <api key>'.");
        await problem.ExecuteAsync(Context);
    }

    /// <summary>The lower-case hex SHA-256 of an API key, as configured in <c>ApiKeySha256</c>.</summary>
    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}

/// <summary>Reads the calling client from an authenticated request.</summary>
internal static class ClientPrincipalExtensions
{
    public static string ClientId(this ClaimsPrincipal user)
        => user.FindFirstValue(ApiKeyAuthenticationHandler.ClientIdClaim) ?? throw new InvalidOperationException("The request is not authenticated.");
}
