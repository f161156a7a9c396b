using Corps.Feishu.Wire;

namespace Corps.Feishu.Client;

/// <summary>A stand-in response for advice on a failure that came without a body.</summary>
internal sealed class EmptyResponse : IFeishuResponse
{
    public static EmptyResponse Instance { get; } = new();

    public int Code => 0;

    public string? Msg => null;

    public FeishuErrorDetail? Error => null;
}
