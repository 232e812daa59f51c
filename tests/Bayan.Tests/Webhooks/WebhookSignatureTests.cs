using System.Net;
using Bayan.Webhooks;

namespace Bayan.Tests.Webhooks;

/// <summary>Signing as the Standard Webhooks specification says, checked against the values its reference libraries test with.</summary>
public sealed class WebhookSignatureTests
{
    // The example of the specification's reference libraries: secret, message id, timestamp, body and the signature they expect.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = "{\"test\": 2432232314}";
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void The_specifications_example_signs_to_its_expected_value() =>
        Assert.Equal(SpecSignature, WebhookSignature.Sign(SpecId, SpecTimestamp, SpecBody, SpecSecret));

    [Fact]
    public void A_secret_without_its_prefix_is_the_same_key() =>
        Assert.Equal(SpecSignature, WebhookSignature.Sign(SpecId, SpecTimestamp, SpecBody, SpecSecret["whsec_".Length..]));

    [Fact]
    public void During_a_rotation_both_secrets_sign_separated_by_a_space_and_either_verifies()
    {
        var fresh = WebhookSecret.New();
        var header = WebhookSignature.Sign(SpecId, SpecTimestamp, SpecBody, [fresh, SpecSecret]);

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(SpecSignature, parts[1]);
        Assert.True(WebhookReceiver.VerifiesWith(fresh, SpecId, SpecTimestamp, SpecBody, header));
        Assert.True(WebhookReceiver.VerifiesWith(SpecSecret, SpecId, SpecTimestamp, SpecBody, header));
        Assert.False(WebhookReceiver.VerifiesWith(WebhookSecret.New(), SpecId, SpecTimestamp, SpecBody, header));
    }

    [Fact]
    public void The_former_secret_signs_only_until_its_overlap_ends()
    {
        var now = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        var endpoint = new WebhookEndpoint { Url = "https://example.org/", Secret = "whsec_new", PreviousSecret = "whsec_old", PreviousSecretUntil = now.AddHours(1) };

        Assert.Equal(["whsec_new", "whsec_old"], WebhookSignature.SecretsOf(endpoint, now));
        Assert.Equal(["whsec_new"], WebhookSignature.SecretsOf(endpoint, now.AddHours(1)));
    }

    [Fact]
    public void New_secrets_are_random_prefixed_and_hold_32_bytes()
    {
        var (a, b) = (WebhookSecret.New(), WebhookSecret.New());

        Assert.NotEqual(a, b);
        Assert.StartsWith("whsec_", a);
        Assert.Equal(32, WebhookSecret.KeyOf(a).Length);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 40)]
    [InlineData(3, 160)]
    [InlineData(12, 36_000)]
    public void Retries_wait_four_times_longer_each_time_up_to_ten_hours_within_a_fifth(int failures, double seconds)
    {
        Assert.Equal(seconds * 0.8, RetrySchedule.After(failures, 0).TotalSeconds, 3);
        Assert.Equal(seconds * 1.2, RetrySchedule.After(failures, 1).TotalSeconds, 3);
    }

    [Fact]
    public void A_longer_retry_after_is_honoured_up_to_ten_hours()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetrySchedule.After(1, 0.5, TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromHours(10), RetrySchedule.After(1, 0.5, TimeSpan.FromDays(3)));
        Assert.Equal(TimeSpan.FromSeconds(10), RetrySchedule.After(1, 0.5, TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("192.0.2.2", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    public void Only_public_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, AddressRules.IsPublic(IPAddress.Parse(address)));
}
