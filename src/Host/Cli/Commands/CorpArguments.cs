using System.CommandLine;
using Corps.Abstractions;

namespace Corps.Host.Cli.Commands;

/// <summary>The arguments the corp commands share, and how they open their corp.</summary>
internal static class CorpArguments
{
    public static Argument<string> Name() => new("NAME") { Description = "The element name (or corps.<Name>)." };

    public static Argument<long> MemberId() => new("MEMBER_ID") { Description = "A local member id ('corps members NAME' lists them)." };

    public static Argument<long[]> MemberIds(ArgumentArity arity) => new("MEMBER_ID") { Description = "Local member ids ('corps members NAME' lists them).", Arity = arity };

    /// <summary>Opens the session, finds the ready corp and runs <paramref name="work"/> on it.</summary>
    /// <remarks>The store is opened only if it exists: reading or changing a corp before its first sync is an error that says so.</remarks>
    public static async Task<int> WithCorpAsync(CliContext context, string name, CancellationToken cancellationToken, Func<ICorp, Task<int>> work)
    {
        await using var session = await context.OpenSessionAsync(openStore: false, cancellationToken).ConfigureAwait(false);
        var corp = session.RequireCorp(name);
        return await work(corp).ConfigureAwait(false);
    }
}
