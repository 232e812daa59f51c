using System.Xml.Linq;
using Bayan.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Bayan.Web.Security;

/// <summary>
/// Where the data-protection keys (they sign the sign-in cookie and the forms' tokens) are kept, and how.
/// On Linux there is no key store of the system's own (Windows has DPAPI) to encrypt them with, and a
/// secret that decrypts them would have to sit beside them anyway; so Bayan keeps them as written, in a
/// folder that only the account running Bayan may open (or in Redis among several nodes). That choice
/// is made here, explicitly, so ASP.NET Core does not warn at every new key that nobody made it.
/// README, "Sign-in keys", says what it means and how to protect the keys in production.
/// </summary>
public static class KeyProtection
{
    public const string FolderName = "keys";

    public static void AddKeyProtection(this IServiceCollection services, BayanOptions options)
    {
        var folder = OwnerOnlyFolder(Path.Combine(options.DataFolder, FolderName));
        // Named, not left to the install folder (ASP.NET Core's default): webhook secrets encrypted with
        // these keys must still open after Bayan is installed elsewhere, as they do on every node with Redis.
        services.AddDataProtection().PersistKeysToFileSystem(folder).SetApplicationName("Bayan");
        services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new KeptByPermissions());
    }

    /// <summary>The keys folder, made (or made again) readable and writable by its owner alone.</summary>
    private static DirectoryInfo OwnerOnlyFolder(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(path);
        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        try
        {
            var folder = Directory.CreateDirectory(path, ownerOnly);
            // A folder made before Bayan chose this, or copied with a backup, keeps its old mode otherwise.
            if (folder.UnixFileMode != ownerOnly)
                folder.UnixFileMode = ownerOnly;
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"The sign-in keys folder '{path}' (in the data folder: setting Bayan:Data, switch --data) cannot be made readable by its owner only: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a key as it is, with a note saying so, in the form ASP.NET Core's own
    /// <see cref="NullXmlDecryptor"/> reads back.
    /// </summary>
    private sealed class KeptByPermissions : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
            new XElement("unencryptedKey",
                new XComment(" Not encrypted: protected by who may read where it is kept (see Bayan's README, 'Sign-in keys'). "),
                new XElement(plaintextElement)),
            typeof(NullXmlDecryptor));
    }
}
