using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SessionAuth.Build;

/// <summary>
/// Writes the browser client the SessionAuth generator compiled into an assembly — the ES module served at
/// <c>/_server/client.js</c> and its declarations at <c>/_server/client.d.ts</c> — into a folder of the project, for apps
/// that compile or bundle TypeScript. The texts are read from the assembly's metadata (the generated constants
/// <c>ClientScript</c> and <c>ClientDeclarations</c>), so nothing of the app runs; a file is written only when its text
/// changed, so a build that changes no signature leaves a TypeScript watcher idle.
/// </summary>
public sealed class WriteServerFunctionClient : Task
{
    /// <summary>The generated namespace: <c>SessionAuth.Generated</c>, or a numbered one when the app takes that name.</summary>
    private const string GeneratedNamespace = "SessionAuth.Generated";

    private const string ScriptConstant = "ClientScript";
    private const string DeclarationsConstant = "ClientDeclarations";

    /// <summary>Written without a byte order mark, as bundlers and <c>tsc</c> expect.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The compiled assembly of the app (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string AssemblyPath { get; set; } = string.Empty;

    /// <summary>The folder to write <c>client.js</c> and <c>client.d.ts</c> into; created when missing.</summary>
    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>The files whose text changed and were written by this run.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        ClientTexts? client;
        try
        {
            client = Read(AssemblyPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            Log.LogError(null, "SAUTH1001", null, AssemblyPath, 0, 0, 0, 0, "SessionAuthClientOutputPath is set, but the server function client could not be read from {0}: {1}", AssemblyPath, exception.Message);
            return false;
        }

        if (client is null)
        {
            Log.LogError(
                null,
                "SAUTH1002",
                null,
                AssemblyPath,
                0,
                0,
                0,
                0,
                "SessionAuthClientOutputPath is set, but {0} holds no generated server function client: the SessionAuth generator wrote nothing for this project (it needs C# 9 or later, and no type of the project may take a name generated code declares; its SAUTH0003 diagnostics say which). Fix that, or remove the property.",
                Path.GetFileName(AssemblyPath));
            return false;
        }

        try
        {
            Directory.CreateDirectory(OutputDirectory);
            var written = new List<ITaskItem>(2);
            WriteIfChanged(Path.Combine(OutputDirectory, "client.js"), client.Script, written);
            WriteIfChanged(Path.Combine(OutputDirectory, "client.d.ts"), client.Declarations, written);
            WrittenFiles = written.ToArray();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "SAUTH1003", null, OutputDirectory, 0, 0, 0, 0, "The server function client could not be written to {0} (SessionAuthClientOutputPath): {1}", OutputDirectory, exception.Message);
            return false;
        }
    }

    /// <summary>
    /// The client's texts from the generated constants of <paramref name="assemblyPath"/>, or <see langword="null"/> when
    /// it has none. Read as metadata: constant fields keep their values in the assembly's blob heap.
    /// </summary>
    internal static ClientTexts? Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var image = new PEReader(stream);
        if (!image.HasMetadata)
        {
            throw new BadImageFormatException("the file is not a .NET assembly");
        }

        var metadata = image.GetMetadataReader();
        ClientTexts? found = null;
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (type.GetDeclaringType().IsNil && metadata.GetString(type.Namespace).StartsWith(GeneratedNamespace, StringComparison.Ordinal)
                && Constant(metadata, type, ScriptConstant) is { } script
                && Constant(metadata, type, DeclarationsConstant) is { } declarations)
            {
                if (found is not null)
                {
                    throw new InvalidOperationException("the assembly holds two generated clients");
                }

                found = new ClientTexts(script, declarations);
            }
        }

        return found;
    }

    private static string? Constant(MetadataReader metadata, TypeDefinition type, string name)
    {
        foreach (var handle in type.GetFields())
        {
            var field = metadata.GetFieldDefinition(handle);
            if (!metadata.StringComparer.Equals(field.Name, name))
            {
                continue;
            }

            var value = field.GetDefaultValue();
            if (value.IsNil)
            {
                return null;
            }

            var constant = metadata.GetConstant(value);
            if (constant.TypeCode != ConstantTypeCode.String)
            {
                return null;
            }

            var blob = metadata.GetBlobReader(constant.Value);
            return blob.ReadUTF16(blob.Length);
        }

        return null;
    }

    private void WriteIfChanged(string path, string text, List<ITaskItem> written)
    {
        if (File.Exists(path) && string.Equals(File.ReadAllText(path, Utf8), text, StringComparison.Ordinal))
        {
            return;
        }

        File.WriteAllText(path, text, Utf8);
        written.Add(new TaskItem(path));
        Log.LogMessage(MessageImportance.High, "SessionAuth: wrote the server function client to {0}", path);
    }

    /// <summary>The ES module and its TypeScript declarations.</summary>
    internal sealed record ClientTexts(string Script, string Declarations);
}
