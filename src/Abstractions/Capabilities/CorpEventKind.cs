namespace Corps.Abstractions;

/// <summary>What an upstream change event means for the local pool.</summary>
public enum CorpEventKind
{
    /// <summary>A member was created or changed: upsert <see cref="CorpEvent.Member"/>.</summary>
    MemberUpserted = 0,

    /// <summary>A member left: offline <see cref="CorpEvent.ObjectExternalId"/> in this corp.</summary>
    MemberDeleted = 1,

    /// <summary>A department was created or changed: upsert <see cref="CorpEvent.Department"/>.</summary>
    DepartmentUpserted = 2,

    /// <summary>A department was deleted: delete <see cref="CorpEvent.ObjectExternalId"/>.</summary>
    DepartmentDeleted = 3,

    /// <summary>The app's view of the organisation changed: run a full sync now.</summary>
    ScopeChanged = 4,

    /// <summary>Reference data changed (employee types, custom attributes): run a full sync to refresh.</summary>
    RefreshRequested = 5,
}
