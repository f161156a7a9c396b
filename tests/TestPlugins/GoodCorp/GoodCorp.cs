using System.Text.Json;
using System.Text.Json.Serialization;
using Corps.Abstractions;

namespace GoodCorp;

/// <summary>
/// A corp whose "upstream" is a JSON file (auth config key <c>snapshotFile</c>) holding a <see cref="CorpSnapshot"/>,
/// so tests can change upstream between syncs. A file with an <c>upstreamError</c> object fails like an upstream.
/// </summary>
[CorpType("test.GoodCorp", Description = "Reads its snapshot from a JSON file")]
public sealed class GoodCorp : CorpBase
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public GoodCorp(CorpContext context)
        : base(context)
    {
    }

    public override async Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken)
    {
        var path = SnapshotPath();
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (document.RootElement.TryGetProperty("upstreamError", out var error))
        {
            throw new UpstreamException($"{FullName}: the upstream refused the request.", "Check the app's permissions.",
                code: error.GetProperty("code").GetInt32(), upstreamMessage: error.GetProperty("msg").GetString(), logId: "test-log-id");
        }

        var snapshot = document.RootElement.Deserialize<CorpSnapshot>(_json)
            ?? throw new UpstreamException($"{FullName}: the snapshot file {path} is empty.");
        return snapshot with { FetchedAt = Context.Time.GetUtcNow(), ApiCalls = 1 };
    }

    public override object GetClient() => SnapshotPath();

    private string SnapshotPath()
    {
        var file = AuthConfig.Settings.TryGetValue("snapshotFile", out var value)
            ? value
            : throw new CorpException(CorpErrorKind.Configuration, $"{FullName}: auth config key 'snapshotFile' is missing.", "Add \"snapshotFile\": \"snapshot.json\".");
        return Path.IsPathRooted(file) ? file : Path.Combine(CorpData.Directory, file);
    }
}
