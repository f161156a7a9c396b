using System.Globalization;
using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Json;

/// <summary>Writes a contact v3 department with the caller's field gating and id types.</summary>
internal static class DepartmentJson
{
    /// <param name="w">The writer.</param>
    /// <param name="d">The department.</param>
    /// <param name="view">Gating and id types.</param>
    /// <param name="orderAsNumber">Events carry <c>order</c> as a number; the read APIs as a string.</param>
    public static void Write(Utf8JsonWriter w, OrgDepartment d, JsonView view, bool orderAsNumber = false)
    {
        var gate = view.Gate;
        var org = view.Org;
        w.WriteStartObject();
        w.WriteString("open_department_id", d.OpenDepartmentId);
        if (gate.DepartmentBase)
        {
            w.WriteString("name", d.Name);
            if (d.I18nName is { } i18n)
            {
                w.WriteStartObject("i18n_name");
                w.WriteString("zh_cn", i18n.ZhCn ?? "");
                w.WriteString("ja_jp", i18n.JaJp ?? "");
                w.WriteString("en_us", i18n.EnUs ?? "");
                w.WriteEndObject();
            }
            w.WriteString("department_id", d.DepartmentId);
            if (d.ChatId is not null) w.WriteString("chat_id", d.ChatId);
            w.WriteStartObject("status");
            w.WriteBoolean("is_deleted", d.Status.IsDeleted);
            w.WriteEndObject();
        }
        if (gate.DepartmentOrganize)
        {
            w.WriteString("parent_department_id", org.DepartmentRef(d.ParentDepartmentId, view.DepartmentIdType));
            if (d.LeaderUserId is not null) w.WriteString("leader_user_id", org.UserRef(d.LeaderUserId, view.UserIdType));
            if (orderAsNumber && long.TryParse(d.Order, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order)) w.WriteNumber("order", order);
            else w.WriteString("order", d.Order);
            w.WriteStartArray("unit_ids");
            foreach (var u in d.UnitIds) w.WriteStringValue(u);
            w.WriteEndArray();
            if (view.WithCounts)
            {
                var (total, primary) = org.MemberCounts(d.OpenDepartmentId);
                w.WriteNumber("member_count", total);
                w.WriteNumber("primary_member_count", primary);
            }
            w.WriteStartArray("leaders");
            foreach (var l in d.Leaders)
            {
                w.WriteStartObject();
                w.WriteNumber("leaderType", l.LeaderType);
                w.WriteString("leaderID", org.UserRef(l.LeaderId, view.UserIdType));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
