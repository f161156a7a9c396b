namespace Corps.Emulator.Org;

/// <summary>The <c>user_id_type</c> query parameter.</summary>
public enum UserIdType
{
    /// <summary><c>open_id</c> (default).</summary>
    OpenId,

    /// <summary><c>union_id</c>.</summary>
    UnionId,

    /// <summary><c>user_id</c>.</summary>
    UserId,
}
