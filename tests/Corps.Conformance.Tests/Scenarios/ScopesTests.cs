using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;
using Corps.Emulator.Org;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary><c>contact.scope.listWithIterator</c>: the app's contact scope.</summary>
public sealed class ScopesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ListWithIterator_FullScope_ListsTheFirstLevelDepartments()
    {
        var result = await emulator.RunAsync("scopes", ConformanceApps.Full, new { pageSize = 5 });

        result.AssertNoSdkErrors();
        var expected = emulator.Org.Children(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId).Order(StringComparer.Ordinal);
        Assert.Equal(expected, result.Strings("department_ids").Order(StringComparer.Ordinal));
        Assert.Empty(result.Strings("user_ids"));
    }

    [Fact]
    public async Task ListWithIterator_ChosenScope_ListsExactlyTheChosenDepartmentsAndUsers()
    {
        var result = await emulator.RunAsync("scopes", emulator.ScopedApp, new { pageSize = 1 });

        result.AssertNoSdkErrors();
        Assert.Equal([emulator.Scope.InsideDepartmentId], result.Strings("department_ids"));
        Assert.Equal([emulator.Scope.LoneUserId], result.Strings("user_ids"));
        // page_size counts users, departments and groups together: two items, one per page.
        Assert.True(result.Int("pages") >= 2, $"pages={result.Int("pages")}");
    }
}
