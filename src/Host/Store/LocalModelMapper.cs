using Corps.Abstractions;
using Corps.Host.Sync.Local;

namespace Corps.Host.Store;

/// <summary>Turns the planner's rows into the contract's <c>Local*</c> models.</summary>
internal static class LocalModelMapper
{
    public static LocalDepartment ToModel(LocalDepartmentRow row) => new()
    {
        Id = row.Id,
        ExternalId = row.ExternalId,
        ParentId = row.ParentId,
        Name = row.Name,
        Order = row.Order,
        LeaderMemberId = row.LeaderMemberId,
        IsDeleted = row.IsDeleted,
    };

    public static LocalMember ToModel(LocalMemberRow row, IReadOnlyList<string> roles) => new()
    {
        Id = row.Id,
        PersonId = row.PersonId,
        ExternalId = row.ExternalId,
        Name = row.Name,
        EnglishName = row.EnglishName,
        Email = row.Email,
        Mobile = row.Mobile,
        AvatarUrl = row.AvatarUrl,
        JobTitle = row.JobTitle,
        EmployeeNo = row.EmployeeNo,
        EmployeeType = row.EmployeeType,
        Status = row.Status,
        LeaderMemberId = row.LeaderMemberId,
        Memberships = [.. row.Memberships.Select(m => new LocalMembership(m.DepartmentId, m.Order, m.IsPrimary))],
        Roles = roles,
        Identities = new Dictionary<string, string>(row.Identities, StringComparer.Ordinal),
        Attributes = CanonicalJson.Parse(row.AttributesJson),
    };

    public static LocalGroup ToModel(LocalGroupRow row) => new()
    {
        Id = row.Id,
        ExternalId = row.ExternalId,
        Name = row.Name,
        IsDynamic = row.IsDynamic,
        MemberIds = [.. row.MemberIds.Order()],
    };
}
