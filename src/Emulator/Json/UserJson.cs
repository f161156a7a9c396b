using System.Text.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Json;

/// <summary>
/// Writes a contact v3 user with the caller's field gating (fields whose permission is missing are omitted, as
/// Feishu does) and id types (also for ids inside the object: departments, leader, orders).
/// </summary>
internal static class UserJson
{
    public static void Write(Utf8JsonWriter w, OrgUser u, JsonView view)
    {
        var gate = view.Gate;
        var org = view.Org;
        w.WriteStartObject();
        w.WriteString("open_id", u.OpenId);
        w.WriteString("union_id", u.UnionId);
        if (gate.UserId) w.WriteString("user_id", u.UserId);
        w.WriteBoolean("mobile_visible", u.MobileVisible);
        if (gate.UserBase)
        {
            w.WriteString("name", u.Name);
            w.WriteString("en_name", u.EnName ?? "");
            w.WriteString("nickname", u.Nickname ?? "");
            if (u.Avatar is { } a)
            {
                w.WriteStartObject("avatar");
                w.WriteString("avatar_72", a.Avatar72);
                w.WriteString("avatar_240", a.Avatar240);
                w.WriteString("avatar_640", a.Avatar640);
                w.WriteString("avatar_origin", a.AvatarOrigin);
                w.WriteEndObject();
            }
        }
        if (gate.UserEmail && u.Email is not null) w.WriteString("email", u.Email);
        if (gate.UserPhone && u.Mobile is not null) w.WriteString("mobile", u.Mobile);
        if (gate.UserGender) w.WriteNumber("gender", u.Gender);
        if (gate.UserEmployee)
        {
            w.WriteStartObject("status");
            w.WriteBoolean("is_frozen", u.Status.IsFrozen);
            w.WriteBoolean("is_resigned", u.Status.IsResigned);
            w.WriteBoolean("is_activated", u.Status.IsActivated);
            w.WriteBoolean("is_exited", u.Status.IsExited);
            w.WriteBoolean("is_unjoin", u.Status.IsUnjoin);
            w.WriteEndObject();
            w.WriteString("city", u.City ?? "");
            w.WriteString("country", u.Country ?? "");
            w.WriteString("work_station", u.WorkStation ?? "");
            w.WriteNumber("join_time", u.JoinTime);
            w.WriteBoolean("is_tenant_manager", u.IsTenantManager);
            w.WriteNumber("employee_type", u.EmployeeType);
            w.WriteString("job_title", u.JobTitle ?? "");
            if (u.EnterpriseEmail is not null) w.WriteString("enterprise_email", u.EnterpriseEmail);
            if (u.CustomAttrs.Count > 0)
            {
                w.WriteStartArray("custom_attrs");
                foreach (var c in u.CustomAttrs)
                {
                    w.WriteStartObject();
                    w.WriteString("type", c.Type);
                    w.WriteString("id", c.Id);
                    w.WriteStartObject("value");
                    if (c.Value.Text is not null) w.WriteString("text", c.Value.Text);
                    if (c.Value.Url is not null) w.WriteString("url", c.Value.Url);
                    if (c.Value.PcUrl is not null) w.WriteString("pc_url", c.Value.PcUrl);
                    if (c.Value.OptionId is not null) w.WriteString("option_id", c.Value.OptionId);
                    if (c.Value.OptionValue is not null) w.WriteString("option_value", c.Value.OptionValue);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
        }
        if (gate.UserEmployeeNo) w.WriteString("employee_no", u.EmployeeNo ?? "");
        if (gate.UserDepartment)
        {
            w.WriteStartArray("department_ids");
            foreach (var d in u.DepartmentIds) w.WriteStringValue(org.DepartmentRef(d, view.DepartmentIdType));
            w.WriteEndArray();
            if (u.LeaderUserId is not null) w.WriteString("leader_user_id", org.UserRef(u.LeaderUserId, view.UserIdType));
            w.WriteStartArray("orders");
            foreach (var o in u.Orders)
            {
                w.WriteStartObject();
                w.WriteString("department_id", org.DepartmentRef(o.DepartmentId, view.DepartmentIdType));
                w.WriteNumber("user_order", o.UserOrder);
                w.WriteNumber("department_order", o.DepartmentOrder);
                w.WriteBoolean("is_primary_dept", o.IsPrimaryDept);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
