using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Tests.Fakes;

/// <summary>Builds the local state a store would hold after applying a snapshot (for planner unit tests, no SQLite).</summary>
internal static class LocalStates
{
    public static LocalState From(CorpSnapshot snapshot)
    {
        var state = LocalState.Empty();
        var departmentIds = new Dictionary<string, long>(StringComparer.Ordinal) { ["0"] = 1 };
        var nextDepartment = 2L;
        foreach (var department in snapshot.Departments)
            departmentIds[department.ExternalId] = nextDepartment++;
        var memberIds = snapshot.Members.Select((m, i) => (m.ExternalId, Id: 100L + i)).ToDictionary(x => x.ExternalId, x => x.Id);

        state.Add(new LocalDepartmentRow { Id = 1, ExternalId = "0", Name = snapshot.RootName });
        foreach (var department in snapshot.Departments)
        {
            state.Add(new LocalDepartmentRow
            {
                Id = departmentIds[department.ExternalId],
                ExternalId = department.ExternalId,
                ParentId = departmentIds[string.IsNullOrEmpty(department.ParentExternalId) ? "0" : department.ParentExternalId],
                Name = department.Name,
                Order = department.Order,
                LeaderMemberId = department.LeaderExternalId is { } leader && memberIds.TryGetValue(leader, out var id) ? id : null,
                IdentitiesJson = CanonicalJson.From(department.Identities),
                AttributesJson = CanonicalJson.From(department.Attributes),
            });
        }

        foreach (var member in snapshot.Members)
        {
            var row = new LocalMemberRow
            {
                Id = memberIds[member.ExternalId],
                PersonId = memberIds[member.ExternalId] + 1000,
                ExternalId = member.ExternalId,
                Name = member.Name,
                EnglishName = member.EnglishName,
                Email = member.Email,
                Mobile = member.Mobile,
                AvatarUrl = member.AvatarUrl,
                JobTitle = member.JobTitle,
                EmployeeNo = member.EmployeeNo,
                EmployeeType = member.EmployeeType,
                Status = member.Status,
                LeaderMemberId = member.LeaderExternalId is { } leader && memberIds.TryGetValue(leader, out var id) ? id : null,
                IsTenantManager = member.IsTenantManager,
                AttributesJson = CanonicalJson.From(member.Attributes),
            };
            foreach (var (kind, value) in member.Identities)
                row.Identities[kind] = value;
            foreach (var membership in member.Memberships ?? [])
                row.Memberships.Add(new LocalMembershipRow(departmentIds[membership.DepartmentExternalId], membership.Order, membership.IsPrimary));
            state.Add(row);
        }

        var nextGroup = 1L;
        foreach (var group in snapshot.Groups)
        {
            var row = new LocalGroupRow { Id = nextGroup++, ExternalId = group.ExternalId, Name = group.Name, Description = group.Description, IsDynamic = group.IsDynamic };
            foreach (var member in group.MemberExternalIds)
                row.MemberIds.Add(memberIds[member]);
            state.Add(row);
        }

        return state;
    }
}
