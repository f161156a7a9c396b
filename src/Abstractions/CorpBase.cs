using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Corps.Abstractions;

/// <summary>
/// The base of most corp types: implements every store-backed member of <see cref="ICorp"/> once, on the host's
/// <see cref="ICorpStore"/> and <see cref="ICorpSync"/>. A corp type supplies the snapshot and the client and may
/// override anything else.
/// </summary>
public abstract class CorpBase : ICorp
{
    /// <summary>Creates the corp. Derived constructors must not do I/O.</summary>
    protected CorpBase(CorpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Logger = context.LoggerFactory.CreateLogger(GetType());
    }

    /// <summary>The host services handed to this corp.</summary>
    protected CorpContext Context { get; }

    /// <summary>A logger named after the corp type.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc/>
    public CorpElement CorpData => Context.Element;

    /// <inheritdoc/>
    public string Title => Context.Element.Title;

    /// <inheritdoc/>
    public string FullName => Context.Element.FullName;

    /// <inheritdoc/>
    public string CorpFullName => FullName;

    /// <inheritdoc/>
    public CorpAuthConfig AuthConfig => Context.Element.Auth;

    /// <inheritdoc/>
    public abstract Task<CorpSnapshot> GetThirdCorpDataAsync(CancellationToken cancellationToken);

    /// <inheritdoc/>
    public abstract object GetClient();

    /// <inheritdoc/>
    public virtual Task<SyncReport> InitCorpAsync(CancellationToken cancellationToken) =>
        Context.Sync.SyncAsync(this, new SyncOptions { Trigger = "init" }, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<SyncReport> SyncCorpAsync(SyncOptions options, CancellationToken cancellationToken) =>
        Context.Sync.SyncAsync(this, options, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<SyncReport> BulkRegisterAsync(CorpSnapshot snapshot, SyncOptions options, CancellationToken cancellationToken) =>
        Context.Sync.ApplyAsync(this, snapshot, options, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<LocalCorpData> GetLocalCorpDataAsync(CancellationToken cancellationToken) =>
        Context.Store.GetLocalCorpDataAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual async Task<LocalDepartment> GetRootDeptAsync(CancellationToken cancellationToken) =>
        await Context.Store.GetRootDepartmentAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new CorpException(CorpErrorKind.Configuration,
            $"Corp '{FullName}' has no root department yet.", $"Run 'corps sync {Context.Element.Name}' first.");

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<RoleMember>> SetUserRoleAsync(long memberId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken) =>
        Context.Store.SetMemberRolesAsync(memberId, roleIds, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<int> OfflineMemberAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) =>
        Context.Store.OfflineMembersAsync(memberIds, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<string?> GetUserSignatureAsync(long memberId, CancellationToken cancellationToken) =>
        Context.Store.GetSignatureAsync(memberId, cancellationToken);

    /// <inheritdoc/>
    public virtual Task SaveUserSignatureAsync(long memberId, string? signatureUrl, CancellationToken cancellationToken) =>
        Context.Store.SaveSignatureAsync(memberId, signatureUrl, cancellationToken);

    /// <inheritdoc/>
    public virtual Task SetAdminAsync(IReadOnlyCollection<long> memberIds, CancellationToken cancellationToken) =>
        Context.Store.SetAdminsAsync(memberIds, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<IReadOnlyList<LocalMember>> GetAdminAsync(CancellationToken cancellationToken) =>
        Context.Store.GetAdminsAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual async Task<CorpInfo> GetCorpInfoAsync(CancellationToken cancellationToken)
    {
        var assembly = GetType().Assembly.GetName();
        var version = GetType().Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.Version?.ToString() ?? "unknown";
        return new CorpInfo
        {
            Title = Title,
            FullName = FullName,
            Type = Context.Element.Type,
            Plugin = $"{assembly.Name} {version}",
            AuthConfig = AuthConfig.ToMasked(),
            LastSync = await Context.Store.GetLastRunAsync(cancellationToken).ConfigureAwait(false),
        };
    }
}
