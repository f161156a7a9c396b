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

        // The inbox is another file, marked just after the store's commit.
        await Eventually.TrueAsync(() => scenario.Inbox() == new Corps.Host.Events.InboxCounts(Pending: 0, Parked: 0, Applied: 4), "the inbox rows marked applied");
    }
}
