using Corps.Abstractions;
using Corps.Emulator;
using Corps.Emulator.Org;

namespace Corps.Integration.Tests.Feishu.Support;

/// <summary>Compares what the store holds for a corp with what the emulator's organisation (or a part of it) is.</summary>
internal static class StoreAssert
{
    /// <summary>The store holds exactly the whole organisation: every department with its parent and name, every member
    /// (the resigned excepted) and every membership.</summary>
    public static void HoldsWholeOrg(EmulatorServer emulator, LocalCorpData local)
    {
        using var read = emulator.Org.EnterRead();
        var departments = emulator.Org.Descendants(EmulatedOrg.RootId).ToList();
        var users = emulator.Org.Document.Users.Where(u => u.DepartmentIds.Count > 0).ToList();
        Holds(local, departments, users);
    }

    /// <summary>The store holds exactly these departments (as a forest under the root) and these people.</summary>
    public static void Holds(LocalCorpData local, IReadOnlyCollection<OrgDepartment> departments, IReadOnlyCollection<OrgUser> users, bool scoped = false)
    {
        var byId = local.Departments.ToDictionary(d => d.Id);
        var liveDepartments = local.Departments.Where(d => !d.IsDeleted && d.ExternalId != CorpSnapshot.RootExternalId).ToList();
        var ids = departments.Select(d => d.OpenDepartmentId).ToHashSet(StringComparer.Ordinal);

        // Departments: same ids, names and parents (a scoped department whose parent is out of scope hangs under the root).
        Assert.Equal(
            departments.Select(d => $"{d.OpenDepartmentId}<{(ids.Contains(d.ParentDepartmentId) ? d.ParentDepartmentId : CorpSnapshot.RootExternalId)}:{d.Name}").Order(StringComparer.Ordinal),
            liveDepartments.Select(d => $"{d.ExternalId}<{byId[d.ParentId!.Value].ExternalId}:{d.Name}").Order(StringComparer.Ordinal));

        var members = local.Members.Where(m => m.Status != MemberStatus.Resigned).ToList();
        Assert.Equal(users.Select(u => u.OpenId).Order(StringComparer.Ordinal), members.Select(m => m.ExternalId).Order(StringComparer.Ordinal));

        if (!scoped)
        {
            Assert.Equal(
                users.SelectMany(u => u.DepartmentIds.Select(d => $"{u.OpenId}@{d}")).Order(StringComparer.Ordinal),
                members.SelectMany(m => m.Memberships.Select(ms => $"{m.ExternalId}@{byId[ms.DepartmentId].ExternalId}")).Order(StringComparer.Ordinal));
        }
    }
}
