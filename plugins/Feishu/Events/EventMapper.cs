using System.Text.Json;
using Corps.Abstractions;
using Corps.Feishu.Contacts;
using Corps.Feishu.Wire;

namespace Corps.Feishu.Events;

/// <summary>Maps verified, decrypted event bodies (schema 2.0 and the 1.0 envelope) to the framework's events.</summary>
internal static class EventMapper
{
    public static WebhookResult FromV2(JsonElement root, DateTimeOffset now)
    {
        var header = root.GetProperty("header");
        var eventId = Text(header, "event_id");
        var eventType = Text(header, "event_type");
        if (eventId is null || eventType is null)
            return new WebhookResult.Rejected(400, "schema 2.0 event without header.event_id or header.event_type");
        var occurredAt = header.TryGetProperty("create_time", out var created) ? EventTime.FromCreateTime(created) ?? now : now;
        var tenantKey = Text(header, "tenant_key");
        var body = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var baseEvent = new CorpEvent { EventId = eventId, EventType = eventType, OccurredAt = occurredAt, Kind = CorpEventKind.RefreshRequested };

        switch (eventType)
        {
            case "contact.user.created_v3" or "contact.user.updated_v3":
                var user = Object<WireUser>(body, "object", FeishuJsonContext.Default.WireUser);
                if (string.IsNullOrEmpty(user?.OpenId))
                    return new WebhookResult.Rejected(400, $"{eventType} without event.object.open_id");
                var member = WireMapper.ToMember(user, tenantKey, WireMapper.OwnMemberships(user));
                return Accept(baseEvent with { Kind = CorpEventKind.MemberUpserted, ObjectExternalId = member.ExternalId, Member = member });
            case "contact.user.deleted_v3":
                var openId = Text(body, "object", "open_id") ?? Text(body, "old_object", "open_id");
                return openId is null
                    ? new WebhookResult.Rejected(400, $"{eventType} without event.object.open_id")
                    : Accept(baseEvent with { Kind = CorpEventKind.MemberDeleted, ObjectExternalId = openId });
            case "contact.department.created_v3" or "contact.department.updated_v3":
                var wire = Object<WireDepartment>(body, "object", FeishuJsonContext.Default.WireDepartment);
                if (string.IsNullOrEmpty(wire?.OpenDepartmentId))
                    return new WebhookResult.Rejected(400, $"{eventType} without event.object.open_department_id");
                var department = WireMapper.ToDepartment(wire);
                return Accept(baseEvent with { Kind = CorpEventKind.DepartmentUpserted, ObjectExternalId = department.ExternalId, Department = department });
            case "contact.department.deleted_v3":
                var departmentId = Text(body, "object", "open_department_id") ?? Text(body, "old_object", "open_department_id");
                return departmentId is null
                    ? new WebhookResult.Rejected(400, $"{eventType} without event.object.open_department_id")
                    : Accept(baseEvent with { Kind = CorpEventKind.DepartmentDeleted, ObjectExternalId = departmentId });
            case "contact.scope.updated_v3":
                return Accept(baseEvent with { Kind = CorpEventKind.ScopeChanged });
            case "contact.custom_attr_event.updated_v3":
            case var t when t.StartsWith("contact.employee_type_enum.", StringComparison.Ordinal):
                return Accept(baseEvent);
            default:
                return new WebhookResult.Ignored(eventId, eventType);
        }
    }

    /// <summary>Schema 1.0 contact events carry ids, not objects: a member or department change becomes a refresh (a
    /// full sync), a removal is applied directly when the id is there.</summary>
    public static WebhookResult FromV1(JsonElement root, DateTimeOffset now)
    {
        var eventId = Text(root, "uuid");
        var body = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var eventType = Text(body, "type");
        if (eventId is null || eventType is null)
            return new WebhookResult.Rejected(400, "schema 1.0 event without uuid or event.type");
        var occurredAt = root.TryGetProperty("ts", out var ts) ? EventTime.FromTs(ts) ?? now : now;
        var baseEvent = new CorpEvent { EventId = eventId, EventType = eventType, OccurredAt = occurredAt, Kind = CorpEventKind.RefreshRequested };
        var openId = Text(body, "open_id");
        var departmentId = Text(body, "open_department_id") ?? Text(body, "department", "open_id");

        return eventType switch
        {
            "contact_scope_change" => Accept(baseEvent with { Kind = CorpEventKind.ScopeChanged }),
            "user_leave" when openId is not null => Accept(baseEvent with { Kind = CorpEventKind.MemberDeleted, ObjectExternalId = openId }),
            "user_add" or "user_update" or "user_leave" or "user_status_change" => Accept(baseEvent with { ObjectExternalId = openId }),
            "dept_delete" when departmentId is not null => Accept(baseEvent with { Kind = CorpEventKind.DepartmentDeleted, ObjectExternalId = departmentId }),
            "dept_add" or "dept_update" or "dept_delete" => Accept(baseEvent with { ObjectExternalId = departmentId }),
            _ => new WebhookResult.Ignored(eventId, eventType),
        };
    }

    private static WebhookResult.Accepted Accept(CorpEvent corpEvent) => new(corpEvent);

    private static T? Object<T>(JsonElement body, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value.Deserialize(typeInfo)
            : null;

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                return null;
        }

        return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : null;
    }
}
