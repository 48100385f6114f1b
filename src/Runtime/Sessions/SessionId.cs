using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace SessionAuth;

/// <summary>128 random bits that name one session; kept as two numbers so that reading a session allocates no id string.</summary>
internal readonly record struct SessionId(ulong High, ulong Low)
{
    public const int Size = 16;

    public bool IsEmpty => High == 0 && Low == 0;

    public static SessionId NewId()
    {
        Span<byte> bytes = stackalloc byte[Size];
        SessionId id;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            id = Read(bytes);
        }
        while (id.IsEmpty);

        return id;
    }

    public static SessionId Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(source), BinaryPrimitives.ReadUInt64BigEndian(source[8..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, High);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], Low);
    }

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        Write(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
