namespace Gateway.TestMode;

/// <summary>
/// Decides whether test mode is on. It is opt-in: <c>Gateway:TestMode=true</c>, or the Development
/// environment with no <c>Gateway:TestMode</c> setting (how <c>dotnet run</c> starts through
/// launchSettings). Outside Development it also needs <see cref="AllowOutsideDevelopmentKey"/>, so a
/// copied setting cannot turn a production host into one that accepts the public demo keys.
/// </summary>
internal static class TestModeSwitch
{
    public const string Key = "Gateway:TestMode";

    /// <summary>The second, explicit setting test mode needs outside the Development environment.</summary>
    public const string AllowOutsideDevelopmentKey = "Gateway:AllowTestModeOutsideDevelopment";

    /// <summary>True when test mode is asked for (explicitly, or by the Development environment).</summary>
    public static bool IsRequested(IConfiguration configuration, IHostEnvironment environment)
        => configuration[Key] is { } value ? bool.TryParse(value, out var on) && on : environment.IsDevelopment();

    /// <summary>The problems with the test-mode settings themselves (a typo, or test mode where it is not allowed).</summary>
    public static IEnumerable<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[Key] is { } value && !bool.TryParse(value, out _))
        {
            yield return $"{Key}: must be true or false.";
        }

        if (IsRequested(configuration, environment) && !environment.IsDevelopment()
            && !configuration.GetValue(AllowOutsideDevelopmentKey, defaultValue: false))
        {
            yield return $"{Key}: test mode (public demo keys, the /sandbox that can mark orders paid) is refused in the "
                + $"'{environment.EnvironmentName}' environment unless {AllowOutsideDevelopmentKey} is true as well.";
        }
    }
}
