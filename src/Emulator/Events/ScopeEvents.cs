using System.Text.Json;
using Corps.Emulator.Apps;
using Corps.Emulator.Json;
using Corps.Emulator.Options;
using Corps.Emulator.Org;

namespace Corps.Emulator.Events;

/// <summary>
/// Changes an app's contact scope and emits <c>contact.scope.updated_v3</c> with what was added and removed
/// (departments and users as objects rendered with the app's gating, groups as <c>user_groups</c>), as Feishu does
/// when an administrator edits the app's contact scope. A switch to or from the full scope lists the first-level
/// departments.
/// </summary>
internal static class ScopeEvents
{
    public static void ChangeScope(EmulatorContext emulator, EmulatedApp app, ContactScopeOptions scope)
    {
        List<PendingEvent> pending;
        using (emulator.Org.EnterWrite())
        {
            var org = emulator.Org;
            var before = Chosen(org, emulator.ScopeOf(app));
            app.SetScope(scope);
            var after = Chosen(org, emulator.ScopeOf(app));
            var added = (after.Departments.Except(before.Departments).ToList(), after.Users.Except(before.Users).ToList(), after.Groups.Except(before.Groups).ToList());
            var removed = (before.Departments.Except(after.Departments).ToList(), before.Users.Except(after.Users).ToList(), before.Groups.Except(after.Groups).ToList());
            emulator.Events.Emit("contact.scope.updated_v3", target =>
            {
                if (target != app) return null;
                var view = new JsonView(org, app.Gate, UserIdType.OpenId, DepartmentIdType.OpenDepartmentId, WithCounts: false);
                return w =>
                {
                    w.WriteStartObject();
                    Write(w, "added", org, view, added);
                    Write(w, "removed", org, view, removed);
                    w.WriteEndObject();
                };
            });
            pending = emulator.Events.TakePending();
        }
        emulator.Events.Publish(pending);
    }

    private static (List<string> Departments, List<string> Users, List<string> Groups) Chosen(EmulatedOrg org, CompiledScope scope) =>
        scope.IsAll
            ? ([.. org.Children(EmulatedOrg.RootId).Select(d => d.OpenDepartmentId)], [], [])
            : (scope.ChosenDepartments, scope.ChosenUsers, scope.ChosenGroups);

    private static void Write(Utf8JsonWriter w, string name, EmulatedOrg org, JsonView view, (List<string> Departments, List<string> Users, List<string> Groups) ids)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("departments");
        foreach (var id in ids.Departments)
            if (org.FindDepartment(id, DepartmentIdType.OpenDepartmentId) is { } d) DepartmentJson.Write(w, d, view, orderAsNumber: true);
        w.WriteEndArray();
        w.WriteStartArray("users");
        foreach (var id in ids.Users)
            if (org.FindUser(id, UserIdType.OpenId) is { } u) UserJson.Write(w, u, view);
        w.WriteEndArray();
        w.WriteStartArray("user_groups");
        foreach (var id in ids.Groups)
        {
            if (org.FindGroup(id) is not { } g) continue;
            w.WriteStartObject();
            w.WriteString("user_group_id", g.Id);
            w.WriteString("name", g.Name);
            w.WriteNumber("type", g.Type);
            w.WriteNumber("member_count", g.Members.Count);
            w.WriteNumber("status", 1);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
