namespace Corps.Host.Store.Migrations;

/// <summary>User groups say whether upstream picks their members by rules (Feishu's dynamic groups).</summary>
/// <remarks>Existing rows become normal groups; the next full sync corrects any that are dynamic.</remarks>
internal static class Schema002
{
    public static Migration Migration { get; } = new(2, "dynamic user groups", """
        ALTER TABLE groups ADD COLUMN is_dynamic INTEGER NOT NULL DEFAULT 0;
        """);
}
