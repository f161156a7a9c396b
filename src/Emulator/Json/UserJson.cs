using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Json;

/// <summary>
/// Writes a contact v3 user with the caller's field gating (fields whose permission is missing are omitted, as
/// Feishu does) and id types (also for ids inside the object: departments, leader, orders).
/// </summary>
internal static class UserJson
{
    private static readonly JsonEncodedText s_avatar = JsonEncodedText.Encode("avatar");
    private static readonly JsonEncodedText s_avatar_240 = JsonEncodedText.Encode("avatar_240");
    private static readonly JsonEncodedText s_avatar_640 = JsonEncodedText.Encode("avatar_640");
    private static readonly JsonEncodedText s_avatar_72 = JsonEncodedText.Encode("avatar_72");
    private static readonly JsonEncodedText s_avatar_origin = JsonEncodedText.Encode("avatar_origin");
    private static readonly JsonEncodedText s_city = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText s_country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText s_custom_attrs = JsonEncodedText.Encode("custom_attrs");
    private static readonly JsonEncodedText s_department_id = JsonEncodedText.Encode("department_id");
    private static readonly JsonEncodedText s_department_ids = JsonEncodedText.Encode("department_ids");
    private static readonly JsonEncodedText s_department_order = JsonEncodedText.Encode("department_order");
    private static readonly JsonEncodedText s_email = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText s_employee_no = JsonEncodedText.Encode("employee_no");
    private static readonly JsonEncodedText s_employee_type = JsonEncodedText.Encode("employee_type");
    private static readonly JsonEncodedText s_en_name = JsonEncodedText.Encode("en_name");
    private static readonly JsonEncodedText s_enterprise_email = JsonEncodedText.Encode("enterprise_email");
    private static readonly JsonEncodedText s_gender = JsonEncodedText.Encode("gender");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_is_activated = JsonEncodedText.Encode("is_activated");
    private static readonly JsonEncodedText s_is_exited = JsonEncodedText.Encode("is_exited");
    private static readonly JsonEncodedText s_is_frozen = JsonEncodedText.Encode("is_frozen");
    private static readonly JsonEncodedText s_is_primary_dept = JsonEncodedText.Encode("is_primary_dept");
    private static readonly JsonEncodedText s_is_resigned = JsonEncodedText.Encode("is_resigned");
    private static readonly JsonEncodedText s_is_tenant_manager = JsonEncodedText.Encode("is_tenant_manager");
    private static readonly JsonEncodedText s_is_unjoin = JsonEncodedText.Encode("is_unjoin");
    private static readonly JsonEncodedText s_job_title = JsonEncodedText.Encode("job_title");
    private static readonly JsonEncodedText s_join_time = JsonEncodedText.Encode("join_time");
    private static readonly JsonEncodedText s_leader_user_id = JsonEncodedText.Encode("leader_user_id");
    private static readonly JsonEncodedText s_mobile = JsonEncodedText.Encode("mobile");
    private static readonly JsonEncodedText s_mobile_visible = JsonEncodedText.Encode("mobile_visible");
    private static readonly JsonEncodedText s_name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText s_nickname = JsonEncodedText.Encode("nickname");
    private static readonly JsonEncodedText s_open_id = JsonEncodedText.Encode("open_id");
    private static readonly JsonEncodedText s_option_id = JsonEncodedText.Encode("option_id");
    private static readonly JsonEncodedText s_option_value = JsonEncodedText.Encode("option_value");
    private static readonly JsonEncodedText s_orders = JsonEncodedText.Encode("orders");
    private static readonly JsonEncodedText s_pc_url = JsonEncodedText.Encode("pc_url");
    private static readonly JsonEncodedText s_status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText s_text = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText s_type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText s_union_id = JsonEncodedText.Encode("union_id");
    private static readonly JsonEncodedText s_url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText s_user_id = JsonEncodedText.Encode("user_id");
    private static readonly JsonEncodedText s_user_order = JsonEncodedText.Encode("user_order");
    private static readonly JsonEncodedText s_value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText s_work_station = JsonEncodedText.Encode("work_station");

    public static void Write(Utf8JsonWriter w, OrgUser u, JsonView view)
    {
        var gate = view.Gate;
        var org = view.Org;
        w.WriteStartObject();
        w.WriteString(s_open_id, u.OpenId);
        w.WriteString(s_union_id, u.UnionId);
        if (gate.UserId) w.WriteString(s_user_id, u.UserId);
        w.WriteBoolean(s_mobile_visible, u.MobileVisible);
        if (gate.UserBase)
        {
            w.WriteString(s_name, u.Name);
            w.WriteString(s_en_name, u.EnName ?? "");
            w.WriteString(s_nickname, u.Nickname ?? "");
            // Generated people carry no avatar object (it would cost ~60 MB at 100k people); their links derive from the open_id.
            var a = u.Avatar;
            w.WriteStartObject(s_avatar);
            w.WriteString(s_avatar_72, a?.Avatar72 ?? AvatarUrl(u.OpenId, "72"));
            w.WriteString(s_avatar_240, a?.Avatar240 ?? AvatarUrl(u.OpenId, "240"));
            w.WriteString(s_avatar_640, a?.Avatar640 ?? AvatarUrl(u.OpenId, "640"));
            w.WriteString(s_avatar_origin, a?.AvatarOrigin ?? AvatarUrl(u.OpenId, "origin"));
            w.WriteEndObject();
        }
        if (gate.UserEmail && u.Email is not null) w.WriteString(s_email, u.Email);
        if (gate.UserPhone && u.Mobile is not null) w.WriteString(s_mobile, u.Mobile);
        if (gate.UserGender) w.WriteNumber(s_gender, u.Gender);
        if (gate.UserEmployee)
        {
            w.WriteStartObject(s_status);
            w.WriteBoolean(s_is_frozen, u.Status.IsFrozen);
            w.WriteBoolean(s_is_resigned, u.Status.IsResigned);
            w.WriteBoolean(s_is_activated, u.Status.IsActivated);
            w.WriteBoolean(s_is_exited, u.Status.IsExited);
            w.WriteBoolean(s_is_unjoin, u.Status.IsUnjoin);
            w.WriteEndObject();
            w.WriteString(s_city, u.City ?? "");
            w.WriteString(s_country, u.Country ?? "");
            w.WriteString(s_work_station, u.WorkStation ?? "");
            w.WriteNumber(s_join_time, u.JoinTime);
            w.WriteBoolean(s_is_tenant_manager, u.IsTenantManager);
            w.WriteNumber(s_employee_type, u.EmployeeType);
            w.WriteString(s_job_title, u.JobTitle ?? "");
            if (u.EnterpriseEmail is not null) w.WriteString(s_enterprise_email, u.EnterpriseEmail);
            if (u.CustomAttrs.Count > 0)
            {
                w.WriteStartArray(s_custom_attrs);
                foreach (var c in u.CustomAttrs)
                {
                    w.WriteStartObject();
                    w.WriteString(s_type, c.Type);
                    w.WriteString(s_id, c.Id);
                    w.WriteStartObject(s_value);
                    if (c.Value.Text is not null) w.WriteString(s_text, c.Value.Text);
                    if (c.Value.Url is not null) w.WriteString(s_url, c.Value.Url);
                    if (c.Value.PcUrl is not null) w.WriteString(s_pc_url, c.Value.PcUrl);
                    if (c.Value.OptionId is not null) w.WriteString(s_option_id, c.Value.OptionId);
                    if (c.Value.OptionValue is not null) w.WriteString(s_option_value, c.Value.OptionValue);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
        }
        if (gate.UserEmployeeNo) w.WriteString(s_employee_no, u.EmployeeNo ?? "");
        if (gate.UserDepartment)
        {
            w.WriteStartArray(s_department_ids);
            foreach (var d in u.DepartmentIds) w.WriteStringValue(org.DepartmentRef(d, view.DepartmentIdType));
            w.WriteEndArray();
            if (u.LeaderUserId is not null) w.WriteString(s_leader_user_id, org.UserRef(u.LeaderUserId, view.UserIdType));
            w.WriteStartArray(s_orders);
            foreach (var o in u.Orders)
            {
                w.WriteStartObject();
                w.WriteString(s_department_id, org.DepartmentRef(o.DepartmentId, view.DepartmentIdType));
                w.WriteNumber(s_user_order, o.UserOrder);
                w.WriteNumber(s_department_order, o.DepartmentOrder);
                w.WriteBoolean(s_is_primary_dept, o.IsPrimaryDept);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>The avatar link of a person without an explicit avatar.</summary>
    public static string AvatarUrl(string openId, string size) => "https://avatar.example.com/" + openId + "/" + size + ".png";
}
