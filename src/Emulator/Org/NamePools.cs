using Bogus;
using Bogus.DataSets;

namespace Corps.Emulator.Org;

/// <summary>
/// Pools of realistic names drawn once from Bogus's locale data with a seed; the generator then picks from the
/// pools with its own <see cref="Random"/>, which is far faster than asking Bogus per person.
/// </summary>
internal sealed class NamePools
{
    public NamePools(int seed)
    {
        var zh = new Name("zh_CN") { Random = new Randomizer(seed) };
        var en = new Name("en") { Random = new Randomizer(seed + 1) };
        ChineseFamily = Distinct(() => zh.LastName(), 60);
        ChineseGiven = Distinct(() => zh.FirstName(), 200);
        EnglishFirst = Distinct(() => en.FirstName(), 300);
        EnglishLast = Distinct(() => en.LastName(), 300);
    }

    public string[] ChineseFamily { get; }

    public string[] ChineseGiven { get; }

    public string[] EnglishFirst { get; }

    public string[] EnglishLast { get; }

    public static readonly (string Zh, string En)[] TopDepartments =
    [
        ("研发中心", "R&D Center"), ("产品部", "Product"), ("市场部", "Marketing"), ("销售部", "Sales"),
        ("人力资源部", "Human Resources"), ("财务部", "Finance"), ("法务部", "Legal"), ("运营部", "Operations"),
        ("客户成功部", "Customer Success"), ("数据平台部", "Data Platform"), ("基础架构部", "Infrastructure"),
        ("设计部", "Design"), ("质量保障部", "Quality Assurance"), ("行政部", "Administration"), ("采购部", "Procurement"),
        ("信息安全部", "Security"),
    ];

    public static readonly (string Zh, string En)[] Teams =
    [
        ("前端组", "Frontend"), ("后端组", "Backend"), ("测试组", "Testing"), ("华东区", "East China"), ("华南区", "South China"),
        ("华北区", "North China"), ("平台组", "Platform"), ("增长组", "Growth"), ("移动端组", "Mobile"), ("算法组", "Algorithms"),
        ("招聘组", "Recruiting"), ("薪酬组", "Compensation"), ("渠道组", "Channels"), ("大客户组", "Key Accounts"),
        ("支持组", "Support"), ("海外组", "International"),
    ];

    public static readonly string[] JobTitles =
    [
        "软件工程师", "高级软件工程师", "产品经理", "设计师", "销售经理", "客户经理", "数据分析师", "测试工程师", "运维工程师",
        "人力资源专员", "财务专员", "法务专员", "行政助理", "架构师", "技术总监", "Software Engineer", "Account Executive",
    ];

    public static readonly (string City, string Country)[] Cities =
    [
        ("北京", "CN"), ("上海", "CN"), ("深圳", "CN"), ("杭州", "CN"), ("广州", "CN"), ("成都", "CN"), ("武汉", "CN"),
        ("Singapore", "SG"), ("Tokyo", "JP"), ("London", "GB"),
    ];

    public static readonly string[] GroupNames =
    [
        "全体经理", "新员工", "技术委员会", "上海办公室", "北京办公室", "值班组", "安全联络人", "培训讲师", "项目管理组", "招聘面试官",
    ];

    private static string[] Distinct(Func<string> next, int want)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < want * 20 && set.Count < want; i++) set.Add(next());
        return [.. set];
    }
}
