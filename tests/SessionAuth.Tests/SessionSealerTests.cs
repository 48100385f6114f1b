using System.Text;

namespace SessionAuth.Tests;

public sealed class SessionSealerTests
{
    private const string Password = "correct-horse-battery-staple-0123456789";
    private const string OtherPassword = "a-completely-different-password-9876543210";
    private const long Now = 1_800_000_000;

    private static readonly byte[] Data = Encoding.UTF8.GetBytes("""{"userId":7,"name":"Harry"}""");

    private static string SealValid(SessionSealer sealer, out SealedSessionHeader header)
    {
        header = new SealedSessionHeader(SessionId.NewId(), Now - 60, Now + 3600);
        return sealer.Seal(header, Data);
    }

    private static SessionRejection Open(SessionSealer sealer, string value, out SealedSessionHeader header, out byte[] data, long now = Now)
    {
        var buffer = new byte[SessionSealer.GetMaxPlaintextLength(value.Length)];
        var rejection = sealer.Open(value, now, buffer, out header, out var length);
        data = rejection == SessionRejection.None ? buffer.AsSpan(SessionSealer.HeaderSize, length).ToArray() : [];
        return rejection;
    }

    [Fact]
    public void A_sealed_value_opens_to_the_same_header_and_data()
    {
        var sealer = new SessionSealer([Password]);
        var value = SealValid(sealer, out var sealedHeader);

        Assert.Equal(SessionRejection.None, Open(sealer, value, out var openedHeader, out var data));
        Assert.Equal(sealedHeader, openedHeader);
        Assert.Equal(Data, data);
        Assert.StartsWith("v1." + sealer.CurrentKeyId + ".", value, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_seal_uses_a_fresh_nonce()
    {
        var sealer = new SessionSealer([Password]);
        var header = new SealedSessionHeader(SessionId.NewId(), Now, Now + 60);

        Assert.NotEqual(sealer.Seal(header, Data), sealer.Seal(header, Data));
    }

    [Fact]
    public void The_value_holds_no_readable_data()
    {
        var sealer = new SessionSealer([Password]);
        var value = SealValid(sealer, out _);

        Assert.DoesNotContain("Harry", value, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("Harry")).TrimEnd('='), value, StringComparison.Ordinal);
    }

    [Fact]
    public void Flipping_any_bit_of_any_character_is_rejected()
    {
        var sealer = new SessionSealer([Password]);
        var value = SealValid(sealer, out _);

        for (var position = 0; position < value.Length; position++)
        {
            for (var bit = 0; bit < 7; bit++)
            {
                var chars = value.ToCharArray();
                chars[position] = (char)(chars[position] ^ (1 << bit));
                var tampered = new string(chars);

                var rejection = Open(sealer, tampered, out _, out _);

                Assert.True(rejection != SessionRejection.None, $"bit {bit} of character {position} was accepted");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Only_the_exact_string_that_was_sealed_opens(int extraDataBytes)
    {
        // Lengths that leave unused bits in the last base64 character, and one that does not.
        var sealer = new SessionSealer([Password]);
        var data = new byte[Data.Length + extraDataBytes];
        Data.CopyTo(data, 0);
        data.AsSpan(Data.Length).Fill((byte)' ');
        var value = sealer.Seal(new SealedSessionHeader(SessionId.NewId(), Now, Now + 60), data);
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        foreach (var replacement in alphabet)
        {
            var variant = value[..^1] + replacement;
            if (variant != value)
            {
                Assert.NotEqual(SessionRejection.None, Open(sealer, variant, out _, out _));
            }
        }

        Assert.NotEqual(SessionRejection.None, Open(sealer, value[..20] + " " + value[20..], out _, out _));
        Assert.NotEqual(SessionRejection.None, Open(sealer, value + "\n", out _, out _));
        Assert.NotEqual(SessionRejection.None, Open(sealer, value + "=", out _, out _));
    }

    [Fact]
    public void Every_truncation_is_rejected()
    {
        var sealer = new SessionSealer([Password]);
        var value = SealValid(sealer, out _);

        for (var length = 0; length < value.Length; length++)
        {
            Assert.NotEqual(SessionRejection.None, Open(sealer, value[..length], out _, out _));
        }
    }

    [Fact]
    public void A_value_sealed_with_an_unknown_password_is_rejected_by_its_key_id()
    {
        var value = SealValid(new SessionSealer([OtherPassword]), out _);

        Assert.Equal(SessionRejection.UnknownKey, Open(new SessionSealer([Password]), value, out _, out _));
    }

    [Fact]
    public void A_forged_key_id_does_not_open_with_the_wrong_key()
    {
        var ours = new SessionSealer([Password]);
        var theirs = new SessionSealer([OtherPassword]);
        var forged = theirs.Seal(new SealedSessionHeader(SessionId.NewId(), Now, Now + 60), Data)
            .Replace(theirs.CurrentKeyId, ours.CurrentKeyId, StringComparison.Ordinal);

        Assert.Equal(SessionRejection.Tampered, Open(ours, forged, out _, out _));
    }

    [Fact]
    public void An_expired_value_is_rejected()
    {
        var sealer = new SessionSealer([Password]);
        var value = SealValid(sealer, out var header);

        Assert.Equal(SessionRejection.Expired, Open(sealer, value, out _, out _, now: header.ExpiresAt));
        Assert.Equal(SessionRejection.None, Open(sealer, value, out _, out _, now: header.ExpiresAt - 1));
    }

    [Fact]
    public void A_value_issued_far_in_the_future_is_rejected()
    {
        var sealer = new SessionSealer([Password]);
        var value = sealer.Seal(new SealedSessionHeader(SessionId.NewId(), Now + 3600, Now + 7200), Data);

        Assert.Equal(SessionRejection.IssuedInFuture, Open(sealer, value, out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1.")]
    [InlineData("v1.abcdefgh.")]
    [InlineData("not a cookie at all")]
    [InlineData("v2.abcdefgh.AAAA")]
    [InlineData("v1.abcdefgh.!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻👻")]
    public void Garbage_is_rejected(string value)
    {
        Assert.NotEqual(SessionRejection.None, Open(new SessionSealer([Password]), value, out _, out _));
    }

    [Fact]
    public void Garbage_after_a_valid_prefix_is_rejected_as_malformed_or_tampered()
    {
        var sealer = new SessionSealer([Password]);
        var prefix = "v1." + sealer.CurrentKeyId + ".";

        Assert.Equal(SessionRejection.Malformed, Open(sealer, prefix + "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%", out _, out _));
        Assert.Equal(SessionRejection.Tampered, Open(sealer, prefix + new string('A', 120), out _, out _));
    }

    [Fact]
    public void An_oversized_value_is_rejected_before_decoding()
    {
        var sealer = new SessionSealer([Password]);
        var value = "v1." + sealer.CurrentKeyId + "." + new string('A', SessionSealer.MaxSealedLength);

        Assert.Equal(SessionRejection.TooLarge, Open(sealer, value, out _, out _));
    }

    [Fact]
    public void Rotation_opens_values_sealed_with_a_previous_password_and_seals_with_the_newest()
    {
        var before = new SessionSealer([OtherPassword]);
        var oldValue = SealValid(before, out var oldHeader);
        var rotated = new SessionSealer([Password, OtherPassword]);

        Assert.Equal(SessionRejection.None, Open(rotated, oldValue, out var opened, out _));
        Assert.Equal(oldHeader, opened);

        var newValue = SealValid(rotated, out _);
        Assert.Equal(new SessionSealer([Password]).CurrentKeyId, rotated.CurrentKeyId);
        Assert.Equal(SessionRejection.None, Open(new SessionSealer([Password]), newValue, out _, out _));
        Assert.Equal(SessionRejection.UnknownKey, Open(new SessionSealer([OtherPassword]), newValue, out _, out _));
    }

    [Fact]
    public void Session_ids_are_random_and_round_trip_through_bytes()
    {
        var first = SessionId.NewId();
        var second = SessionId.NewId();
        Span<byte> bytes = stackalloc byte[SessionId.Size];
        first.Write(bytes);

        Assert.NotEqual(first, second);
        Assert.Equal(first, SessionId.Read(bytes));
        Assert.Equal(22, first.ToString().Length);
    }
}
