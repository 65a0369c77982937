using System.Data.Common;
using Gateway.Store;

namespace Gateway.Notify;

/// <summary>
/// A sampled notify that failed verification: enough for ops to tell an attack from a key mistake (source,
/// instance, reason, size, SHA-256 and a short prefix of the body), never the body itself.
/// </summary>
internal sealed record NotifyRejection(
    string Id, string Instance, string Kind, DateTimeOffset ReceivedAt, string SourceIp, string Reason, int BodySize, string BodySha256, string BodyPrefix)
    : IRecordedRow
{
    public const string Columns = "id, instance, kind, received_at, source_ip, reason, body_size, body_sha256, body_prefix";

    private const string Insert = "INSERT INTO notify_rejections (" + Columns + ") VALUES (@id, @instance, @kind, @received_at, @source_ip, @reason, @body_size, @body_sha256, @body_prefix)";

    public string InsertSql => Insert;

    public void Bind(DbCommand command) => command
        .Add("id", Id).Add("instance", Instance).Add("kind", Kind).Add("received_at", ReceivedAt).Add("source_ip", SourceIp)
        .Add("reason", Reason).Add("body_size", BodySize).Add("body_sha256", BodySha256).Add("body_prefix", BodyPrefix);

    public static NotifyRejection Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.Time(3), r.GetString(4), r.GetString(5),
        Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture), r.GetString(7), r.GetString(8));
}

/// <summary>A row <see cref="NotifyInboxRecorder"/> writes off the request path.</summary>
internal interface IRecordedRow
{
    string InsertSql { get; }

    void Bind(DbCommand command);
}
