using Corps.Abstractions;
using DependencyLib;

namespace DependencyCorp;

/// <summary>A corp type that needs a library only its plugin folder has.</summary>
[CorpType("test.Dependency")]
public sealed class DependencyCorp : CorpBase
{
    public DependencyCorp(CorpContext context)
        : base(context)
    {
    }

    public override Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CorpSnapshot
        {
            RootName = Title,
            Departments = [new UpstreamDepartment { ExternalId = "eng", Name = "Engineering" }],
            Members =
            [
                new UpstreamMember
                {
                    ExternalId = "u1",
                    Name = RosterFormatter.DisplayName("Grace", "Hopper"),
                    Memberships = [new UpstreamMembership("eng", IsPrimary: true)],
                },
            ],
            FetchedAt = Context.Time.GetUtcNow(),
        });

    public override object GetClient() => typeof(RosterFormatter).Assembly.GetName().Name!;
}
