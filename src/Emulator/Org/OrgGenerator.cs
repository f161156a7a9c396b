using System.Globalization;
using Corps.Emulator.Options;

namespace Corps.Emulator.Org;

/// <summary>Generates a realistic organisation of any size, deterministically from a seed.</summary>
public static class OrgGenerator
{
    private static readonly long s_epoch = 1_700_000_000;

    /// <summary>Generates the organisation described by <paramref name="options"/>.</summary>
    public static OrgDocument Generate(OrgGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Users < 1 || options.Departments < 0 || options.Depth < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Need users ≥ 1, depts ≥ 0 and depth ≥ 1.");
        var random = new Random(options.Seed);
        var pools = new NamePools(options.Seed);
        var doc = new OrgDocument { Tenant = Tenant(random) };
        var domain = doc.Tenant.Domain + ".example.com";
        var levels = Departments(doc, random, options);
        doc.Units.Add(new OrgUnit { UnitId = "BU" + Hex(random, 4), Name = "中国区", UnitType = "子公司" });
        doc.Units.Add(new OrgUnit { UnitId = "BU" + Hex(random, 4), Name = "International", UnitType = "子公司" });
        for (var i = 0; i < doc.Departments.Count && levels[i] == 1; i++)
            if (i % 3 == 0) doc.Departments[i].UnitIds.Add(doc.Units[i % 2].UnitId);
        doc.EmployeeTypeEnums.AddRange(OrgDefaults.EmployeeTypes());
        doc.EmployeeTypeEnums.Add(new OrgEmployeeTypeEnum { EnumId = "Q2hIbmVlciBFbXBsb3llZQ==", EnumValue = "6", Content = "返聘", EnumType = 2, EnumStatus = 1 });
        doc.CustomAttrs.Add(new OrgCustomAttrDefinition { Id = "C-6960923547216889860", Type = "TEXT", Name = "工位号", EnName = "Desk" });
        doc.CustomAttrs.Add(new OrgCustomAttrDefinition { Id = "C-6960923547216889861", Type = "HREF", Name = "个人主页", EnName = "Homepage" });
        doc.CustomAttrs.Add(new OrgCustomAttrDefinition
        {
            Id = "C-6960923547216889862", Type = "ENUMERATION", Name = "职级", EnName = "Level",
            Options = [.. Enumerable.Range(1, 5).Select(n => new OrgCustomAttrOption { Id = "opt" + n, Value = "P" + n, Name = "P" + n })],
        });
        Users(doc, random, pools, options, domain);
        Leaders(doc);
        Groups(doc, random, options);
        return doc;
    }

    private static OrgTenant Tenant(Random random)
    {
        var city = NamePools.Cities[random.Next(7)].City;
        return new OrgTenant
        {
            Name = city + "星云科技有限公司",
            DisplayId = "F" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture),
            TenantTag = 0,
            TenantKey = Hex(random, 8),
            Domain = "corp-" + Hex(random, 3),
        };
    }

    private static List<int> Departments(OrgDocument doc, Random random, OrgGenerationOptions options)
    {
        var total = options.Departments;
        var top = Math.Min(total, Math.Clamp((int)Math.Sqrt(total), 3, 40));
        var levels = new List<int>(total);
        var eligible = new List<int>(total);
        for (var i = 0; i < total; i++)
        {
            string parent;
            int level;
            (string Zh, string En) name;
            if (i < top)
            {
                parent = EmulatedOrg.RootId;
                level = 1;
                name = NamePools.TopDepartments[i % NamePools.TopDepartments.Length];
                name = Numbered(name, i / NamePools.TopDepartments.Length);
            }
            else
            {
                var p = eligible[random.Next(eligible.Count)];
                parent = doc.Departments[p].OpenDepartmentId;
                level = levels[p] + 1;
                var team = NamePools.Teams[random.Next(NamePools.Teams.Length)];
                name = Numbered(team, i);
            }
            var d = new OrgDepartment
            {
                Name = name.Zh,
                I18nName = new OrgI18nName { ZhCn = name.Zh, EnUs = name.En },
                ParentDepartmentId = parent,
                DepartmentId = "D" + (i + 1).ToString("D4", CultureInfo.InvariantCulture),
                OpenDepartmentId = "od-" + Hex(random, 16),
                ChatId = "oc_" + Hex(random, 16),
                Order = ((i + 1) * 1000).ToString(CultureInfo.InvariantCulture),
            };
            doc.Departments.Add(d);
            levels.Add(level);
            if (level < options.Depth) eligible.Add(i);
        }
        return levels;
    }

    private static (string Zh, string En) Numbered((string Zh, string En) name, int n) =>
        n == 0 ? name : (name.Zh + n.ToString(CultureInfo.InvariantCulture), name.En + " " + n.ToString(CultureInfo.InvariantCulture));

    private static void Users(OrgDocument doc, Random random, NamePools pools, OrgGenerationOptions options, string domain)
    {
        var depts = doc.Departments;
        var userIdMix = (uint)random.Next();
        var userOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Users; i++)
        {
            var chinese = random.NextDouble() < 0.75;
            var first = pools.EnglishFirst[random.Next(pools.EnglishFirst.Length)];
            var last = pools.EnglishLast[random.Next(pools.EnglishLast.Length)];
            var en = first + " " + last;
            var name = chinese
                ? pools.ChineseFamily[random.Next(pools.ChineseFamily.Length)] + pools.ChineseGiven[random.Next(pools.ChineseGiven.Length)]
                : en;
            var openId = "ou_" + Hex(random, 16);
            var userId = ((uint)i * 2654435761u ^ userIdMix).ToString("x8", CultureInfo.InvariantCulture);
            var (city, country) = NamePools.Cities[random.Next(NamePools.Cities.Length)];
            var roll = random.NextDouble();
            var u = new OrgUser
            {
                OpenId = openId,
                UnionId = "on_" + Hex(random, 16),
                UserId = userId,
                Name = name,
                EnName = en,
                Nickname = random.NextDouble() < 0.2 ? first : null,
                Email = (first + "." + last).ToLowerInvariant().Replace(' ', '-').Replace('\'', '-') + "." + userId + "@" + domain,
                EnterpriseEmail = random.NextDouble() < 0.5 ? userId + "@" + domain : null,
                Mobile = "+86" + (130 + random.Next(70)).ToString(CultureInfo.InvariantCulture) + i.ToString("D8", CultureInfo.InvariantCulture),
                MobileVisible = random.NextDouble() < 0.9,
                Gender = random.Next(3),
                City = city,
                Country = country,
                WorkStation = "F" + random.Next(1, 30).ToString(CultureInfo.InvariantCulture) + "-" + random.Next(1, 300).ToString("D3", CultureInfo.InvariantCulture),
                JoinTime = s_epoch - random.Next(0, 10 * 365 * 86400),
                IsTenantManager = i == 0,
                EmployeeNo = "E" + (i + 1).ToString("D6", CultureInfo.InvariantCulture),
                EmployeeType = roll < 0.80 ? 1 : roll < 0.88 ? 2 : roll < 0.94 ? 3 : roll < 0.97 ? 4 : roll < 0.99 ? 5 : 6,
                JobTitle = NamePools.JobTitles[random.Next(NamePools.JobTitles.Length)],
            };
            var status = random.NextDouble();
            if (i > 0 && status < 0.03) u.Status = new OrgUserStatus { IsResigned = true, IsActivated = true, IsExited = false };
            else if (i > 0 && status < 0.04) u.Status = new OrgUserStatus { IsFrozen = true, IsActivated = true };
            else if (i > 0 && status < 0.06) u.Status = new OrgUserStatus { IsActivated = false };
            if (!u.Status.IsResigned)
            {
                // The first person (the tenant manager) sits directly under the root, as a CEO often does.
                var primary = i == 0 || depts.Count == 0 ? EmulatedOrg.RootId : depts[random.Next(depts.Count)].OpenDepartmentId;
                AddMembership(u, primary, true, userOrder);
                if (depts.Count > 1 && random.NextDouble() < 0.08)
                {
                    var second = depts[random.Next(depts.Count)].OpenDepartmentId;
                    if (second != primary) AddMembership(u, second, false, userOrder);
                }
            }
            if (random.NextDouble() < 0.4)
            {
                u.CustomAttrs.Add(new OrgUserCustomAttr { Type = "TEXT", Id = "C-6960923547216889860", Value = new OrgCustomAttrValue { Text = u.WorkStation } });
                var level = random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
                u.CustomAttrs.Add(new OrgUserCustomAttr { Type = "ENUMERATION", Id = "C-6960923547216889862", Value = new OrgCustomAttrValue { OptionId = "opt" + level, OptionValue = "P" + level } });
            }
            doc.Users.Add(u);
        }
    }

    private static void AddMembership(OrgUser u, string dept, bool primary, Dictionary<string, int> userOrder)
    {
        var order = userOrder.GetValueOrDefault(dept);
        userOrder[dept] = order + 1;
        u.DepartmentIds.Add(dept);
        u.Orders.Add(new OrgUserOrder { DepartmentId = dept, UserOrder = order, DepartmentOrder = u.Orders.Count, IsPrimaryDept = primary });
    }

    private static void Leaders(OrgDocument doc)
    {
        var leaderOf = new Dictionary<string, OrgUser>(StringComparer.Ordinal);
        foreach (var u in doc.Users)
        {
            if (u.Status.IsResigned || u.Status.IsFrozen || u.Orders.Count == 0) continue;
            var primary = u.Orders[0].DepartmentId;
            leaderOf.TryAdd(primary, u);
        }
        var byId = doc.Departments.ToDictionary(d => d.OpenDepartmentId, StringComparer.Ordinal);
        foreach (var d in doc.Departments)
        {
            if (!leaderOf.TryGetValue(d.OpenDepartmentId, out var leader)) continue;
            d.LeaderUserId = leader.OpenId;
            d.Leaders.Add(new OrgDepartmentLeader { LeaderType = 1, LeaderId = leader.OpenId });
        }
        var ceo = doc.Users[0].OpenId;
        foreach (var u in doc.Users)
        {
            if (u.Orders.Count == 0) continue;
            var dept = u.Orders[0].DepartmentId;
            string? leader = null;
            for (var guard = 0; guard < 100 && dept != EmulatedOrg.RootId && leader is null; guard++)
            {
                var d = byId[dept];
                if (d.LeaderUserId is not null && d.LeaderUserId != u.OpenId) leader = d.LeaderUserId;
                dept = d.ParentDepartmentId;
            }
            leader ??= u.OpenId == ceo ? null : ceo;
            u.LeaderUserId = leader;
        }
    }

    /// <summary>
    /// User groups of every shape a sync meets: every third a dynamic group (users only: dynamic groups hold no
    /// departments), every third a normal group with a department member, half of those with no user members at all
    /// (their people come from the department alone).
    /// </summary>
    private static void Groups(OrgDocument doc, Random random, OrgGenerationOptions options)
    {
        var count = options.Groups ?? Math.Max(3, options.Users / 500);
        var active = doc.Users.Where(u => !u.Status.IsResigned).ToArray();
        for (var i = 0; i < count; i++)
        {
            var name = NamePools.GroupNames[i % NamePools.GroupNames.Length];
            if (i >= NamePools.GroupNames.Length) name += (i / NamePools.GroupNames.Length + 1).ToString(CultureInfo.InvariantCulture);
            var id = "g" + ((uint)(i + 1) * 2246822519u).ToString("x8", CultureInfo.InvariantCulture)[..6];
            var dynamic = i % 3 == 2;
            var withDepartment = i % 3 == 0 && doc.Departments.Count > 0;
            var g = new OrgGroup { Id = id, GroupId = id, Name = name, Description = name + "（自动生成）", Type = dynamic ? 2 : 1 };
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var members = withDepartment && i % 6 == 3 ? 0 : Math.Min(active.Length, random.Next(3, 41));
            for (var m = 0; m < members; m++)
            {
                var u = active[random.Next(active.Length)];
                if (seen.Add(u.OpenId)) g.Members.Add(new OrgGroupMember { MemberId = u.OpenId, MemberType = "user" });
            }
            if (withDepartment)
                g.Members.Add(new OrgGroupMember { MemberId = doc.Departments[random.Next(doc.Departments.Count)].OpenDepartmentId, MemberType = "department" });
            doc.Groups.Add(g);
        }
    }

    private static string Hex(Random random, int bytes)
    {
        Span<byte> buffer = stackalloc byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
