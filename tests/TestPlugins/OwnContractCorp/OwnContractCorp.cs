using Corps.Abstractions;

namespace OwnContractCorp;

/// <summary>A corp shipped with its own Corps.Abstractions.dll; it only works if the host's contract is used instead.</summary>
[CorpType("test.OwnContract")]
public sealed class OwnContractCorp : CorpBase
{
    public OwnContractCorp(CorpContext context)
        : base(context)
    {
    }

    public override Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CorpSnapshot
        {
            RootName = Title,
            Departments = [new UpstreamDepartment { ExternalId = "d1", Name = "Contract" }],
            Members = [new UpstreamMember { ExternalId = "m1", Name = "Ada", Memberships = [new UpstreamMembership("d1", IsPrimary: true)] }],
            FetchedAt = Context.Time.GetUtcNow(),
        });

    public override object GetClient() => typeof(ICorp).Assembly.Location;
}
