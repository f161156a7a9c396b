using System.Globalization;
using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Json;

/// <summary>Writes a contact v3 department with the caller's field gating and id types.</summary>
internal static class DepartmentJson
{
    private static readonly JsonEncodedText s_chat_id = JsonEncodedText.Encode("chat_id");
    private static readonly JsonEncodedText s_department_id = JsonEncodedText.Encode("department_id");
    private static readonly JsonEncodedText s_en_us = JsonEncodedText.Encode("en_us");
    private static readonly JsonEncodedText s_i18n_name = JsonEncodedText.Encode("i18n_name");
    private static readonly JsonEncodedText s_is_deleted = JsonEncodedText.Encode("is_deleted");
    private static readonly JsonEncodedText s_ja_jp = JsonEncodedText.Encode("ja_jp");
    private static readonly JsonEncodedText s_leaderID = JsonEncodedText.Encode("leaderID");
    private static readonly JsonEncodedText s_leaderType = JsonEncodedText.Encode("leaderType");
    private static readonly JsonEncodedText s_leader_user_id = JsonEncodedText.Encode("leader_user_id");
    private static readonly JsonEncodedText s_leaders = JsonEncodedText.Encode("leaders");
    private static readonly JsonEncodedText s_member_count = JsonEncodedText.Encode("member_count");
    private static readonly JsonEncodedText s_name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText s_open_department_id = JsonEncodedText.Encode("open_department_id");
    private static readonly JsonEncodedText s_order = JsonEncodedText.Encode("order");
    private static readonly JsonEncodedText s_parent_department_id = JsonEncodedText.Encode("parent_department_id");
    private static readonly JsonEncodedText s_primary_member_count = JsonEncodedText.Encode("primary_member_count");
    private static readonly JsonEncodedText s_status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText s_unit_ids = JsonEncodedText.Encode("unit_ids");
    private static readonly JsonEncodedText s_zh_cn = JsonEncodedText.Encode("zh_cn");

    /// <param name="w">The writer.</param>
    /// <param name="d">The department.</param>
    /// <param name="view">Gating and id types.</param>
    /// <param name="orderAsNumber">Events carry <c>order</c> as a number; the read APIs as a string.</param>
    public static void Write(Utf8JsonWriter w, OrgDepartment d, JsonView view, bool orderAsNumber = false)
    {
        var gate = view.Gate;
        var org = view.Org;
        w.WriteStartObject();
        w.WriteString(s_open_department_id, d.OpenDepartmentId);
        if (gate.DepartmentBase)
        {
            w.WriteString(s_name, d.Name);
            if (d.I18nName is { } i18n)
            {
                w.WriteStartObject(s_i18n_name);
                w.WriteString(s_zh_cn, i18n.ZhCn ?? "");
                w.WriteString(s_ja_jp, i18n.JaJp ?? "");
                w.WriteString(s_en_us, i18n.EnUs ?? "");
                w.WriteEndObject();
            }
            w.WriteString(s_department_id, d.DepartmentId);
            if (d.ChatId is not null) w.WriteString(s_chat_id, d.ChatId);
            w.WriteStartObject(s_status);
            w.WriteBoolean(s_is_deleted, d.Status.IsDeleted);
            w.WriteEndObject();
        }
        if (gate.DepartmentOrganize)
        {
            w.WriteString(s_parent_department_id, org.DepartmentRef(d.ParentDepartmentId, view.DepartmentIdType));
            if (d.LeaderUserId is not null) w.WriteString(s_leader_user_id, org.UserRef(d.LeaderUserId, view.UserIdType));
            if (orderAsNumber && long.TryParse(d.Order, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order)) w.WriteNumber(s_order, order);
            else w.WriteString(s_order, d.Order);
            w.WriteStartArray(s_unit_ids);
            foreach (var u in d.UnitIds) w.WriteStringValue(u);
            w.WriteEndArray();
            if (view.WithCounts)
            {
                var (total, primary) = org.MemberCounts(d.OpenDepartmentId);
                w.WriteNumber(s_member_count, total);
                w.WriteNumber(s_primary_member_count, primary);
            }
            w.WriteStartArray(s_leaders);
            foreach (var l in d.Leaders)
            {
                w.WriteStartObject();
                w.WriteNumber(s_leaderType, l.LeaderType);
                w.WriteString(s_leaderID, org.UserRef(l.LeaderId, view.UserIdType));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
