using Corps.Abstractions;
using Corps.Host.Sync;
using static Corps.Host.Tests.Fakes.Snapshots;

namespace Corps.Host.Tests.Sync;

public sealed class SnapshotValidatorTests
{
    [Fact]
    public void Validate_ValidSnapshot_Passes() => SnapshotValidator.Validate("corps.Acme", Small());

    [Theory]
    [InlineData("duplicate-department")]
    [InlineData("duplicate-member")]
    [InlineData("dangling-parent")]
    [InlineData("cycle")]
    [InlineData("shared-identity")]
    public void Validate_BadSnapshot_ThrowsUpstreamError(string problem)
    {
        var snapshot = problem switch
        {
            "duplicate-department" => Of([Dept("A"), Dept("A")], []),
            "duplicate-member" => Of([], [Member("m1"), Member("m1")]),
            "dangling-parent" => Of([Dept("A", "nowhere")], []),
            "cycle" => Of([Dept("A", "C"), Dept("B", "A"), Dept("C", "B"), Dept("D")], []),
            _ => Of([], [Member("m1"), Member("m2") with { Identities = new Dictionary<string, string> { ["union_id"] = "on_m1" } }]),
        };

        var error = Assert.Throws<CorpException>(() => SnapshotValidator.Validate("corps.Acme", snapshot));

        Assert.Equal(CorpErrorKind.Upstream, error.Kind);
        Assert.StartsWith("The snapshot from corps.Acme is invalid: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Cycle_NamesTheDepartmentsInIt()
    {
        var error = Assert.Throws<CorpException>(() =>
            SnapshotValidator.Validate("corps.Acme", Of([Dept("A", "B"), Dept("B", "A")], [])));

        Assert.Contains("form a cycle", error.Message);
    }

    [Fact]
    public void Validate_SharedTenantKey_IsAllowed() =>
        SnapshotValidator.Validate("corps.Acme", Of([], [Member("m1"), Member("m2")]));
}
