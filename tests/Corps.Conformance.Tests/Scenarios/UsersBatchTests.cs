using Corps.Conformance.Tests.Emulator;
using Corps.Conformance.Tests.Node;

namespace Corps.Conformance.Tests.Scenarios;

/// <summary><c>contact.user.batch</c> (GET users/batch with repeated <c>user_ids</c>).</summary>
public sealed class UsersBatchTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Batch_FiftyOpenIds_ReturnsThoseUsers()
    {
        var users = emulator.Org.Document.Users.Where(u => u.DepartmentIds.Count > 0).Take(50).ToArray();

        var result = await emulator.RunAsync("users-batch", ConformanceApps.Full, new { userIds = users.Select(u => u.OpenId).ToArray(), userIdType = "open_id" });

        Assert.Equal(0, result.Int("code"));
        var items = result.GetProperty("items").EnumerateArray().ToDictionary(i => i.String("open_id")!, StringComparer.Ordinal);
        Assert.Equal(users.Length, items.Count);
        foreach (var u in users)
        {
            var item = items[u.OpenId];
            Assert.Equal(u.UnionId, item.String("union_id"));
            Assert.Equal(u.UserId, item.String("user_id"));
            Assert.Equal(u.Name, item.String("name"));
            Assert.Equal(u.DepartmentIds.Order(StringComparer.Ordinal), item.Strings("department_ids").Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Batch_ByUserId_ReturnsTheSameUsers()
    {
        var users = emulator.Org.Document.Users.Skip(100).Take(5).ToArray();

        var result = await emulator.RunAsync("users-batch", ConformanceApps.Full, new { userIds = users.Select(u => u.UserId).ToArray(), userIdType = "user_id" });

        Assert.Equal(0, result.Int("code"));
        Assert.Equal(users.Select(u => u.UserId).Order(StringComparer.Ordinal), result.Strings("items", "user_id").Order(StringComparer.Ordinal));
    }
}
