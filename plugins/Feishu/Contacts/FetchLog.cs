using Microsoft.Extensions.Logging;

namespace Corps.Feishu.Contacts;

/// <summary>The snapshot fetch's log lines.</summary>
internal static partial class FetchLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "{Corp}: contact scope: {Scope}")]
    public static partial void Scope(this ILogger logger, string corp, string scope);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "{Corp}: department {DepartmentId} is too big to list recursively (43010); reading it level by level")]
    public static partial void LevelByLevel(this ILogger logger, string corp, string departmentId);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "{Corp}: user groups skipped: {Reason}")]
    public static partial void GroupsSkipped(this ILogger logger, string corp, string reason);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "{Corp}: tenant name unavailable ({Reason}); the root department is named after the element")]
    public static partial void TenantNameUnavailable(this ILogger logger, string corp, string reason);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information, Message = "{Corp}: fetched {Departments} departments, {Members} members, {Groups} groups in {ApiCalls} API calls ({ElapsedMs} ms)")]
    public static partial void Fetched(this ILogger logger, string corp, int departments, int members, int groups, int apiCalls, long elapsedMs);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Warning, Message = "{Corp}: user group {GroupId} holds department {DepartmentId}, which the app cannot see; the group gets nobody from it")]
    public static partial void GroupDepartmentUnknown(this ILogger logger, string corp, string groupId, string departmentId);
}
