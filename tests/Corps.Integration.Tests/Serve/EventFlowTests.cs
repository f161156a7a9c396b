using Corps.Abstractions;

namespace Corps.Integration.Tests.Serve;

public sealed class EventFlowTests
{
    [Fact]
    public async Task Events_PersonAddedChangedMovedRemoved_ReachTheStore()
    {
        await using var scenario = await ServeScenario.StartAsync();
        await scenario.SyncAsync();
        var departments = scenario.Admin.TopDepartments();

        var openId = await scenario.Admin.CreateUserAsync("Zoe Added", departments[0]);
        await Eventually.TrueAsync(async () => await scenario.MemberAsync(openId) is { Name: "Zoe Added" }, "the new member in the store");

        await scenario.Admin.RenameUserAsync(openId, "Zoe Changed");
        await Eventually.TrueAsync(async () => await scenario.MemberAsync(openId) is { Name: "Zoe Changed" }, "the new name in the store");

        await scenario.Admin.MoveUserAsync(openId, departments[1]);
        await Eventually.TrueAsync(async () => (await scenario.DepartmentsOfAsync(openId)).SequenceEqual([departments[1]]), "the member in the new department");

        await scenario.Admin.DeleteUserAsync(openId);
        await Eventually.TrueAsync(async () => await scenario.MemberAsync(openId) is { Status: MemberStatus.Resigned }, "the member offlined");

        Assert.Equal(4, scenario.Inbox().Applied);
        Assert.Equal(0, scenario.Inbox().Pending);
    }
}
