using System.ComponentModel;
using System.Diagnostics;

namespace Bayan.Tests.Feeds;

/// <summary>
/// Atom documents validated against the RFC's own grammar (RFC 4287 Appendix B, in atom.rng) by a
/// validating RELAX NG parser: libxml2's xmllint, from Debian's libxml2-utils, which test.sh installs.
/// .NET has no RELAX NG validator, hence the separate program.
/// </summary>
public static class AtomRelaxNg
{
    public static string SchemaPath { get; } = Path.Combine(AppContext.BaseDirectory, "Feeds", "atom.rng");

    // xmllint's exit codes: 0 valid, 1 not well-formed, 3 invalid; anything else means the tool or the schema failed.
    private const int NotWellFormed = 1;
    private const int Invalid = 3;

    /// <summary>What xmllint finds wrong with the document; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(byte[] document)
    {
        var start = new ProcessStartInfo("xmllint", ["--noout", "--relaxng", SchemaPath, "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("xmllint is missing: run ./test.sh, which installs Debian's libxml2-utils package.", e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            await process.StandardInput.BaseStream.WriteAsync(document);
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            var messages = (await errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await output;
            return process.ExitCode switch
            {
                0 => [],
                NotWellFormed or Invalid => [.. messages.Where(m => m != "- fails to validate")],
                _ => throw new InvalidOperationException($"xmllint could not validate (exit code {process.ExitCode}): {string.Join(" | ", messages)}"),
            };
        }
    }

    /// <summary>Fails the test with xmllint's messages unless the document is valid.</summary>
    public static async Task AssertValidAsync(byte[] document, string what)
    {
        var violations = await ViolationsAsync(document);
        Assert.True(violations.Count == 0, $"{what} is not valid to RFC 4287 Appendix B:\n{string.Join("\n", violations)}");
    }
}
