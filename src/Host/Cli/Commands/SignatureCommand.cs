using System.CommandLine;
using Corps.Abstractions;
using Corps.Host.Cli.Output;

namespace Corps.Host.Cli.Commands;

/// <summary><c>corps signature get NAME MEMBER_ID</c> and <c>corps signature set NAME MEMBER_ID URL</c>.</summary>
public sealed class SignatureCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Create(CliGlobals globals)
    {
        var getName = CorpArguments.Name();
        var getId = CorpArguments.MemberId();
        var get = new Command("get", "Show a member's signature image link.") { getName, getId };
        CliAction.Set(get, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(getName)!, cancellationToken, async corp =>
            {
                var id = parseResult.GetValue(getId);
                var url = await corp.GetUserSignatureAsync(id, cancellationToken).ConfigureAwait(false);
                return Write(context, corp, id, url);
            }));

        var setName = CorpArguments.Name();
        var setId = CorpArguments.MemberId();
        var setUrl = new Argument<string>("URL") { Description = "An absolute http(s) link to the signature image." };
        var set = new Command("set", "Set a member's signature image link.") { setName, setId, setUrl };
        CliAction.Set(set, globals, (context, parseResult, cancellationToken) =>
            CorpArguments.WithCorpAsync(context, parseResult.GetValue(setName)!, cancellationToken, async corp =>
            {
                var id = parseResult.GetValue(setId);
                var url = parseResult.GetValue(setUrl)!;
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    throw new CorpException(CorpErrorKind.Configuration, $"'{url}' is not an absolute http or https URL.",
                        "Pass the full link, e.g. https://files.example.com/sign/ada.png.");
                }

                await corp.SaveUserSignatureAsync(id, uri.ToString(), cancellationToken).ConfigureAwait(false);
                return Write(context, corp, id, await corp.GetUserSignatureAsync(id, cancellationToken).ConfigureAwait(false));
            }));

        return new Command("signature", "Read or set members' signature image links.") { get, set };
    }

    private static int Write(CliContext context, ICorp corp, long memberId, string? url)
    {
        if (context.Json)
            context.WriteJson(new SignatureDocument(corp.FullName, memberId, url));
        else
            context.Output.WriteLine(url ?? $"Member {memberId} of {corp.FullName} has no signature.");
        return ExitCodes.Ok;
    }
}
