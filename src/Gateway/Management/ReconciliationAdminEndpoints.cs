using System.Globalization;
using Gateway.Configuration;
using Gateway.Errors;
using Gateway.Reconciliation;

namespace Gateway.Management;

/// <summary>
/// Reconciliation on demand and its results: <c>POST /admin/reconciliations {"instance","date"}</c> runs one now
/// (date: the provider's day, yyyy-MM-dd, Beijing time for WeChat Pay), <c>GET /admin/reconciliations</c> lists
/// runs, <c>GET /admin/reconciliations/{id}</c> shows one with its discrepancies, <c>…/{id}/discrepancies.csv</c> exports them.
/// </summary>
internal static class ReconciliationAdminEndpoints
{
    public static void MapReconciliationAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/reconciliations", RunAsync);
        admin.MapGet("/reconciliations", ListAsync);
        admin.MapGet("/reconciliations/{id}", GetAsync);
        admin.MapGet("/reconciliations/{id}/discrepancies.csv", CsvAsync);
    }

    internal sealed record RunBody(string? Instance, string? Date);

    private static async Task<IResult> RunAsync(
        RunBody? body, Reconciler reconciler, ReconciliationStore store, GatewaySnapshotProvider snapshots, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body?.Instance))
        {
            errors["instance"] = ["is required."];
        }

        if (!TryParseDay(body?.Date, out var day))
        {
            errors["date"] = ["must be a day, yyyy-MM-dd."];
        }
        else if (day > ReconciliationOptions.DayOf(time.GetUtcNow()))
        {
            errors["date"] = ["is in the future (the provider's calendar: Beijing time)."];
        }

        if (errors.Count > 0)
        {
            return GatewayProblems.Invalid(errors);
        }

        if (!snapshots.Current.Instances.ContainsKey(body!.Instance!))
        {
            return GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such instance.", $"No live provider instance '{body.Instance}'.");
        }

        var run = await reconciler.RunAsync(body.Instance!, day, RunTriggers.Admin, cancellationToken);
        if (run is null)
        {
            return GatewayProblems.Problem(StatusCodes.Status409Conflict, GatewayProblems.InvalidState, "A reconciliation of this instance and day is running.",
                $"{body.Instance} {day:yyyy-MM-dd} is being reconciled right now; try again when it is done.");
        }

        var response = ReconciliationResponse.From(run, await store.DiscrepanciesAsync(run.Id, cancellationToken));
        return Results.Created($"/admin/reconciliations/{run.Id}", response);
    }

    private static async Task<IResult> ListAsync(string? instance, string? date, int? limit, ReconciliationStore store, CancellationToken cancellationToken)
    {
        DateOnly? day = null;
        if (date is not null)
        {
            if (!TryParseDay(date, out var parsed))
            {
                return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["date"] = ["must be a day, yyyy-MM-dd."] });
            }

            day = parsed;
        }

        if (limit is < 1 or > 500)
        {
            return GatewayProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500."] });
        }

        var runs = await store.ListRunsAsync(instance, day, limit ?? 50, cancellationToken);
        return Results.Ok(new AdminList<ReconciliationResponse>(runs.Select(r => ReconciliationResponse.From(r)).ToList()));
    }

    private static async Task<IResult> GetAsync(string id, ReconciliationStore store, CancellationToken cancellationToken)
        => await store.GetRunAsync(id, cancellationToken) is { } run
            ? Results.Ok(ReconciliationResponse.From(run, await store.DiscrepanciesAsync(id, cancellationToken)))
            : NotFound(id);

    private static async Task<IResult> CsvAsync(string id, ReconciliationStore store, CancellationToken cancellationToken)
        => await store.GetRunAsync(id, cancellationToken) is { } run
            ? Results.Text(DiscrepancyCsv.Write(run, await store.DiscrepanciesAsync(id, cancellationToken)), "text/csv; charset=utf-8")
            : NotFound(id);

    private static IResult NotFound(string id)
        => GatewayProblems.Problem(StatusCodes.Status404NotFound, GatewayProblems.NotFound, "No such reconciliation.", $"No reconciliation '{id}'.");

    private static bool TryParseDay(string? value, out DateOnly day)
        => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
