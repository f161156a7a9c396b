namespace Corps.Emulator.Org;

/// <summary>
/// The live organisation: the document plus the indexes every read needs (ids of each type, children and direct
/// members per department), so no request scans the whole organisation.
/// </summary>
/// <remarks>
/// Thread safety: reads take <see cref="EnterRead"/>, writes <see cref="EnterWrite"/>; both are held only for the
/// length of one request's work. Callers outside the emulator (tests) should use the read helpers, which lock.
/// </remarks>
public sealed class EmulatedOrg
{
    /// <summary>The root department id.</summary>
    public const string RootId = "0";

    private readonly ReaderWriterLockSlim _gate = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Dictionary<string, OrgUser> _usersByOpenId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgUser> _usersByUnionId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgUser> _usersByUserId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgUser> _usersByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, OrgUser> _usersByMobile = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgDepartment> _deptsByOpenId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgDepartment> _deptsByDeptId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrgDepartment>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OrgUser>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgGroup> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgDepartment[]> _descendants = new(StringComparer.Ordinal);
    private Dictionary<string, (int Total, int Primary)>? _counts;

    /// <summary>Builds the indexes over <paramref name="document"/> (which the org then owns).</summary>
    /// <exception cref="InvalidDataException">Duplicate ids or a reference to a missing department.</exception>
    public EmulatedOrg(OrgDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Document = document;
        if (document.EmployeeTypeEnums.Count == 0) document.EmployeeTypeEnums.AddRange(OrgDefaults.EmployeeTypes());
        _children[RootId] = [];
        _members[RootId] = [];
        foreach (var d in document.Departments)
        {
            if (!_deptsByOpenId.TryAdd(d.OpenDepartmentId, d))
                throw new InvalidDataException($"Department open_department_id '{d.OpenDepartmentId}' appears twice.");
            if (!string.IsNullOrEmpty(d.DepartmentId) && !_deptsByDeptId.TryAdd(d.DepartmentId, d))
                throw new InvalidDataException($"Department department_id '{d.DepartmentId}' appears twice.");
            _children[d.OpenDepartmentId] = [];
            _members[d.OpenDepartmentId] = [];
        }
        foreach (var d in document.Departments)
        {
            if (!_children.TryGetValue(d.ParentDepartmentId, out var siblings))
                throw new InvalidDataException($"Department '{d.OpenDepartmentId}' names parent '{d.ParentDepartmentId}', which does not exist.");
            siblings.Add(d);
        }
        foreach (var u in document.Users) IndexUser(u, addToDepartments: true);
        foreach (var g in document.Groups)
        {
            if (!_groups.TryAdd(g.Id, g)) throw new InvalidDataException($"Group '{g.Id}' appears twice.");
            if (g.Type is not (1 or 2)) throw new InvalidDataException($"Group '{g.Id}' has type {g.Type}; use 1 (normal) or 2 (dynamic).");
            // The docs: "dynamic user groups have no department members" (member_department_count).
            if (g.Type == 2 && g.Members.Exists(m => m.MemberType == "department"))
                throw new InvalidDataException($"Dynamic group '{g.Id}' lists a department member; dynamic groups hold users only.");
            if (g.Members.Find(m => m.MemberType == "department" && !_deptsByOpenId.ContainsKey(m.MemberId)) is { } missing)
                throw new InvalidDataException($"Group '{g.Id}' lists department '{missing.MemberId}', which does not exist (use its open_department_id).");
        }
    }

    /// <summary>The underlying document (mutated by writes; read it under <see cref="EnterRead"/>).</summary>
    public OrgDocument Document { get; }

    /// <summary>The tenant.</summary>
    public OrgTenant Tenant => Document.Tenant;

    /// <summary>Bumped by every write.</summary>
    public long Version { get; private set; }

    /// <summary>Number of people (including resigned).</summary>
    public int UserCount => Document.Users.Count;

    /// <summary>Number of departments (without the root).</summary>
    public int DepartmentCount => _deptsByOpenId.Count;

    /// <summary>Takes the read lock until disposed.</summary>
    public OrgReadScope EnterRead() => new(_gate);

    /// <summary>Takes the write lock until disposed.</summary>
    public OrgWriteScope EnterWrite() => new(_gate);

    /// <summary>A person by any id of the given type, or null.</summary>
    public OrgUser? FindUser(string id, UserIdType type) => type switch
    {
        UserIdType.UnionId => _usersByUnionId.GetValueOrDefault(id),
        UserIdType.UserId => _usersByUserId.GetValueOrDefault(id),
        _ => _usersByOpenId.GetValueOrDefault(id),
    };

    /// <summary>A person by open_id, union_id or user_id, whichever matches.</summary>
    public OrgUser? FindUserAny(string id) =>
        _usersByOpenId.GetValueOrDefault(id) ?? _usersByUnionId.GetValueOrDefault(id) ?? _usersByUserId.GetValueOrDefault(id);

    /// <summary>A person by email.</summary>
    public OrgUser? FindUserByEmail(string email) => _usersByEmail.GetValueOrDefault(email);

    /// <summary>A person by mobile (exact, with country code; a bare CN number also matches +86).</summary>
    public OrgUser? FindUserByMobile(string mobile) =>
        _usersByMobile.GetValueOrDefault(mobile) ?? (mobile.StartsWith('+') ? null : _usersByMobile.GetValueOrDefault("+86" + mobile));

    /// <summary>A department by an id of the given type, or null (the root is not a department object).</summary>
    public OrgDepartment? FindDepartment(string id, DepartmentIdType type) =>
        type == DepartmentIdType.DepartmentId ? _deptsByDeptId.GetValueOrDefault(id) : _deptsByOpenId.GetValueOrDefault(id);

    /// <summary>A department by open_department_id or department_id, whichever matches.</summary>
    public OrgDepartment? FindDepartmentAny(string id) => _deptsByOpenId.GetValueOrDefault(id) ?? _deptsByDeptId.GetValueOrDefault(id);

    /// <summary>A group by id.</summary>
    public OrgGroup? FindGroup(string id) => _groups.GetValueOrDefault(id);

    /// <summary>All groups.</summary>
    public IReadOnlyCollection<OrgGroup> Groups => _groups.Values;

    /// <summary>Direct children of a department (open id, or "0").</summary>
    public IReadOnlyList<OrgDepartment> Children(string openDepartmentId) =>
        _children.TryGetValue(openDepartmentId, out var list) ? list : [];

    /// <summary>Direct members of a department (open id, or "0" for people directly under the root).</summary>
    public IReadOnlyList<OrgUser> DirectMembers(string openDepartmentId) =>
        _members.TryGetValue(openDepartmentId, out var list) ? list : [];

    /// <summary>All departments below one, depth first in sibling order (cached until the next write).</summary>
    public IReadOnlyList<OrgDepartment> Descendants(string openDepartmentId)
    {
        lock (_descendants)
        {
            if (_descendants.TryGetValue(openDepartmentId, out var cached)) return cached;
        }
        var result = new List<OrgDepartment>();
        var stack = new Stack<OrgDepartment>();
        var top = Children(openDepartmentId);
        for (var i = top.Count - 1; i >= 0; i--) stack.Push(top[i]);
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            result.Add(d);
            var kids = Children(d.OpenDepartmentId);
            for (var i = kids.Count - 1; i >= 0; i--) stack.Push(kids[i]);
        }
        var array = result.ToArray();
        lock (_descendants) _descendants[openDepartmentId] = array;
        return array;
    }

    /// <summary>The open ids of a department's ancestors, nearest first, ending before the root.</summary>
    public IEnumerable<OrgDepartment> Ancestors(OrgDepartment department)
    {
        ArgumentNullException.ThrowIfNull(department);
        var guard = 0;
        var parentId = department.ParentDepartmentId;
        while (parentId != RootId && _deptsByOpenId.TryGetValue(parentId, out var parent) && guard++ < 1000)
        {
            yield return parent;
            parentId = parent.ParentDepartmentId;
        }
    }

    /// <summary>member_count (people in the department and below) and primary_member_count (people whose primary department it is).</summary>
    /// <remarks>Feishu does not document whether member_count includes sub-departments; the console shows the
    /// recursive head count, so that is what is returned (a person in two departments of one subtree counts once per department).</remarks>
    public (int Total, int Primary) MemberCounts(string openDepartmentId)
    {
        var counts = Volatile.Read(ref _counts) ?? ComputeCounts();
        return counts.GetValueOrDefault(openDepartmentId);
    }

    private Dictionary<string, (int Total, int Primary)> ComputeCounts()
    {
        var map = new Dictionary<string, (int Total, int Primary)>(_deptsByOpenId.Count, StringComparer.Ordinal);
        foreach (var (id, members) in _members)
        {
            if (id == RootId) continue;
            var primary = 0;
            foreach (var u in members) if (u.PrimaryDepartmentId == id) primary++;
            map[id] = (members.Count, primary);
        }
        // Roll direct counts up the tree, deepest first.
        foreach (var d in Descendants(RootId).Reverse())
        {
            if (d.ParentDepartmentId == RootId) continue;
            var mine = map.GetValueOrDefault(d.OpenDepartmentId);
            var parent = map.GetValueOrDefault(d.ParentDepartmentId);
            map[d.ParentDepartmentId] = (parent.Total + mine.Total, parent.Primary);
        }
        Volatile.Write(ref _counts, map);
        return map;
    }

    /// <summary>Translates a stored open_id to the requested user id type (unknown ids pass through).</summary>
    public string? UserRef(string? openId, UserIdType type)
    {
        if (openId is null || type == UserIdType.OpenId) return openId;
        if (!_usersByOpenId.TryGetValue(openId, out var u)) return openId;
        return type == UserIdType.UnionId ? u.UnionId : u.UserId;
    }

    /// <summary>Translates a stored open_department_id to the requested department id type ("0" stays "0").</summary>
    public string DepartmentRef(string openDepartmentId, DepartmentIdType type)
    {
        if (type == DepartmentIdType.OpenDepartmentId || openDepartmentId == RootId) return openDepartmentId;
        return _deptsByOpenId.TryGetValue(openDepartmentId, out var d) && !string.IsNullOrEmpty(d.DepartmentId) ? d.DepartmentId : openDepartmentId;
    }

    internal void Touch()
    {
        Version++;
        Volatile.Write(ref _counts, null);
        lock (_descendants) _descendants.Clear();
    }

    internal void IndexUser(OrgUser u, bool addToDepartments)
    {
        if (!_usersByOpenId.TryAdd(u.OpenId, u)) throw new InvalidDataException($"User open_id '{u.OpenId}' appears twice.");
        if (!string.IsNullOrEmpty(u.UnionId)) _usersByUnionId[u.UnionId] = u;
        if (!string.IsNullOrEmpty(u.UserId) && !_usersByUserId.TryAdd(u.UserId, u)) throw new InvalidDataException($"User user_id '{u.UserId}' appears twice.");
        if (!string.IsNullOrEmpty(u.Email)) _usersByEmail[u.Email] = u;
        if (!string.IsNullOrEmpty(u.Mobile)) _usersByMobile[u.Mobile] = u;
        if (!addToDepartments) return;
        foreach (var d in u.DepartmentIds)
        {
            if (!_members.TryGetValue(d, out var list))
                throw new InvalidDataException($"User '{u.OpenId}' is in department '{d}', which does not exist.");
            list.Add(u);
        }
    }

    internal void UnindexUser(OrgUser u)
    {
        _usersByOpenId.Remove(u.OpenId);
        _usersByUnionId.Remove(u.UnionId);
        _usersByUserId.Remove(u.UserId);
        if (!string.IsNullOrEmpty(u.Email)) _usersByEmail.Remove(u.Email);
        if (!string.IsNullOrEmpty(u.Mobile)) _usersByMobile.Remove(u.Mobile);
    }

    internal void SetUserDepartments(OrgUser u, IReadOnlyList<string> departmentIds)
    {
        foreach (var d in u.DepartmentIds) _members.GetValueOrDefault(d)?.Remove(u);
        u.DepartmentIds = [.. departmentIds];
        foreach (var d in u.DepartmentIds) _members[d].Add(u);
    }

    internal void AddDepartment(OrgDepartment d)
    {
        Document.Departments.Add(d);
        _deptsByOpenId.Add(d.OpenDepartmentId, d);
        if (!string.IsNullOrEmpty(d.DepartmentId)) _deptsByDeptId[d.DepartmentId] = d;
        _children[d.OpenDepartmentId] = [];
        _members[d.OpenDepartmentId] = [];
        _children[d.ParentDepartmentId].Add(d);
    }

    internal void MoveDepartment(OrgDepartment d, string newParentOpenId)
    {
        _children[d.ParentDepartmentId].Remove(d);
        d.ParentDepartmentId = newParentOpenId;
        _children[newParentOpenId].Add(d);
    }

    internal void ReindexDepartmentId(OrgDepartment d, string newDepartmentId)
    {
        if (!string.IsNullOrEmpty(d.DepartmentId)) _deptsByDeptId.Remove(d.DepartmentId);
        d.DepartmentId = newDepartmentId;
        _deptsByDeptId[newDepartmentId] = d;
    }

    internal void RemoveDepartment(OrgDepartment d)
    {
        _children[d.ParentDepartmentId].Remove(d);
        _deptsByOpenId.Remove(d.OpenDepartmentId);
        if (!string.IsNullOrEmpty(d.DepartmentId)) _deptsByDeptId.Remove(d.DepartmentId);
        _children.Remove(d.OpenDepartmentId);
        _members.Remove(d.OpenDepartmentId);
        Document.Departments.Remove(d);
        // A deleted department leaves the user groups that held it.
        foreach (var g in _groups.Values) g.Members.RemoveAll(m => m.MemberType == "department" && m.MemberId == d.OpenDepartmentId);
    }

    internal void AddGroup(OrgGroup g)
    {
        _groups.Add(g.Id, g);
        Document.Groups.Add(g);
    }

    internal void RemoveGroup(OrgGroup g)
    {
        _groups.Remove(g.Id);
        Document.Groups.Remove(g);
    }

    internal bool IsBelowOrSelf(string openDepartmentId, HashSet<string> roots)
    {
        var id = openDepartmentId;
        for (var guard = 0; guard < 1000; guard++)
        {
            if (roots.Contains(id)) return true;
            if (id == RootId || !_deptsByOpenId.TryGetValue(id, out var d)) return false;
            id = d.ParentDepartmentId;
        }
        return false;
    }
}
