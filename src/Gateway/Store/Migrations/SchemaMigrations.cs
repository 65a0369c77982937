using System.Reflection;
using DbUp.Engine;

namespace Gateway.Store.Migrations;

/// <summary>
/// The versioned schema: numbered SQL scripts per dialect, embedded in this assembly
/// (<c>Store/Migrations/&lt;Dialect&gt;/NNNN_name.sql</c>), applied once each in name order and recorded in
/// the <c>schema_migrations</c> journal. DbUp does the journaling and ordering (a well-kept library, and
/// plain SQL scripts a DBA can read); the dialect supplies the lock that keeps two gateway processes
/// from migrating at once. A script is never edited once released: a change is a new script.
/// </summary>
internal static partial class SchemaMigrations
{
    /// <summary>The journal table (DbUp's <c>schemaversions</c>, renamed to match the schema's style).</summary>
    public const string JournalTable = "schema_migrations";

    /// <summary>The scripts for <paramref name="dialectFolder"/> (Sqlite, PostgreSql), by file name, in order.</summary>
    public static IReadOnlyList<SqlScript> Scripts(string dialectFolder)
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var prefix = $"{typeof(SchemaMigrations).Namespace}.{dialectFolder}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => new SqlScript(name[prefix.Length..], Read(assembly, name)))
            .OrderBy(script => script.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Applies every script not yet journaled, under the dialect's migration lock; throws on failure.</summary>
    public static async Task ApplyAsync(StoreDialect dialect, ILogger logger, CancellationToken cancellationToken)
    {
        var result = await dialect.UpgradeAsync(Scripts(dialect.Name), logger, cancellationToken);
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Schema migration {result.ErrorScript?.Name ?? "(journal)"} failed on {dialect.Name}; nothing after it was applied.", result.Error);
        }

        foreach (var script in result.Scripts)
        {
            Log.Applied(logger, script.Name, dialect.Name);
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Schema migration {Script} applied ({Dialect})")]
        public static partial void Applied(ILogger logger, string script, string dialect);
    }
}
