using System.Text;
using System.Text.Json;
using Corps.Abstractions;
using Corps.Feishu.Events;
using Corps.Feishu.Tests.Fakes;

namespace Corps.Feishu.Tests.Events;

public sealed class FeishuEventDecoderTests
{
    private const string Key = "test key";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_100);

    private static FeishuEventDecoder Decoder(string? encryptKey = Key, string? token = "vt") => new(new EventDecoderOptions
    {
        EncryptKey = encryptKey is null ? null : new Secret(encryptKey),
        VerificationToken = token is null ? null : new Secret(token),
        Time = new FixedTimeProvider(Now),
    });

    [Fact]
    public void Decode_GoSdkVector_MemberUpsertedWithMicrosecondTime()
    {
        var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "go-sdk-user-created.json"))).RootElement;
        var body = vector.GetProperty("body").GetRawText();
        var decoder = Decoder(vector.GetProperty("encryptKey").GetString(), vector.GetProperty("verificationToken").GetString());

        var result = decoder.Decode(EventBuilder.Signed(body, vector.GetProperty("encryptKey").GetString()!, Now));

        var accepted = Assert.IsType<WebhookResult.Accepted>(result);
        Assert.Equal(CorpEventKind.MemberUpserted, accepted.Event.Kind);
        Assert.Equal("f7984f25108f8137722bb63cee927e66", accepted.Event.EventId);
        Assert.Equal("ou_7dab8a3d3cdcc9da365777c7ad535d62", accepted.Event.Member!.ExternalId);
        Assert.Equal("张三", accepted.Event.Member.Name);
        Assert.Equal("e33ggbyz", accepted.Event.Member.Identities["user_id"]);
        Assert.Equal("xxxxxxx", accepted.Event.Member.Identities["tenant_key"]);
        Assert.Null(accepted.Event.Member.Memberships);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1603977298), accepted.Event.OccurredAt);
    }

    [Fact]
    public void Decode_GoSdkVectorUnsigned_Rejected401()
    {
        var vector = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vectors", "go-sdk-user-created.json"))).RootElement;

        var result = Decoder("1212121212", "v").Decode(EventBuilder.Plain(vector.GetProperty("body").GetRawText()));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).StatusCode);
    }

    [Fact]
    public void Decode_EncryptedChallengeLocalVector_AnswersChallenge()
    {
        var body = """{"encrypt":"AAAAAAAAAAAAAAAAAAAAABgLw1kLwGFjbDY7DTSdFkuszGAWeX7Djo/olS6D+ZlEr/6n3YktNwBCf6A+B8QutLe0jgmB0tfXBJYwrvUWMRM="}""";

        var result = Decoder(Key, "vtoken").Decode(EventBuilder.Plain(body));

        Assert.Equal("""{"challenge":"abc"}""", Assert.IsType<WebhookResult.Challenge>(result).ResponseJson);
    }

    [Fact]
    public void Decode_PlainChallengeWithoutKey_AnswersChallenge()
    {
        var result = Decoder(encryptKey: null).Decode(EventBuilder.Plain("""{"challenge":"c-1","token":"vt","type":"url_verification"}"""));

        Assert.Equal("""{"challenge":"c-1"}""", Assert.IsType<WebhookResult.Challenge>(result).ResponseJson);
    }

    [Fact]
    public void Decode_ChallengeWithWrongToken_Rejected401()
    {
        var result = Decoder(encryptKey: null).Decode(EventBuilder.Plain("""{"challenge":"c-1","token":"nope","type":"url_verification"}"""));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).StatusCode);
    }

    [Fact]
    public void Decode_SignatureReferenceVector_SignatureAcceptedButPayloadNotJson400()
    {
        var body = """{"encrypt":"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk="}""";
        var request = new WebhookRequest(new Dictionary<string, string>
        {
            ["X-Lark-Request-Timestamp"] = "1700000000",
            ["X-Lark-Request-Nonce"] = "abc",
            ["X-Lark-Signature"] = "0c09d96c2aef2ad08179b3967ea410bbc91dab24ce3aec05af962cf1935844af",
        }, Encoding.UTF8.GetBytes(body));

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder().Decode(request));

        // The signature passed (else 401): "hello world" is simply not an event.
        Assert.Equal(400, rejected.StatusCode);
    }

    [Fact]
    public void Decode_ForgedSignature_Rejected401()
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2("contact.scope.updated_v3", "{}"));
        var request = EventBuilder.Signed(body, "not the key", Now);

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder().Decode(request));

        Assert.Equal(401, rejected.StatusCode);
        Assert.DoesNotContain(Key, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_StaleTimestamp_Rejected401AsReplay()
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2("contact.scope.updated_v3", "{}"));

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder().Decode(EventBuilder.Signed(body, Key, Now.AddMinutes(-6))));

        Assert.Equal(401, rejected.StatusCode);
        Assert.Contains("replay", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongVerificationToken_Rejected401()
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2("contact.scope.updated_v3", "{}", token: "other"));

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder().Decode(EventBuilder.Signed(body, Key, Now)));

        Assert.Equal(401, rejected.StatusCode);
    }

    [Fact]
    public void Decode_ScopeUpdated_ScopeChanged()
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2("contact.scope.updated_v3", """{"added":{},"removed":{}}"""));

        var accepted = Assert.IsType<WebhookResult.Accepted>(Decoder().Decode(EventBuilder.Signed(body, Key, Now)));

        Assert.Equal(CorpEventKind.ScopeChanged, accepted.Event.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000000000), accepted.Event.OccurredAt);
    }

    [Fact]
    public void Decode_DepartmentCreatedWithNumericOrder_DepartmentUpserted()
    {
        var plain = EventBuilder.V2("contact.department.created_v3",
            """{"object":{"name":"Sales","parent_department_id":"0","open_department_id":"od-1","department_id":"sales","order":3000,"leader_user_id":"ou_l"}}""");

        var accepted = Assert.IsType<WebhookResult.Accepted>(Decoder().Decode(EventBuilder.Signed(EventBuilder.EncryptedBody(Key, plain), Key, Now)));

        Assert.Equal(CorpEventKind.DepartmentUpserted, accepted.Event.Kind);
        Assert.Equal("od-1", accepted.Event.Department!.ExternalId);
        Assert.Null(accepted.Event.Department.ParentExternalId);
        Assert.Equal(3000, accepted.Event.Department.Order);
        Assert.Equal("ou_l", accepted.Event.Department.LeaderExternalId);
    }

    [Theory]
    [InlineData("contact.user.deleted_v3", """{"object":{"open_id":"ou_gone"},"old_object":{"open_id":"ou_gone"}}""", CorpEventKind.MemberDeleted, "ou_gone")]
    [InlineData("contact.department.deleted_v3", """{"object":{"open_department_id":"od-9"}}""", CorpEventKind.DepartmentDeleted, "od-9")]
    [InlineData("contact.department.deleted_v3", """{"object":{},"old_object":{"open_department_id":"od-8"}}""", CorpEventKind.DepartmentDeleted, "od-8")]
    [InlineData("contact.employee_type_enum.created_v3", """{"new_enum":{"enum_id":"e1"}}""", CorpEventKind.RefreshRequested, null)]
    [InlineData("contact.custom_attr_event.updated_v3", """{"object":{}}""", CorpEventKind.RefreshRequested, null)]
    public void Decode_ContactEvent_MapsToKind(string eventType, string eventJson, CorpEventKind kind, string? objectId)
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2(eventType, eventJson));

        var accepted = Assert.IsType<WebhookResult.Accepted>(Decoder().Decode(EventBuilder.Signed(body, Key, Now)));

        Assert.Equal(kind, accepted.Event.Kind);
        Assert.Equal(objectId, accepted.Event.ObjectExternalId);
        Assert.Equal(eventType, accepted.Event.EventType);
    }

    [Fact]
    public void Decode_UserUpdatedWithOrders_MemberWithMemberships()
    {
        var plain = EventBuilder.V2("contact.user.updated_v3",
            """{"object":{"open_id":"ou_1","name":"A","status":{"is_frozen":true},"department_ids":["od-1","od-2"],"orders":[{"department_id":"od-2","user_order":5,"department_order":1,"is_primary_dept":true}]},"old_object":{"name":"B"}}""");

        var accepted = Assert.IsType<WebhookResult.Accepted>(Decoder().Decode(EventBuilder.Signed(EventBuilder.EncryptedBody(Key, plain), Key, Now)));

        var member = accepted.Event.Member!;
        Assert.Equal(MemberStatus.Frozen, member.Status);
        Assert.Equal(2, member.Memberships!.Count);
        Assert.Contains(new UpstreamMembership("od-2", 5, true), member.Memberships);
        Assert.Contains(new UpstreamMembership("od-1"), member.Memberships);
    }

    [Fact]
    public void Decode_UnknownEventType_Ignored()
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2("im.message.receive_v1", "{}", eventId: "ev-im"));

        var ignored = Assert.IsType<WebhookResult.Ignored>(Decoder().Decode(EventBuilder.Signed(body, Key, Now)));

        Assert.Equal("ev-im", ignored.EventId);
    }

    [Theory]
    [InlineData("""{"uuid":"u-1","token":"vt","ts":"1502199207.7171419","type":"event_callback","event":{"type":"contact_scope_change","app_id":"cli_x"}}""", CorpEventKind.ScopeChanged, null)]
    [InlineData("""{"uuid":"u-2","token":"vt","ts":"1502199207.7","type":"event_callback","event":{"type":"user_leave","open_id":"ou_9"}}""", CorpEventKind.MemberDeleted, "ou_9")]
    [InlineData("""{"uuid":"u-3","token":"vt","ts":"1502199207","type":"event_callback","event":{"type":"user_add","open_id":"ou_8"}}""", CorpEventKind.RefreshRequested, "ou_8")]
    [InlineData("""{"uuid":"u-4","token":"vt","ts":"1502199207","type":"event_callback","event":{"type":"dept_delete","open_department_id":"od-7"}}""", CorpEventKind.DepartmentDeleted, "od-7")]
    [InlineData("""{"uuid":"u-5","token":"vt","ts":"1502199207","type":"event_callback","event":{"type":"dept_update","department":{"open_id":"od-6"}}}""", CorpEventKind.RefreshRequested, "od-6")]
    public void Decode_V1Envelope_MapsToKind(string plain, CorpEventKind kind, string? objectId)
    {
        var accepted = Assert.IsType<WebhookResult.Accepted>(Decoder().Decode(EventBuilder.Signed(EventBuilder.EncryptedBody(Key, plain), Key, Now)));

        Assert.Equal(kind, accepted.Event.Kind);
        Assert.Equal(objectId, accepted.Event.ObjectExternalId);
        Assert.Equal(1502199207, accepted.Event.OccurredAt.ToUnixTimeSeconds());
    }

    [Fact]
    public void Decode_V1WithWrongToken_Rejected401()
    {
        var plain = """{"uuid":"u-1","token":"bad","ts":"1502199207","type":"event_callback","event":{"type":"contact_scope_change"}}""";

        var result = Decoder(encryptKey: null).Decode(EventBuilder.Plain(plain));

        Assert.Equal(401, Assert.IsType<WebhookResult.Rejected>(result).StatusCode);
    }

    [Fact]
    public void Decode_PlainV2WithoutEncryptKey_Accepted()
    {
        var result = Decoder(encryptKey: null).Decode(EventBuilder.Plain(EventBuilder.V2("contact.user.deleted_v3", """{"object":{"open_id":"ou_1"}}""")));

        Assert.Equal(CorpEventKind.MemberDeleted, Assert.IsType<WebhookResult.Accepted>(result).Event.Kind);
    }

    [Fact]
    public void Decode_EventWithNothingConfigured_Rejected401ButChallengeAnswered()
    {
        var decoder = Decoder(encryptKey: null, token: null);

        var rejected = Assert.IsType<WebhookResult.Rejected>(decoder.Decode(EventBuilder.Plain(EventBuilder.V2("contact.user.deleted_v3", """{"object":{"open_id":"ou_1"}}"""))));
        var challenge = decoder.Decode(EventBuilder.Plain("""{"challenge":"c-2","token":"any","type":"url_verification"}"""));

        Assert.Equal(401, rejected.StatusCode);
        Assert.IsType<WebhookResult.Challenge>(challenge);
    }

    public static TheoryData<string, byte[], int> Garbage => new()
    {
        { "empty", [], 400 },
        { "not JSON", Encoding.UTF8.GetBytes("hello"), 400 },
        { "a JSON array", Encoding.UTF8.GetBytes("[1,2]"), 400 },
        { "invalid UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], 400 },
        { "deep nesting", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), 400 },
        { "encrypt not base64", Encoding.UTF8.GetBytes("""{"encrypt":"@@@not base64@@@"}"""), 400 },
        { "encrypt too short", Encoding.UTF8.GetBytes("""{"encrypt":"AAAA"}"""), 400 },
        { "encrypt not a string", Encoding.UTF8.GetBytes("""{"encrypt":42}"""), 400 },
        { "another key (bad padding)", Encoding.UTF8.GetBytes($$"""{"encrypt":"{{EventBuilder.Encrypt("another key", "{\"schema\":\"2.0\"}", new byte[16])}}"}"""), 401 },
        { "unknown shape", Encoding.UTF8.GetBytes("""{"hello":"world"}"""), 401 },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Decode_Garbage_RejectedWithoutThrowing(string what, byte[] body, int status)
    {
        var result = Decoder().Decode(new WebhookRequest(new Dictionary<string, string>(), body));

        var rejected = Assert.IsType<WebhookResult.Rejected>(result);
        Assert.True(rejected.StatusCode == status, $"{what}: {rejected.StatusCode} {rejected.Reason}");
        Assert.DoesNotContain(Key, rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EncryptedWithWrongKeyUnsigned_Rejected401()
    {
        var body = EventBuilder.EncryptedBody("some other key", EventBuilder.V2("contact.scope.updated_v3", "{}"));

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder().Decode(EventBuilder.Plain(body)));

        Assert.Equal(401, rejected.StatusCode);
    }

    [Fact]
    public void Decode_EncryptedBodyWithoutConfiguredKey_Rejected400()
    {
        var body = EventBuilder.EncryptedBody(Key, EventBuilder.V2("contact.scope.updated_v3", "{}"));

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder(encryptKey: null).Decode(EventBuilder.Plain(body)));

        Assert.Equal(400, rejected.StatusCode);
    }

    [Fact]
    public void Decode_EncryptedNonJsonPayloadSigned_Rejected400()
    {
        var body = EventBuilder.EncryptedBody(Key, "{\"schema\":\"2.0\",");

        var rejected = Assert.IsType<WebhookResult.Rejected>(Decoder().Decode(EventBuilder.Signed(body, Key, Now)));

        Assert.Equal(400, rejected.StatusCode);
    }
}
