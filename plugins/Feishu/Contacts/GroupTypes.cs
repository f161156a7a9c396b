namespace Corps.Feishu.Contacts;

/// <summary>The <c>type</c> values of <c>group/simplelist</c>: the list serves one type per read and defaults to normal.</summary>
internal static class GroupTypes
{
    /// <summary>A group whose members an admin (or the API) adds by hand: users and departments.</summary>
    public const int Normal = 1;

    /// <summary>A group whose members Feishu picks by the admin's rules: users only.</summary>
    public const int Dynamic = 2;

    /// <summary>Every type a full read lists.</summary>
    public static IReadOnlyList<int> All { get; } = [Normal, Dynamic];
}
