using Corps.Abstractions;
using Corps.Feishu.Client;

namespace Corps.Feishu;

/// <summary>A Feishu self-built app's organisation (<c>corps.FSInnerType</c>), on <c>https://open.feishu.cn</c> unless the
/// auth config's <c>baseUrl</c> says otherwise.</summary>
[CorpType("corps.FSInnerType", Description = "Feishu self-built app (contact v3, events, sign-in)")]
public sealed class FeishuCorp : FeishuCorpBase
{
    /// <summary>Creates the corp; does no I/O.</summary>
    public FeishuCorp(CorpContext context)
        : base(context, FeishuCloud.Feishu)
    {
    }
}
