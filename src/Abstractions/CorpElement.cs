using System.Text.Json;

namespace Corps.Abstractions;

/// <summary>
/// One validated element: <c>elements/corps/&lt;Name&gt;/e.json</c> plus its auth config.
/// </summary>
public sealed record CorpElement
{
    /// <summary>The element's folder name, e.g. <c>MyFeishuCorp</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>corps.&lt;Name&gt;</c>: the corp's key everywhere (store, schedules, events URL).</summary>
    public string FullName => "corps." + Name;

    /// <summary>The human title from <c>e.json</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The corp type the element names, e.g. <c>corps.FSInnerType</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The element's folder on disk.</summary>
    public required string Directory { get; init; }

    /// <summary>The resolved auth config.</summary>
    public required CorpAuthConfig Auth { get; init; }

    /// <summary>The Quartz cron for scheduled syncs (<c>schedule</c> in e.json); null for the host's default.</summary>
    public string? Schedule { get; init; }

    /// <summary>Whether <c>corps serve</c> syncs this corp once at start-up (<c>syncOnStart</c>).</summary>
    public bool SyncOnStart { get; init; }

    /// <summary>The deletion guard's limits (<c>guard</c> in e.json).</summary>
    public DeletionGuardOptions Guard { get; init; } = DeletionGuardOptions.Default;

    /// <summary>The whole <c>e.json</c>, for keys a corp type defines itself.</summary>
    public JsonElement Data { get; init; }
}
