using System.Text.Json;
using System.Text.Json.Nodes;
using Corps.Emulator.Apps;
using Corps.Emulator.Json;
using Corps.Emulator.Org;

namespace Corps.Emulator.Api;

/// <summary>
/// Turns a write into <c>contact.*_v3</c> events per app: the object rendered with that app's field gating, and for
/// updates an <c>old_object</c> holding only the changed fields' old values — an app that can see none of the
/// changed fields gets no update event, as the reference says. Ids inside events are open ids (UNCONFIRMED).
/// </summary>
internal static class WriteEvents
{
    public static void User(ApiCall call, string eventType, OrgUser? before, OrgUser after)
    {
        var emulator = call.Emulator;
        var org = call.Org;
        emulator.Events.Emit(eventType, app =>
        {
            var scope = emulator.ScopeOf(app);
            if (!scope.SeesUser(org, after) && (before is null || !scope.SeesUser(org, before))) return null;
            var view = EventView(org, app);
            var current = Render(w => UserJson.Write(w, after, view));
            JsonObject? old = null;
            if (eventType == "contact.user.updated_v3")
            {
                old = Diff(Render(w => UserJson.Write(w, before!, view)), current);
                if (old.Count == 0) return null;
            }
            else if (eventType == "contact.user.deleted_v3")
            {
                old = new JsonObject
                {
                    ["department_ids"] = new JsonArray([.. (before ?? after).DepartmentIds.Select(d => (JsonNode)d)]),
                    ["open_id"] = after.OpenId,
                };
            }
            return w => WriteEvent(w, current, old);
        });
    }

    public static void Department(ApiCall call, string eventType, OrgDepartment? before, OrgDepartment after)
    {
        var emulator = call.Emulator;
        var org = call.Org;
        emulator.Events.Emit(eventType, app =>
        {
            var scope = emulator.ScopeOf(app);
            var id = after.OpenDepartmentId;
            var visible = scope.IsAll || scope.Roots.Contains(id) || scope.SeesDepartment(org, id)
                || scope.SeesDepartment(org, after.ParentDepartmentId)
                || (before is not null && scope.SeesDepartment(org, before.ParentDepartmentId));
            if (!visible) return null;
            var view = EventView(org, app);
            var current = Render(w => DepartmentJson.Write(w, after, view, orderAsNumber: true));
            JsonObject? old = null;
            if (eventType == "contact.department.updated_v3")
            {
                old = Diff(Render(w => DepartmentJson.Write(w, before!, view, orderAsNumber: true)), current);
                if (old.Count == 0) return null;
            }
            else if (eventType == "contact.department.deleted_v3")
            {
                old = new JsonObject { ["status"] = new JsonObject { ["is_deleted"] = false }, ["open_department_id"] = id };
            }
            return w => WriteEvent(w, current, old);
        });
    }

    private static JsonView EventView(EmulatedOrg org, EmulatedApp app) =>
        new(org, app.Gate, UserIdType.OpenId, DepartmentIdType.OpenDepartmentId, WithCounts: false);

    private static JsonObject Render(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonWriting.Options)) write(w);
        return (JsonObject)JsonNode.Parse(stream.ToArray())!;
    }

    private static JsonObject Diff(JsonObject before, JsonObject after)
    {
        var old = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (after.TryGetPropertyValue(key, out var now) && JsonNode.DeepEquals(value, now)) continue;
            old[key] = value?.DeepClone();
        }
        return old;
    }

    private static void WriteEvent(Utf8JsonWriter w, JsonObject current, JsonObject? old)
    {
        w.WriteStartObject();
        w.WritePropertyName("object");
        current.WriteTo(w);
        if (old is not null)
        {
            w.WritePropertyName("old_object");
            old.WriteTo(w);
        }
        w.WriteEndObject();
    }
}
