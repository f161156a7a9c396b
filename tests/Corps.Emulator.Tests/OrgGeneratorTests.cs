using System.Text.Json;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Emulator.Tests;

public sealed class OrgGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_SameOrganisation()
    {
        var options = new OrgGenerationOptions { Users = 500, Departments = 40, Depth = 4, Seed = 7 };
        var a = JsonSerializer.Serialize(OrgGenerator.Generate(options), OrgJson.Document);
        var b = JsonSerializer.Serialize(OrgGenerator.Generate(options), OrgJson.Document);
        var c = JsonSerializer.Serialize(OrgGenerator.Generate(options with { Seed = 8 }), OrgJson.Document);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Generate_Sizes_ExactAndRealistic()
    {
        var doc = OrgGenerator.Generate(new OrgGenerationOptions { Users = 2000, Departments = 120, Depth = 4, Seed = 3 });
        var org = new EmulatedOrg(doc);
        Assert.Equal(2000, doc.Users.Count);
        Assert.Equal(120, doc.Departments.Count);
        Assert.All(doc.Departments, d => Assert.True(org.Ancestors(d).Count() < 4, "depth must not exceed 4"));
        Assert.Contains(doc.Users, u => u.Status.IsResigned && u.DepartmentIds.Count == 0);
        Assert.Contains(doc.Users, u => u.Status.IsFrozen);
        Assert.Contains(doc.Users, u => !u.Status.IsActivated);
        Assert.Contains(doc.Users, u => u.DepartmentIds.Count > 1);
        Assert.Contains(doc.Users, u => u.CustomAttrs.Count > 0);
        Assert.True(doc.Users.Select(u => u.EmployeeType).Distinct().Count() >= 4);
        Assert.True(doc.Users.Count(u => u.Name.Any(ch => ch > 0x4E00)) > 1000, "most names are Chinese");
        Assert.Contains(doc.Users, u => u.Name.All(ch => ch < 128));
        Assert.Equal(doc.Users.Count, doc.Users.Select(u => u.Email).Distinct().Count());
        Assert.Equal(doc.Users.Count, doc.Users.Select(u => u.Mobile).Distinct().Count());
        Assert.Equal(doc.Users.Count, doc.Users.Select(u => u.UserId).Distinct().Count());
        Assert.All(doc.Users, u => Assert.StartsWith("ou_", u.OpenId));
        Assert.All(doc.Users, u => Assert.StartsWith("on_", u.UnionId));
        Assert.All(doc.Departments, d => Assert.StartsWith("od-", d.OpenDepartmentId));
        Assert.True(doc.Departments.Count(d => d.LeaderUserId is not null) > 60);
        Assert.NotEmpty(doc.Groups);
        Assert.All(doc.Groups, g => Assert.NotEmpty(g.Members));
        Assert.Single(doc.Users, u => u.IsTenantManager);
    }

    [Fact]
    public void Generate_HundredThousandPeople_IndexesEveryMembership()
    {
        var doc = OrgGenerator.Generate(new OrgGenerationOptions { Users = 100_000, Departments = 5_000, Depth = 6, Seed = 1 });
        var org = new EmulatedOrg(doc);
        Assert.Equal(100_000, org.UserCount);
        Assert.Equal(5_000, org.DepartmentCount);
        var memberships = doc.Users.Sum(u => u.DepartmentIds.Count);
        var indexed = org.DirectMembers(EmulatedOrg.RootId).Count + doc.Departments.Sum(d => org.DirectMembers(d.OpenDepartmentId).Count);
        Assert.Equal(memberships, indexed);
        Assert.Equal(5_000, org.Descendants(EmulatedOrg.RootId).Count);
    }
}
