namespace Corps.Emulator.Org;

/// <summary>What every Feishu tenant has built in.</summary>
internal static class OrgDefaults
{
    public static IEnumerable<OrgEmployeeTypeEnum> EmployeeTypes() =>
    [
        new() { EnumId = "exGeIjow7zIqWMy+ONkFxA==", EnumValue = "1", Content = "正式", EnumType = 1, EnumStatus = 1 },
        new() { EnumId = "lSHpeMRfj3sd4Fb/rB1ULw==", EnumValue = "2", Content = "实习", EnumType = 1, EnumStatus = 1 },
        new() { EnumId = "M8Yqd2HIBH2yAsdQP2PgHQ==", EnumValue = "3", Content = "外包", EnumType = 1, EnumStatus = 1 },
        new() { EnumId = "d2tjB1LyVj4uBnUW7ulRrQ==", EnumValue = "4", Content = "劳务", EnumType = 1, EnumStatus = 1 },
        new() { EnumId = "ZqSmnKDlXvu06d2TSUqmBw==", EnumValue = "5", Content = "顾问", EnumType = 1, EnumStatus = 1 },
    ];
}
