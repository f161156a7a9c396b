using System.Text.Json;

namespace Corps.Emulator.Api;

/// <summary>Employee types, custom attributes and units.</summary>
internal static class DirectoryMetaEndpoints
{
    private const string Prefix = "/open-apis/contact/v3";

    public static void MapDirectoryMetaReads(this IEndpointRouteBuilder routes, ApiPipeline pipeline)
    {
        var enums = new ApiSpec("GET " + Prefix + "/employee_type_enums", ReadPermissions.Enums, AcceptsUserToken: false);
        var attrs = new ApiSpec("GET " + Prefix + "/custom_attrs", ReadPermissions.CustomAttrs, AcceptsUserToken: false);
        var units = new ApiSpec("GET " + Prefix + "/unit", ReadPermissions.Units, AcceptsUserToken: false);
        var unitDepts = new ApiSpec("GET " + Prefix + "/unit/list_department", ReadPermissions.Units, AcceptsUserToken: false);
        routes.MapGet(Prefix + "/employee_type_enums", http => pipeline.RunAsync(http, enums, EmployeeTypeEnums));
        routes.MapGet(Prefix + "/custom_attrs", http => pipeline.RunAsync(http, attrs, CustomAttrs));
        routes.MapGet(Prefix + "/unit", http => pipeline.RunAsync(http, units, Units));
        routes.MapGet(Prefix + "/unit/list_department", http => pipeline.RunAsync(http, unitDepts, UnitDepartments));
    }

    /// <summary>Page sizes: default UNCONFIRMED (20), maximum 100 as documented.</summary>
    private static ApiError? EmployeeTypeEnums(ApiCall call, Utf8JsonWriter w)
    {
        var list = call.Org.Document.EmployeeTypeEnums;
        return Paging.WritePage(call, w, list, "items", 20, 100, "", (w, e) =>
        {
            w.WriteStartObject();
            w.WriteString("enum_id", e.EnumId);
            w.WriteString("enum_value", e.EnumValue);
            w.WriteString("content", e.Content);
            w.WriteNumber("enum_type", e.EnumType);
            w.WriteNumber("enum_status", e.EnumStatus);
            w.WriteStartArray("i18n_content");
            w.WriteStartObject();
            w.WriteString("locale", "zh_cn");
            w.WriteString("value", e.Content);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static ApiError? CustomAttrs(ApiCall call, Utf8JsonWriter w)
    {
        var list = call.Org.Document.CustomAttrs;
        return Paging.WritePage(call, w, list, "items", 20, 100, "", (w, a) =>
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("type", a.Type);
            w.WriteStartObject("options");
            w.WriteString("default_option_id", a.Options.Count > 0 ? a.Options[0].Id : "");
            w.WriteString("option_type", "TEXT");
            w.WriteStartArray("options");
            foreach (var o in a.Options)
            {
                w.WriteStartObject();
                w.WriteString("id", o.Id);
                w.WriteString("value", o.Value);
                w.WriteString("name", o.Name ?? o.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("i18n_name");
            w.WriteStartObject();
            w.WriteString("locale", "zh_cn");
            w.WriteString("value", a.Name);
            w.WriteEndObject();
            if (a.EnName is not null)
            {
                w.WriteStartObject();
                w.WriteString("locale", "en_us");
                w.WriteString("value", a.EnName);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Page sizes UNCONFIRMED: 50 default, 100 max.</summary>
    private static ApiError? Units(ApiCall call, Utf8JsonWriter w)
    {
        var list = call.Org.Document.Units;
        return Paging.WritePage(call, w, list, "unitlist", 50, 100, "", (w, item) =>
        {
            w.WriteStartObject();
            w.WriteString("unit_id", item.UnitId);
            w.WriteString("name", item.Name);
            w.WriteString("unit_type", item.UnitType);
            w.WriteEndObject();
        });
    }

    private static ApiError? UnitDepartments(ApiCall call, Utf8JsonWriter w)
    {
        var unitId = call.Query("unit_id") ?? "";
        if (call.Org.Document.Units.All(u => u.UnitId != unitId)) return ApiErrors.FieldInvalid("unit_id", unitId, "no such unit");
        var list = call.Org.Document.Departments
            .Where(d => d.UnitIds.Contains(unitId) && call.Scope.SeesDepartment(call.Org, d.OpenDepartmentId)).ToList();
        return Paging.WritePage(call, w, list, "departmentlist", 50, 100, unitId, (w, item) =>
        {
            w.WriteStartObject();
            w.WriteString("unit_id", unitId);
            w.WriteString("department_id", call.Org.DepartmentRef(item.OpenDepartmentId, call.DepartmentIdType));
            w.WriteEndObject();
        });
    }
}
