using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Gateway.Errors;
using Gateway.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Gateway.Management;

/// <summary>
/// <c>Authorization: Bearer &lt;admin key&gt;</c> for <c>/admin</c>. A scheme of its own, so a payment API
/// key never authenticates here and an admin key never reaches <c>/v1</c>.
/// </summary>
internal sealed class AdminKeyAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "AdminKey";
    public const string RoleClaim = "gateway_role";
    public const string AdminRole = "admin";

    private readonly IOptionsMonitor<AdminOptions> _admin;

    public AdminKeyAuthenticationHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<AdminOptions> admin)
        : base(options, logger, encoder)
    {
        _admin = admin;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var expected = _admin.CurrentValue.ApiKeySha256;
        var presented = ApiKeyAuthenticationHandler.Hash(header["Bearer ".Length..].Trim());
        if (string.IsNullOrEmpty(expected) || !_admin.CurrentValue.Enabled
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected.ToLowerInvariant())))
        {
            return Task.FromResult(AuthenticateResult.Fail("Not the admin key."));
        }

        var identity = new ClaimsIdentity([new Claim(RoleClaim, AdminRole)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await GatewayProblems.Problem(StatusCodes.Status401Unauthorized, GatewayProblems.Unauthorized,
            "The admin key is required.", "Send 'Authorization: Bearer <admin key>'; payment API keys are not accepted here.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
        => await GatewayProblems.Problem(StatusCodes.Status403Forbidden, GatewayProblems.Forbidden, "Not allowed.").ExecuteAsync(Context);
}
