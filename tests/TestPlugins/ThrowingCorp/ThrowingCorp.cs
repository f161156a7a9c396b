using Corps.Abstractions;

namespace ThrowingCorp;

/// <summary>A corp type whose constructor throws: the host must mark only its entry.</summary>
[CorpType("test.Throwing")]
public sealed class ThrowingCorp : CorpBase
{
    public ThrowingCorp(CorpContext context)
        : base(context) =>
        throw new InvalidOperationException("ThrowingCorp refuses to be created.");

    public override Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("unreachable");

    public override object GetClient() => this;
}
