using System.Text.Json;
using System.Text.Json.Serialization;
using Corps.Abstractions;

namespace Corps.Host.Tests.Support;

/// <summary>Writes the "upstream" of a GoodCorp element: a <see cref="CorpSnapshot"/> as JSON.</summary>
public static class SnapshotFile
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(string path, CorpSnapshot snapshot) => File.WriteAllText(path, JsonSerializer.Serialize(snapshot, _json));

    public static void WriteUpstreamError(string path, int code, string message) =>
        File.WriteAllText(path, JsonSerializer.Serialize(new { upstreamError = new { code, msg = message } }, _json));

    public static UpstreamDepartment Department(string id, string name, string? parent = null, long order = 0) =>
        new() { ExternalId = id, Name = name, ParentExternalId = parent, Order = order };

    public static UpstreamMember Member(string id, string name, params string[] departments) => new()
    {
        ExternalId = id,
        Name = name,
        Email = $"{id}@example.test",
        Memberships = departments.Select((department, index) => new UpstreamMembership(department, index, index == 0)).ToList(),
    };

    /// <summary>A company of <paramref name="people"/> members spread over two departments.</summary>
    public static CorpSnapshot Company(int people, string rootName = "Acme Inc") => new()
    {
        RootName = rootName,
        Departments = [Department("eng", "Engineering", order: 1), Department("ops", "Operations", order: 2), Department("web", "Web", "eng")],
        Members = Enumerable.Range(1, people).Select(i => Member($"u{i}", $"Person {i}", i % 2 == 0 ? "eng" : "web")).ToList(),
    };
}
