namespace Corps.Host.Cli.Output;

/// <summary>What the local user pool holds for the demo corp.</summary>
/// <param name="Departments">Departments (the root excluded).</param>
/// <param name="ActiveMembers">Members who can sign in.</param>
/// <param name="InactiveMembers">Members resigned, frozen or not activated upstream.</param>
/// <param name="Memberships">Department memberships of all members.</param>
/// <param name="Groups">User groups.</param>
public sealed record DemoPoolDocument(int Departments, int ActiveMembers, int InactiveMembers, int Memberships, int Groups);
