using Corps.Abstractions;

namespace HangingCorp;

/// <summary>A corp type whose constructor never returns (a plugin doing blocking I/O against a dead host): the host must
/// give up on it, mark only its entry and keep serving the others.</summary>
[CorpType("test.Hanging")]
public sealed class HangingCorp : CorpBase
{
    public HangingCorp(CorpContext context)
        : base(context) =>
        Thread.Sleep(Timeout.Infinite);

    public override Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("unreachable");

    public override object GetClient() => this;
}
