using Corps.Abstractions;
using Corps.Feishu;
using Corps.Feishu.Client;

namespace Corps.Lark;

/// <summary>A Lark self-built app's organisation (<c>corps.LarkInnerType</c>): the Feishu code on the Lark cloud,
/// <c>https://open.larksuite.com</c> unless the auth config's <c>baseUrl</c> says otherwise.</summary>
/// <remarks>Corps.Feishu.dll ships in this plugin's folder as a dependency; the host scans only Corps.Lark.dll, so
/// <c>corps.FSInnerType</c> is not declared twice.</remarks>
[CorpType("corps.LarkInnerType", Description = "Lark self-built app (contact v3, events, sign-in)")]
public sealed class LarkCorp : FeishuCorpBase
{
    /// <summary>Creates the corp; does no I/O.</summary>
    public LarkCorp(CorpContext context)
        : base(context, FeishuCloud.Lark)
    {
    }
}
